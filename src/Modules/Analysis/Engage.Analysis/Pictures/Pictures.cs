using Engage.Analysis.Contracts;
using Engage.Analysis.Findings;

namespace Engage.Analysis.Pictures;

/// <summary>Code co-occurrence ready to draw and tabulate: counts under the minimum are hidden in both.</summary>
public sealed record CoOccurrencePicture(IReadOnlyList<string> Codes, int?[,] Counts, MinimumGroup Minimum)
{
    public static CoOccurrencePicture Of(IReadOnlyList<string> names, int[,] counts, MinimumGroup minimum)
    {
        var n = names.Count;
        var shown = new int?[n, n];
        for (var a = 0; a < n; a++)
            for (var b = 0; b < n; b++)
                shown[a, b] = counts[a, b] == 0 ? 0 : minimum.Shown(counts[a, b]);
        return new CoOccurrencePicture(names, shown, minimum);
    }

    public string Svg()
    {
        var max = Math.Max(1, Enumerable.Range(0, Codes.Count).SelectMany(a => Enumerable.Range(0, Codes.Count).Select(b => Counts[a, b] ?? 0)).DefaultIfEmpty(0).Max());
        var rows = Codes.Select((name, a) => new HeatRow(name, Codes.Select((other, b) => Counts[a, b] is { } k
            ? new HeatCell((double)k / max, k.ToString("N0"), a == b ? $"{name}: {k:N0} items" : $"{name} and {other}: {k:N0} items")
            : new HeatCell(null, "", $"{name} and {other}: {Minimum.Words(null)} items")).ToList())).ToList();
        return Heatmap.Draw("co-occurrence-map", "Codes that occur together",
            $"Items coded with both codes, for {Codes.Count} codes; the diagonal is the items with each code. Darker means more items; hatched cells describe fewer than {Minimum.Size}.",
            Codes, rows);
    }
}

/// <summary>Themes by the share of each attribute group raising them, rows marked where chi-square finds a dependence.</summary>
public static class ThemeAttributePicture
{
    public const double Significance = 0.05;

    public static string Svg(string attribute, IReadOnlyList<(string Theme, ThemeBreakdown Breakdown)> rows, int minimum)
    {
        var columns = rows.Count > 0 ? rows[0].Breakdown.Cells.Select(c => c.Value).ToList() : [];
        var max = Math.Max(1, rows.SelectMany(r => r.Breakdown.Cells).Select(c => c.Percent ?? 0).DefaultIfEmpty(0).Max());
        var heat = rows.Select(r => new HeatRow(r.Theme, r.Breakdown.Cells.Select(c => c.Percent is { } p
                ? new HeatCell(p / max, $"{Math.Round(p):0}%", $"{r.Theme}, {attribute} {c.Value}: {c.Count} of {c.GroupSize} people ({Math.Round(p, 1)}%)")
                : new HeatCell(null, "", $"{r.Theme}, {attribute} {c.Value}: not shown (fewer than {minimum} people)")).ToList(),
            Marked: r.Breakdown.PValue is < Significance)).ToList();
        return Heatmap.Draw("theme-attribute-map", $"Themes by {attribute}",
            $"The share of each {attribute} group who raised each theme, for {rows.Count} themes and {columns.Count} groups. Darker means a larger share; hatched cells are groups of fewer than {minimum} people.",
            columns, heat, $"chi-square p < {Significance}: raising the theme depends on {attribute}.");
    }
}
