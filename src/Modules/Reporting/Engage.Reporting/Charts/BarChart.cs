using Engage.Analysis.Contracts;
using static Engage.Reporting.Content.ReportWords;

namespace Engage.Reporting.Charts;

/// <summary>A bar whose value is null is a group too small to show: it is named, with no bar, and reads "fewer than N".</summary>
public sealed record Bar(string Label, double? Value, string Display);

/// <summary>
/// A horizontal bar chart: the one chart the report needs (counts and shares by group). Drawn as SVG
/// for the web page and PDF, as PNG for Word; the same figures are always in a table beside it.
/// </summary>
public sealed record BarChart(string Title, IReadOnlyList<Bar> Bars)
{
    public const int Width = 640, LabelWidth = 230, RowHeight = 26, Top = 8, Bottom = 8;
    public int Height => Top + Bottom + Math.Max(1, Bars.Count) * RowHeight;
    /// <summary>Equal for charts of the same figures (the record's list compares by reference).</summary>
    public string Key => Title + "\n" + string.Join("\n", Bars);
    /// <summary>What a screen reader says for the chart, in every format.</summary>
    public string AltText => $"{Title}. The figures are in the table that follows.";
    public double Max => Bars.Select(b => b.Value ?? 0).DefaultIfEmpty(0).Max() is var m and > 0 ? m : 1;

    /// <summary>Labels longer than the label column are cut (the table beside the chart has them whole).</summary>
    public static string Fit(string label) => label.Length <= 32 ? label : label[..31] + "…";

    /// <param name="name">The profile question as the report names it ("Years in practice").</param>
    public static BarChart Participation(string name, AttributeCounts counts, int minimum) =>
        new($"People by {InSentence(name)}", (counts.Groups ?? []).Select(g =>
            new Bar(Value(g.Value), g.Count, Count(g.Count, minimum, g.Shown))).ToList());

    public static BarChart Breakdown(string theme, string name, ThemeBreakdown b, int minimum) =>
        new($"{theme}: share of each group who raised it, by {InSentence(name)}", (b.Cells ?? []).Select(c =>
            new Bar(Value(c.Value), c.Percent, c.Percent is { } p ? Share(p) : Count(null, minimum, c.Shown))).ToList());

    public static BarChart Prevalence(IReadOnlyList<FindingTheme> themes) =>
        new("Share of contributors who raised each theme", themes.Select(t => new Bar(t.Title, t.Prevalence, t.Prevalence is { } p ? Share(p) : !string.IsNullOrWhiteSpace(t.PrevalenceShown) ? t.PrevalenceShown : "not shown")).ToList());
}

/// <summary>
/// Which breakdowns a theme's page shows: those where Pearson's chi-square test finds the groups differ
/// (p &lt; 0.05), each as a chart and table. The others are named in one sentence, their figures left to
/// the breakdowns data table: forty themes by six questions would otherwise be 240 charts, most saying "no difference".
/// </summary>
public static class Breakdowns
{
    public const double Significance = 0.05;

    public static (IReadOnlyList<ThemeBreakdown> Shown, IReadOnlyList<ThemeBreakdown> Quiet) Split(FindingTheme theme)
    {
        var all = theme.Breakdowns ?? [];
        return (all.Where(b => b.PValue < Significance).ToList(), all.Where(b => !(b.PValue < Significance)).ToList());
    }

    /// <param name="names">The profile questions as the report names them inside a sentence.</param>
    public static string QuietSentence(IReadOnlyList<string> names) =>
        $"No clear difference by {string.Join(", ", names)} (Pearson's chi-square p ≥ {Significance}, or too few people to test); " +
        "every group's figures are in the breakdowns data table.";
}
