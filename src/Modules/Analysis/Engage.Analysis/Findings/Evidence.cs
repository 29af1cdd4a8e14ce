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
        var votes = facts.LiveVotes.Where(v => items.Contains(v.ContributionId)).ToList();
        int agree = votes.Count(v => v.Value == "agree"), disagree = votes.Count(v => v.Value == "disagree");
        var people = Figures.PeopleRaising(facts, items);
        return new RecommendationEvidence(people.Value, items.Count, agree, disagree, votes.Count - agree - disagree, Figures.Support(agree, disagree),
            opinion.ViewsOn(facts, items).Where(g => g.Agree > g.Disagree).Select(g => g.GroupId).ToList(), people.Words(facts.MinimumGroupSize));
    }

    public static HashSet<Guid> ItemsOf(CorpusFacts facts, Recommendation recommendation)
    {
        var items = recommendation.ThemeIds.Concat(recommendation.CodeIds).SelectMany(facts.ItemsUnder).ToHashSet();
        items.UnionWith(facts.Quotes.Where(q => recommendation.QuoteIds.Contains(q.Id)).Select(q => q.ItemId));
        return items;
    }
}
