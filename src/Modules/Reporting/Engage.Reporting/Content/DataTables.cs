using System.Globalization;
using static Engage.Reporting.Content.ReportWords;

namespace Engage.Reporting.Content;

/// <summary>
/// A table of the report's figures. Cells are strings, numbers, <see cref="Suppressed"/> (a figure about
/// fewer people than the minimum, written "fewer than N") or null (not measured).
/// </summary>
public sealed record DataTable(string Name, string Title, IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows);

/// <summary>
/// The figures behind the report, as tables people can take into a spreadsheet (CSV, Excel, and the
/// appendix), built from the same facts and words as the report's sentences: names as the report
/// writes them, shares rounded as it shows them. The evidence table lists every contribution behind
/// every theme, so it is the one that grows with the workshop; the others grow with the codebook.
/// </summary>
public static class DataTables
{
    public static readonly IReadOnlyList<string> Names =
        ["participation", "themes", "subthemes", "breakdowns", "group-views", "quotes", "recommendations", "codebook", "reliability", "evidence"];

    public static IReadOnlyList<DataTable> All(ReportFacts facts) => Names.Select(n => Build(n, facts)!).ToList();

    public static DataTable? Build(string name, ReportFacts f)
    {
        var min = f.MinimumGroupSize;
        object? Cell(int? count, string? shown) => count is { } c ? c : Held(min, shown);
        return name switch
        {
            "participation" => new(name, "Who took part, by profile answer", ["Question", "Answer", "People"],
                (f.Participation?.ByAttribute ?? []).SelectMany(a => (a.Groups ?? []).Select(g => Row(f.AttributeName(a.Attribute, a.Label), Value(g.Value), Cell(g.Count, g.Shown)))).ToList()),
            "themes" => new(name, "Themes", ["Theme", "Description", "Items", "People", "Share of contributors (%)", "Issues", "Solutions", "Positive", "Neutral", "Negative", "Mean sentiment"],
                f.Themes.Select(t => Row(t.Title, t.Description, t.Items, Cell(t.People, t.PeopleShown), t.Prevalence is null ? Held(min, t.PrevalenceShown) : ShareValue(t.Prevalence), t.Issues, t.Solutions,
                    t.Sentiment?.Positive, t.Sentiment?.Neutral, t.Sentiment?.Negative, t.Sentiment is { } s ? Math.Round(s.Mean, 3) : null)).ToList()),
            "subthemes" => new(name, "Subthemes", ["Theme", "Subtheme", "Items", "People"],
                f.Themes.SelectMany(t => (t.Subthemes ?? []).Select(s => Row(t.Title, s.Name, s.Items, Cell(s.People, s.PeopleShown)))).ToList()),
            "breakdowns" => new(name, "Themes by group, with Pearson's chi-square test", ["Theme", "Question", "Answer", "Raised it", "Group size", "Share of the group (%)", "Chi-square", "Degrees of freedom", "p-value"],
                f.Themes.SelectMany(t => (t.Breakdowns ?? []).SelectMany(b => (b.Cells ?? []).Select(c =>
                    Row(t.Title, f.AttributeName(b.Attribute, b.Label), Value(c.Value), Cell(c.Count, c.Shown), Cell(c.GroupSize, c.GroupSizeShown), c.Percent is null ? Held(min, c.Shown) : ShareValue(c.Percent), Round(b.ChiSquare, 3), b.DegreesOfFreedom, Round(b.PValue, 4))))).ToList()),
            "group-views" => new(name, "How each opinion group voted on each theme's contributions", ["Theme", "Opinion group", "Agree", "Disagree", "Pass", "Agree share (%)", "Disagree share (%)", "Pass share (%)", "Most votes"],
                f.Themes.SelectMany(t => (t.GroupViews ?? []).Select(g => Row(t.Title, f.GroupName(g.GroupId), g.Agree, g.Disagree, g.Pass,
                    ShareValue(OpinionWords.Shares(g).Agree), ShareValue(OpinionWords.Shares(g).Disagree), ShareValue(OpinionWords.Shares(g).Pass), OpinionWords.Word(OpinionWords.Shares(g).Direction)))).ToList()),
            "quotes" => new(name, "Quotes", ["Theme", "Quote", "Attribution", "Contribution id"],
                f.Themes.SelectMany(t => (t.Quotes ?? []).Select(q => Row(t.Title, q.Text, Attribution(q.Attribution), q.ContributionId.ToString()))).ToList()),
            "recommendations" => new(name, "Recommendations", ["Audience", "Title", "Recommendation", "Priority", "People", "Items", "Agree", "Disagree", "Pass", "Agree share of agree and disagree votes (%)", "Themes", "Problems answered", "Progress", "Note"],
                f.Recommendations.Select(r => Row(Audiences.Name(r.Audience ?? ""), r.Title, r.Text, r.Priority, r.Evidence is { } e ? Cell(e.People, e.PeopleShown) : null, r.Evidence?.Items, r.Evidence?.Agree,
                    r.Evidence?.Disagree, r.Evidence?.Pass, ShareValue(r.Evidence?.SupportPercent),
                    string.Join("; ", (r.ThemeIds ?? []).Select(id => f.ThemeById.GetValueOrDefault(id)?.Title ?? f.CodeById.GetValueOrDefault(id)?.Name).OfType<string>()),
                    string.Join("; ", f.ProblemsAnswered(r).Select(p => p.Text)),
                    f.ProgressOf.GetValueOrDefault(r.RecommendationId) is { } done ? ReportOutlines.Progress(done.Progress) : null, f.ProgressOf.GetValueOrDefault(r.RecommendationId)?.Note)).ToList()),
            "codebook" => new(name, "Codebook", ["Code", "Parent", "Definition", "Include when", "Exclude when", "Example"],
                f.Codebook.Select(c => Row(c.Name, c.ParentId is { } p ? f.CodeById.GetValueOrDefault(p)?.Name : null, c.Definition, c.Inclusion, c.Exclusion, c.Example)).ToList()),
            "reliability" => new(name, "Agreement between coders, by code", ["Code", "Krippendorff's alpha", "Percent agreement (%)"],
                (f.Method?.Reliability?.ByCode ?? []).Select(c => Row(c.Code, Round(c.KrippendorffAlpha, 2), ShareValue(c.PercentAgreement * 100))).ToList()),
            "evidence" => new(name, "Contributions behind each theme", ["Theme", "Contribution id"],
                f.Themes.SelectMany(t => (t.EvidenceContributionIds ?? []).Select(id => Row(t.Title, id.ToString()))).ToList()),
            _ => null
        };
    }

    /// <summary>A cell as the report's own tables write it.</summary>
    public static string Cell(object? value) => value switch
    {
        null => "",
        double d => d.ToString("0.###", CultureInfo.InvariantCulture),
        int i => Number(i),
        _ => value.ToString() ?? ""
    };

    private static object?[] Row(params object?[] cells) => cells;

    private static double? Round(double? value, int digits) => value is { } v && double.IsFinite(v) ? Math.Round(v, digits) : null;
}
