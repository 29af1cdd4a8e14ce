namespace Engage.Analysis.Coding;

/// <summary>A run of an item's text and the span codings that cover all of it.</summary>
public sealed record TextSegment(int Start, int End, string Text, IReadOnlyList<CodingView> Codings);

/// <summary>
/// Cuts an item's text at every span coding's start and end, so each run of text can be shown with the
/// codes that cover it. The runs join back to the text exactly, so offsets the browser reads from the page
/// (counting characters of the text nodes) are offsets into the stored text.
/// </summary>
public static class TextSegments
{
    public static IReadOnlyList<TextSegment> Of(string text, IEnumerable<CodingView> codings)
    {
        var spans = codings.Where(c => c.Start is { } s && c.End is { } e && s >= 0 && e <= text.Length && s < e).ToList();
        var cuts = new SortedSet<int> { 0, text.Length };
        foreach (var c in spans) { cuts.Add(c.Start!.Value); cuts.Add(c.End!.Value); }
        var points = cuts.ToArray();
        var segments = new List<TextSegment>(points.Length);
        for (var i = 0; i + 1 < points.Length; i++)
        {
            var (from, to) = (points[i], points[i + 1]);
            if (from == to) continue;
            segments.Add(new TextSegment(from, to, text[from..to], spans.Where(c => c.Start <= from && c.End >= to).ToList()));
        }
        return segments;
    }
}
