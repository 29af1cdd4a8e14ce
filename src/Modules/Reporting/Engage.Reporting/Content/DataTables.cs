using Engage.Analysis.Contracts;

namespace Engage.Reporting.Content;

/// <summary>A table of the report's figures. Cells are strings, numbers or null (suppressed or not measured).</summary>
public sealed record DataTable(string Name, string Title, IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows);

/// <summary>
/// The figures behind the report, as tables people can take into a spreadsheet (CSV, Excel, and the
/// appendix). The evidence table lists every contribution behind every theme, so it is the one that
/// grows with the workshop; the others grow with the codebook.
/// </summary>
public static class DataTables
{
    public static readonly IReadOnlyList<string> Names =
        ["participation", "themes", "subthemes", "breakdowns", "group-views", "quotes", "recommendations", "codebook", "reliability", "evidence"];

    public static IReadOnlyList<DataTable> All(ReportFacts facts) => Names.Select(n => Build(n, facts)!).ToList();

    public static DataTable? Build(string name, ReportFacts f) => name switch
    {
        "participation" => new(name, "Who took part, by profile answer", ["Attribute", "Group", "People"],
            (f.Participation?.ByAttribute ?? []).SelectMany(a => (a.Groups ?? []).Select(g => Row(a.Attribute, g.Value, g.Count))).ToList()),
        "themes" => new(name, "Themes", ["Theme", "Description", "Items", "People", "Prevalence (%)", "Issues", "Solutions", "Positive", "Neutral", "Negative", "Mean sentiment"],
            f.Themes.Select(t => Row(t.Title, t.Description, t.Items, t.People, Round(t.Prevalence, 1), t.Issues, t.Solutions,
                t.Sentiment?.Positive, t.Sentiment?.Neutral, t.Sentiment?.Negative, t.Sentiment is { } s ? Math.Round(s.Mean, 3) : null)).ToList()),
        "subthemes" => new(name, "Subthemes", ["Theme", "Subtheme", "Items", "People"],
            f.Themes.SelectMany(t => (t.Subthemes ?? []).Select(s => Row(t.Title, s.Name, s.Items, s.People))).ToList()),
        "breakdowns" => new(name, "Themes by group, with Pearson's chi-square test", ["Theme", "Attribute", "Group", "People", "Group size", "Percent", "Chi-square", "Degrees of freedom", "p-value"],
            f.Themes.SelectMany(t => (t.Breakdowns ?? []).SelectMany(b => (b.Cells ?? []).Select(c =>
                Row(t.Title, b.Attribute, c.Value, c.Count, c.GroupSize, Round(c.Percent, 1), Round(b.ChiSquare, 3), b.DegreesOfFreedom, Round(b.PValue, 4))))).ToList()),
        "group-views" => new(name, "How each opinion group voted on each theme", ["Theme", "Opinion group", "Agree", "Disagree", "Pass", "Agree (%)"],
            f.Themes.SelectMany(t => (t.GroupViews ?? []).Select(g => Row(t.Title, GroupName(f, g.GroupId), g.Agree, g.Disagree, g.Pass, Round(g.AgreePercent, 1)))).ToList()),
        "quotes" => new(name, "Quotes", ["Theme", "Quote", "Attribution", "Contribution id"],
            f.Themes.SelectMany(t => (t.Quotes ?? []).Select(q => Row(t.Title, q.Text, q.Attribution, q.ContributionId.ToString()))).ToList()),
        "recommendations" => new(name, "Recommendations", ["Audience", "Title", "Recommendation", "Priority", "People", "Items", "Agree", "Disagree", "Pass", "Support (%)", "Themes", "Problems answered", "Progress", "Note"],
            f.Recommendations.Select(r => Row(Audiences.Name(r.Audience ?? ""), r.Title, r.Text, r.Priority, r.Evidence?.People, r.Evidence?.Items, r.Evidence?.Agree,
                r.Evidence?.Disagree, r.Evidence?.Pass, Round(r.Evidence?.SupportPercent, 1),
                string.Join("; ", (r.ThemeIds ?? []).Select(id => f.ThemeById.GetValueOrDefault(id)?.Title ?? f.CodeById.GetValueOrDefault(id)?.Name).OfType<string>()),
                string.Join("; ", f.ProblemsAnswered(r).Select(p => p.Text)),
                f.ProgressOf.GetValueOrDefault(r.RecommendationId)?.Progress.ToString(), f.ProgressOf.GetValueOrDefault(r.RecommendationId)?.Note)).ToList()),
        "codebook" => new(name, "Codebook", ["Code", "Parent", "Definition", "Include when", "Exclude when", "Example"],
            f.Codebook.Select(c => Row(c.Name, c.ParentId is { } p ? f.CodeById.GetValueOrDefault(p)?.Name : null, c.Definition, c.Inclusion, c.Exclusion, c.Example)).ToList()),
        "reliability" => new(name, "Agreement between coders, by code", ["Code", "Krippendorff's alpha", "Percent agreement"],
            (f.Method?.Reliability?.ByCode ?? []).Select(c => Row(c.Code, Round(c.KrippendorffAlpha, 3), Round(c.PercentAgreement * 100, 1))).ToList()),
        "evidence" => new(name, "Contributions behind each theme", ["Theme", "Contribution id"],
            f.Themes.SelectMany(t => (t.EvidenceContributionIds ?? []).Select(id => Row(t.Title, id.ToString()))).ToList()),
        _ => null
    };

    public static string GroupName(ReportFacts f, int groupId) =>
        f.Analysis.OpinionGroups?.Groups?.FirstOrDefault(g => g.GroupId == groupId)?.Label is { Length: > 0 } label ? label : $"Group {groupId + 1}";

    private static object?[] Row(params object?[] cells) => cells;

    private static double? Round(double? value, int digits) => value is { } v && double.IsFinite(v) ? Math.Round(v, digits) : null;
}
