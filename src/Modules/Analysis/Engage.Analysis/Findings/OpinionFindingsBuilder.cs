using Engage.Analysis.Contracts;
using Engage.Analysis.OpinionGroups;

namespace Engage.Analysis.Findings;

/// <summary>Opinion groups with who is in which, so themes, codes and recommendations can be read group by group.</summary>
public sealed record OpinionAnalysis(OpinionFindings Findings, IReadOnlyDictionary<Guid, int> GroupOf)
{
    public static readonly OpinionAnalysis None = new(new OpinionFindings(0, [], [], []), new Dictionary<Guid, int>());

    /// <summary>How each group voted on these items; empty when there are no groups.</summary>
    public IReadOnlyList<Contracts.GroupView> ViewsOn(CorpusFacts facts, IReadOnlySet<Guid> items) =>
        Findings.Groups.Select(g =>
        {
            var votes = facts.Votes.Where(v => items.Contains(v.ContributionId) && GroupOf.TryGetValue(v.ParticipantId, out var of) && of == g.GroupId).ToList();
            int agree = votes.Count(v => v.Value == "agree"), disagree = votes.Count(v => v.Value == "disagree"), pass = votes.Count - agree - disagree;
            return new Contracts.GroupView(g.GroupId, agree, disagree, pass, agree + disagree > 0 ? Math.Round(100.0 * agree / (agree + disagree), 1) : null);
        }).ToList();
}

public static class OpinionFindingsBuilder
{
    /// <summary>Votes on the corpus's current items as the group finder reads them: agree 1, disagree -1, pass 0.</summary>
    public static List<ParticipantVote> VotesOf(CorpusFacts facts)
    {
        var live = facts.Items.Select(i => i.Id).ToHashSet();
        return facts.Votes.Where(v => live.Contains(v.ContributionId))
            .Select(v => new ParticipantVote(v.ParticipantId, v.ContributionId, v.Value switch { "agree" => 1, "disagree" => -1, _ => 0 })).ToList();
    }

    public static OpinionAnalysis Find(CorpusFacts facts, int seed = 1)
    {
        var found = OpinionGroupFinder.Find(VotesOf(facts), new OpinionGroupOptions { Seed = seed });
        if (found.Groups.Count == 0) return OpinionAnalysis.None;

        string Text(Guid id) => facts.ItemOf(id)?.Text ?? "";
        var groupOf = found.Groups.SelectMany(g => g.Participants.Select(p => (p.Id, g.Id))).ToDictionary(x => x.Item1, x => x.Item2);
        var groups = found.Groups.Select(g => new OpinionGroupFinding(g.Id, $"Group {(char)('A' + g.Id)}", g.Participants.Count,
            g.Representative.Select(r => new StatementFinding(r.ContributionId, Text(r.ContributionId), Math.Round(100 * r.InGroup, 1), r.VotesInGroup)).ToList(),
            AttributeBreakdowns.CountsOf(facts, g.Participants.Select(p => facts.Participants.GetValueOrDefault(p.Id)?.Attributes).OfType<IReadOnlyDictionary<string, string>>()))).ToList();
        return new OpinionAnalysis(new OpinionFindings(groupOf.Count, groups,
            found.Consensus.Select(c => new StatementFinding(c.ContributionId, Text(c.ContributionId), Math.Round(100 * c.LowestAgree, 1), c.Votes)).ToList(),
            found.Divisive.Select(d => new StatementFinding(d.ContributionId, Text(d.ContributionId), Math.Round(100 * d.AgreeByGroup.Average(), 1), d.Votes)).ToList()),
            groupOf);
    }
}
