using Engage.Analysis.Contracts;

namespace Engage.Reporting.Content;

/// <summary>
/// What participants who deleted their data took with them from a frozen analysis (docs/adr/0018): a
/// contribution they removed leaves every quote, statement and evidence list; one they left in place
/// keeps its words but loses its attribution, which described them. Figures are not recomputed here:
/// they are counts of groups no smaller than the minimum, and the next analysis publication recounts them.
/// </summary>
public static class Erasure
{
    /// <summary>The analysis without the departed's text and attributes, and how many quotes and statements changed.</summary>
    public static (AnalysisPublished Analysis, int Changes) Apply(AnalysisPublished a, IReadOnlySet<Guid> removed, IReadOnlySet<Guid> anonymised)
    {
        var changes = 0;
        IReadOnlyList<QuoteFinding> Quotes(IReadOnlyList<QuoteFinding>? quotes) => (quotes ?? []).Where(q => q is not null).Select(q =>
        {
            if (removed.Contains(q.ContributionId)) { changes++; return null; }
            if (anonymised.Contains(q.ContributionId) && !string.IsNullOrEmpty(q.Attribution)) { changes++; return q with { Attribution = "" }; }
            return q;
        }).OfType<QuoteFinding>().ToList();
        IReadOnlyList<StatementFinding> Statements(IReadOnlyList<StatementFinding>? statements) => (statements ?? []).Where(s =>
        {
            if (s is null || !removed.Contains(s.ContributionId)) return s is not null;
            changes++;
            return false;
        }).ToList();

        var themes = (a.Themes ?? []).Where(t => t is not null).Select(t => t with
        {
            Quotes = Quotes(t.Quotes),
            EvidenceContributionIds = (t.EvidenceContributionIds ?? []).Where(id => !removed.Contains(id)).ToList()
        }).ToList();
        var kept = themes.SelectMany(t => t.Quotes).Select(q => q.QuoteId).ToHashSet();
        var recommendations = (a.Recommendations ?? []).Where(r => r is not null)
            .Select(r => r with { QuoteIds = (r.QuoteIds ?? []).Where(kept.Contains).ToList() }).ToList();
        var groups = a.OpinionGroups is not { } o ? null : o with
        {
            Groups = (o.Groups ?? []).Select(g => g with { Representative = Statements(g.Representative) }).ToList(),
            Consensus = Statements(o.Consensus),
            Divisive = Statements(o.Divisive)
        };
        return (a with { Themes = themes, Recommendations = recommendations, OpinionGroups = groups }, changes);
    }
}
