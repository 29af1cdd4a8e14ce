namespace Engage.Reporting.Content;

public sealed record FigureChange(string Figure, string Before, string After);
public sealed record ThemeChange(string Theme, int? PeopleBefore, int? PeopleAfter, double? PrevalenceBefore, double? PrevalenceAfter);
public sealed record RecommendationChange(string Audience, string Title, string? TextBefore, string? TextAfter);
public sealed record NarrativeChange(string Section, string Name, string Before, string After);

/// <summary>What changed between two editions of a report, in the terms staff check before publishing again.</summary>
public sealed record ReportChanges(string From, string To, IReadOnlyList<FigureChange> Figures, IReadOnlyList<ThemeChange> Themes,
    IReadOnlyList<RecommendationChange> Recommendations, IReadOnlyList<NarrativeChange> Narrative)
{
    public bool None => Figures.Count + Themes.Count + Recommendations.Count + Narrative.Count == 0;

    public static ReportChanges Between(ReportEdition from, ReportEdition to)
    {
        ReportFacts a = from.Facts(), b = to.Facts();
        var figures = new List<FigureChange>();
        void Figure(string name, object? before, object? after)
        {
            var (x, y) = (before?.ToString() ?? "not available", after?.ToString() ?? "not available");
            if (x != y) figures.Add(new FigureChange(name, x, y));
        }
        Figure("Title", from.Title, to.Title);
        Figure("People who took part", a.Participation?.TookPart, b.Participation?.TookPart);
        Figure("Contributors", a.Participation?.Contributors, b.Participation?.Contributors);
        Figure("Contributions", a.Participation?.Contributions, b.Participation?.Contributions);
        Figure("Votes", a.Participation?.Votes, b.Participation?.Votes);
        Figure("Codebook version", a.Method?.CodebookVersion, b.Method?.CodebookVersion);
        Figure("Krippendorff's alpha", a.Method?.Reliability?.KrippendorffAlpha?.ToString("0.000"), b.Method?.Reliability?.KrippendorffAlpha?.ToString("0.000"));

        var themes = a.Themes.Select(t => t.ThemeId).Union(b.Themes.Select(t => t.ThemeId))
            .Select(id => (Before: a.ThemeById.GetValueOrDefault(id), After: b.ThemeById.GetValueOrDefault(id)))
            .Where(p => p.Before is null || p.After is null || p.Before.People != p.After.People || p.Before.Title != p.After.Title || p.Before.Prevalence != p.After.Prevalence)
            .Select(p => new ThemeChange((p.After ?? p.Before)!.Title, p.Before?.People, p.After?.People, p.Before?.Prevalence, p.After?.Prevalence)).ToList();

        var recsBefore = a.Recommendations.ToDictionary(r => r.RecommendationId);
        var recsAfter = b.Recommendations.ToDictionary(r => r.RecommendationId);
        var recommendations = recsBefore.Keys.Union(recsAfter.Keys)
            .Select(id => (Before: recsBefore.GetValueOrDefault(id), After: recsAfter.GetValueOrDefault(id)))
            .Where(p => p.Before is null || p.After is null || p.Before.Text != p.After.Text || p.Before.Title != p.After.Title || p.Before.Audience != p.After.Audience)
            .Select(p => new RecommendationChange(Audiences.Name((p.After ?? p.Before)!.Audience ?? ""), (p.After ?? p.Before)!.Title,
                p.Before is null ? null : $"{p.Before.Title}: {p.Before.Text}", p.After is null ? null : $"{p.After.Title}: {p.After.Text}")).ToList();

        var narrative = from.Narrative.Keys.Union(to.Narrative.Keys)
            .Where(k => from.NarrativeOf(k) != to.NarrativeOf(k))
            .Select(k => new NarrativeChange(k, NarrativeSections.NameOf(k, to.Analysis), from.NarrativeOf(k), to.NarrativeOf(k))).ToList();

        return new ReportChanges(Label(from), Label(to), figures, themes, recommendations, narrative);
    }

    private static string Label(ReportEdition e) => e.Version is { } v ? $"version {v}" : "the draft";
}
