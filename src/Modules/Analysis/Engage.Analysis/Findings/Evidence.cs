using Engage.Analysis.Contracts;

namespace Engage.Analysis.Findings;

/// <summary>
/// The evidence for a recommendation: the items of the themes and codes it rests on (and of its quotes),
/// how many people raised them, the votes on them, and which opinion groups mostly agree with them.
/// </summary>
public static class Evidence
{
    public static RecommendationEvidence For(CorpusFacts facts, Recommendation recommendation, OpinionAnalysis opinion)
    {
        var items = ItemsOf(facts, recommendation);
        var votes = facts.Votes.Where(v => items.Contains(v.ContributionId)).ToList();
        int agree = votes.Count(v => v.Value == "agree"), disagree = votes.Count(v => v.Value == "disagree");
        var people = facts.Items.Where(i => items.Contains(i.Id)).Select(CorpusFacts.RespondentOf).Distinct().Count();
        return new RecommendationEvidence(people, items.Count, agree, disagree, votes.Count - agree - disagree,
            agree + disagree > 0 ? Math.Round(100.0 * agree / (agree + disagree), 1) : null,
            opinion.ViewsOn(facts, items).Where(g => g.AgreePercent > 50).Select(g => g.GroupId).ToList());
    }

    public static HashSet<Guid> ItemsOf(CorpusFacts facts, Recommendation recommendation)
    {
        var items = recommendation.ThemeIds.Concat(recommendation.CodeIds).SelectMany(facts.ItemsUnder).ToHashSet();
        items.UnionWith(facts.Quotes.Where(q => recommendation.QuoteIds.Contains(q.Id)).Select(q => q.ItemId));
        return items;
    }
}
