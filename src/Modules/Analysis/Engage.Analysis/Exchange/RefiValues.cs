using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Engage.Analysis.Exchange;

/// <summary>How REFI-QDA spells GUIDs, dates and colours, both ways.</summary>
internal static partial class RefiValues
{
    public static string Guid(Guid id) => id.ToString("D").ToUpperInvariant();

    /// <summary>The schema accepts a GUID bare or in braces, in either case.</summary>
    public static bool TryParseGuid(string? value, out Guid id) =>
        System.Guid.TryParseExact(value?.Trim(), "D", out id) || System.Guid.TryParseExact(value?.Trim(), "B", out id);

    /// <summary>
    /// Whole seconds in UTC, as the spec's own examples write them: some importers parse only that form, so
    /// fractions of a second are not worth the risk.
    /// </summary>
    public static string DateTime(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>xsd:dateTime; a value without a zone is taken as UTC, the only reading that is the same everywhere.</summary>
    public static bool TryParseDateTime(string value, out DateTimeOffset at)
    {
        var ok = DateTimeOffset.TryParse(value.Trim(), CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out at);
        at = at.ToUniversalTime();
        return ok;
    }

    /// <summary>"#RGB" or "#RRGGBB" in any case becomes "#RRGGBB" upper case; anything else is null.</summary>
    public static string? Colour(string? value)
    {
        if (value is null || !ColourPattern().IsMatch(value.Trim())) return null;
        var hex = value.Trim()[1..].ToUpperInvariant();
        return "#" + (hex.Length == 3 ? string.Concat(hex.Select(c => $"{c}{c}")) : hex);
    }

    [GeneratedRegex("^#([0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})$")]
    private static partial Regex ColourPattern();

    /// <summary>
    /// Characters XML 1.0 cannot carry (most control characters, lone surrogates) become U+FFFD, one for one, so
    /// a pasted stray control character cannot make the whole export unreadable.
    /// </summary>
    public static string XmlSafe(string text)
    {
        if (!text.Any(c => c < ' ' || char.IsSurrogate(c) || c >= '\uFFFE')) return text;
        var safe = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                safe.Append(c).Append(text[++i]);
            else
                safe.Append(c is '\t' or '\n' or '\r' || (c >= ' ' && !char.IsSurrogate(c) && c < '\uFFFE') ? c : '\uFFFD');
        }
        return safe.ToString();
    }

    /// <summary>
    /// A GUID for something REFI-QDA needs an identity for but Engage does not store (a text selection, a case,
    /// a variable), derived from what it stands for so the same analysis always exports the same file.
    /// </summary>
    public static Guid Derived(string purpose, string key)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"engage-refi:{purpose}:{key}"), hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }

    /// <summary>Messages are in English, so their numbers are too, whatever the server's culture.</summary>
    public static string Count(long number) => number.ToString("N0", CultureInfo.InvariantCulture);

    public static string Size(long bytes) =>
        bytes < 1024 * 1024 ? $"{Count(bytes)} bytes" : $"{Count(bytes / (1024 * 1024))} MB";
}
