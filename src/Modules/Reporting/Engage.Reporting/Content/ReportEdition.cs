using Engage.Analysis.Contracts;
using Engage.Reporting.Reports;

namespace Engage.Reporting.Content;

/// <summary>
/// What every output renders: a draft or one published version, with the progress recorded on its
/// recommendations. <see cref="Version"/> is null for the draft. <see cref="Withdrawn"/> counts what a
/// published version lost when participants deleted their data (docs/adr/0018).
/// </summary>
public sealed record ReportEdition(Guid ReportId, string Title, int? Version, DateTimeOffset? PublishedAt,
    AnalysisPublished Analysis, IReadOnlyDictionary<string, string> Narrative, IReadOnlyList<ProgressEntry> Progress, int Withdrawn = 0)
{
    public string VersionLabel => ReportOutlines.VersionLabel(this);

    public string NarrativeOf(string section) => Narrative.TryGetValue(section, out var text) ? text : "";

    /// <summary>Lookups the sections share, computed once per render.</summary>
    public ReportFacts Facts() => new(this);
}

/// <summary>
/// The analysis as the report reads it. An analysis may lack any part (older messages, an uploaded
/// corpus without a workshop, no reliability sample): every accessor tolerates nulls, so a missing
/// section renders as "not available" instead of failing.
/// </summary>
public sealed class ReportFacts
{
    public ReportFacts(ReportEdition edition)
    {
        Edition = edition;
        var a = edition.Analysis;
        Themes = (a.Themes ?? []).Where(t => t is not null).OrderByDescending(t => t.People).ToList();
        Recommendations = (a.Recommendations ?? []).Where(r => r is not null).ToList();
        Codebook = (a.Codebook ?? []).Where(c => c is not null).ToList();
        ThemeById = Themes.GroupBy(t => t.ThemeId).ToDictionary(g => g.Key, g => g.First());
        QuoteById = Themes.SelectMany(t => t.Quotes ?? []).GroupBy(q => q.QuoteId).ToDictionary(g => g.Key, g => g.First());
        ProblemById = (a.Workshop?.Questions ?? []).SelectMany(q => q.Problems ?? []).GroupBy(p => p.ProblemId).ToDictionary(g => g.Key, g => g.First());
        QuestionById = (a.Workshop?.Questions ?? []).GroupBy(q => q.ThemeId).ToDictionary(g => g.Key, g => g.First());
        CodeById = Codebook.GroupBy(c => c.CodeId).ToDictionary(g => g.Key, g => g.First());
        ProgressOf = edition.Progress.GroupBy(p => p.RecommendationId).ToDictionary(g => g.Key, g => g.Last());
    }

    public ReportEdition Edition { get; }
    public AnalysisPublished Analysis => Edition.Analysis;
    public ParticipationFigures? Participation => Analysis.Participation;
    public MethodFacts? Method => Analysis.Method;
    public WorkshopFacts? Workshop => Analysis.Workshop;
    public int MinimumGroupSize => Workshop?.MinimumGroupSize ?? 10;
    public IReadOnlyList<FindingTheme> Themes { get; }
    public IReadOnlyList<RecommendedAction> Recommendations { get; }
    public IReadOnlyList<CodebookEntry> Codebook { get; }
    public IReadOnlyDictionary<Guid, FindingTheme> ThemeById { get; }
    public IReadOnlyDictionary<Guid, QuoteFinding> QuoteById { get; }
    public IReadOnlyDictionary<Guid, ProblemStatement> ProblemById { get; }
    public IReadOnlyDictionary<Guid, WorkshopQuestion> QuestionById { get; }
    public IReadOnlyDictionary<Guid, CodebookEntry> CodeById { get; }
    public IReadOnlyDictionary<Guid, ProgressEntry> ProgressOf { get; }

    /// <summary>Recommendations by audience: national bodies, employers and individuals first, any other audience after.</summary>
    public IReadOnlyList<(string Audience, IReadOnlyList<RecommendedAction> Actions)> ByAudience() =>
        Recommendations.GroupBy(r => r.Audience ?? "")
            .OrderBy(g => Array.IndexOf(Audiences.Order, g.Key) is var i and >= 0 ? i : 99).ThenBy(g => g.Key)
            .Select(g => (g.Key, (IReadOnlyList<RecommendedAction>)g.ToList())).ToList();

    /// <summary>The seminar problem statements a recommendation answers: its own, else those behind its workshop themes.</summary>
    public IReadOnlyList<ProblemStatement> ProblemsAnswered(RecommendedAction r)
    {
        var ids = (r.ProblemIds ?? []).ToList();
        if (ids.Count == 0)
            ids = (r.WorkshopThemeIds ?? []).SelectMany(t => QuestionById.TryGetValue(t, out var q) ? q.Problems ?? [] : []).Select(p => p.ProblemId).ToList();
        return ids.Distinct().Select(id => ProblemById.GetValueOrDefault(id)).OfType<ProblemStatement>().ToList();
    }

    /// <summary>
    /// A profile question's name in words: the label the analysis carries ("Years in practice"), else the
    /// label it carries for the same key elsewhere, else the key made readable.
    /// </summary>
    public string AttributeName(string attribute, string? label = null) =>
        !string.IsNullOrWhiteSpace(label) ? label
        : LabelOf.TryGetValue(attribute, out var known) ? known
        : Engage.Platform.Wording.Words.Humanise(attribute);

    private IReadOnlyDictionary<string, string> LabelOf => labels ??= (Participation?.ByAttribute ?? []).Where(a => !string.IsNullOrWhiteSpace(a.Label))
        .Concat(Themes.SelectMany(t => t.Breakdowns ?? []).Where(b => !string.IsNullOrWhiteSpace(b.Label)).Select(b => new AttributeCounts(b.Attribute, [], b.Label)))
        .GroupBy(a => a.Attribute).ToDictionary(g => g.Key, g => g.First().Label);
    private IReadOnlyDictionary<string, string>? labels;

    public string GroupName(int groupId) =>
        Analysis.OpinionGroups?.Groups?.FirstOrDefault(g => g.GroupId == groupId)?.Label is { Length: > 0 } label ? label : $"Group {groupId + 1}";

    public int PeopleBase => Participation?.Contributors is int c and > 0 ? c : Participation?.Registered ?? 0;
}

public static class Audiences
{
    public static readonly string[] Order = ["national-bodies", "employers", "individuals"];

    public static string Name(string audience) => audience switch
    {
        "national-bodies" => "National bodies",
        "employers" => "Employers",
        "individuals" => "Individuals",
        "" => "Everyone",
        _ => char.ToUpperInvariant(audience[0]) + audience[1..].Replace('-', ' ')
    };
}
