namespace Engage.Analysis.Exchange;

/// <summary>
/// Converts between .NET string (UTF-16) indices and the Unicode code point offsets REFI-QDA counts in (spec
/// §10.2). They differ once a text holds characters outside the Basic Multilingual Plane, such as emoji, which
/// take two UTF-16 units but one code point.
/// </summary>
internal sealed class CodePoints
{
    /// <summary>The UTF-16 index where each code point starts; null when every code point is one unit.</summary>
    readonly int[]? starts;

    public CodePoints(string text)
    {
        Utf16Length = text.Length;
        if (!text.Any(char.IsSurrogate))
        {
            Length = text.Length;
            return;
        }
        var list = new List<int>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            list.Add(i);
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
        }
        Length = list.Count;
        list.Add(text.Length);
        starts = [.. list];
    }

    /// <summary>The text's length in code points.</summary>
    public int Length { get; }

    public int Utf16Length { get; }

    /// <summary>How many code points start before <paramref name="index"/>: an index inside a pair counts the pair.</summary>
    public int FromUtf16(int index)
    {
        if (starts is null) return index;
        var found = Array.BinarySearch(starts, 0, Length, index);
        return found >= 0 ? found : ~found;
    }

    /// <summary>The UTF-16 index of code point offset <paramref name="offset"/>, which must lie in [0, Length].</summary>
    public int ToUtf16(int offset) => starts?[offset] ?? offset;
}
