using Engage.Analysis.Contracts;
using Engage.Analysis.OpinionGroups;
using Engage.Platform.Disclosure;

namespace Engage.Analysis.Findings;

/// <summary>
/// Opinion groups with who is in which, so themes, codes and recommendations can be read group by group.
/// <see cref="GroupOf"/> holds only the groups that are published (at least the minimum, and not hidden to
/// protect a smaller one), so no view computed from it can describe a small group.
/// </summary>
public sealed record OpinionAnalysis(OpinionFindings Findings, IReadOnlyDictionary<Guid, int> GroupOf)
{
    public static readonly OpinionAnalysis None = new(new OpinionFindings(0, [], [], []), new Dictionary<Guid, int>());

    /// <summary>How each published group voted on these items; empty when there are no groups.</summary>
    public IReadOnlyList<Contracts.GroupView> ViewsOn(CorpusFacts facts, IReadOnlySet<Guid> items) =>
        Findings.Groups.Where(g => g.Published).Select(g =>
        {
            var votes = facts.LiveVotes.Where(v => items.Contains(v.ContributionId) && GroupOf.TryGetValue(v.ParticipantId, out var of) && of == g.GroupId).ToList();
            int agree = votes.Count(v => v.Value == "agree"), disagree = votes.Count(v => v.Value == "disagree"), pass = votes.Count - agree - disagree;
            var shares = Figures.Shares(agree, disagree, pass);
            return votes.Count == 0
                ? new Contracts.GroupView(g.GroupId, 0, 0, 0, null)
                : new Contracts.GroupView(g.GroupId, agree, disagree, pass, shares.Agree, shares.Disagree, shares.Pass, shares.Direction);
        }).ToList();
}

public static class OpinionFindingsBuilder
{
    /// <summary>Votes on the corpus's current items as the group finder reads them: agree 1, disagree -1, pass 0.</summary>
    public static List<ParticipantVote> VotesOf(CorpusFacts facts) =>
        facts.LiveVotes.Select(v => new ParticipantVote(v.ParticipantId, v.ContributionId, v.Value switch { "agree" => 1, "disagree" => -1, _ => 0 })).ToList();

    public static string LabelOf(int groupId) => $"Group {(char)('A' + groupId)}";

    public static OpinionAnalysis Find(CorpusFacts facts, int seed = 1) =>
        From(facts, OpinionGroupFinder.Find(VotesOf(facts), new OpinionGroupOptions { Seed = seed }));

    /// <summary>
    /// Publishes what may be published of the groups found: sizes through the small-group rule (a group's
    /// size, the others' and the total would otherwise give a small one away); for each published group
    /// its statements and profile; shares are of real votes (agree, disagree, pass), each with its
    /// direction, and a share only when at least the minimum number of people's votes make it.
    /// </summary>
    public static OpinionAnalysis From(CorpusFacts facts, OpinionGroupsResult found)
    {
        if (found.Groups.Count == 0) return OpinionAnalysis.None;
        var minimum = facts.MinimumGroupSize;
        string Text(Guid id) => facts.ItemOf(id)?.Text ?? "";
        var placed = found.Groups.Sum(g => g.Participants.Count);
        var sizes = SmallGroups.Cells(found.Groups.Select(g => g.Participants.Count).ToList(), minimum);
        var total = SmallGroups.One(placed, minimum);
        var published = found.Groups.Where((g, i) => sizes[i].IsShown && total.IsShown).ToList();
        var groupOf = published.SelectMany(g => g.Participants.Select(p => (p.Id, g.Id))).ToDictionary(x => x.Item1, x => x.Item2);
        var votesOn = facts.LiveVotes.GroupBy(v => v.ContributionId).ToDictionary(g => g.Key, g => g.ToList());

        GroupShare? ShareOf(Guid statement, int groupId, string label)
        {
            var votes = votesOn.GetValueOrDefault(statement, []).Where(v => groupOf.TryGetValue(v.ParticipantId, out var of) && of == groupId).ToList();
            if (votes.Count < minimum) return null;
            var (agree, disagree, pass) = Tally(votes);
            var s = Figures.Shares(agree, disagree, pass);
            return new GroupShare(groupId, label, s.Agree, s.Disagree, s.Pass, votes.Count, s.Direction, Figures.Reading(label, s.Direction, s.Agree, s.Disagree, s.Pass));
        }

        StatementFinding? Overall(Guid statement)
        {
            var votes = votesOn.GetValueOrDefault(statement, []);
            if (votes.Count < minimum) return null;
            var (agree, disagree, pass) = Tally(votes);
            var s = Figures.Shares(agree, disagree, pass);
            var byGroup = published.Select(g => ShareOf(statement, g.Id, LabelOf(g.Id))).OfType<GroupShare>().ToList();
            return new StatementFinding(statement, Text(statement), s.Agree, votes.Count, s.Disagree, s.Pass, s.Direction,
                Figures.Reading("everyone who voted on it", s.Direction, s.Agree, s.Disagree, s.Pass), byGroup);
        }

        var groups = found.Groups.Select((g, i) =>
        {
            var label = LabelOf(g.Id);
            if (!sizes[i].IsShown || !total.IsShown)
                return new OpinionGroupFinding(g.Id, label, null, [], [], sizes[i].Words(minimum), Published: false);
            var representative = g.Representative.Select(r =>
            {
                // The share shown is the group's real share in the direction that sets it apart, so a statement
                // the group rejected can never read as one it supported.
                if (ShareOf(r.ContributionId, g.Id, label) is not { } share) return null;
                var direction = r.Direction == "disagree" ? VoteDirection.Disagree : VoteDirection.Agree;
                return new StatementFinding(r.ContributionId, Text(r.ContributionId), share.AgreePercent, share.Votes, share.DisagreePercent, share.PassPercent,
                    direction, Figures.Reading(label, direction, share.AgreePercent, share.DisagreePercent, share.PassPercent), [share]);
            }).OfType<StatementFinding>().ToList();
            return new OpinionGroupFinding(g.Id, label, g.Participants.Count, representative,
                AttributeBreakdowns.CountsOf(facts, g.Participants.Select(p => facts.Participants.GetValueOrDefault(p.Id)?.Attributes).OfType<IReadOnlyDictionary<string, string>>()),
                sizes[i].Words(minimum));
        }).ToList();

        return new OpinionAnalysis(new OpinionFindings(total.Value, groups,
            found.Consensus.Select(c => Overall(c.ContributionId)).OfType<StatementFinding>().ToList(),
            found.Divisive.Select(d => Overall(d.ContributionId)).OfType<StatementFinding>().ToList(),
            total.Words(minimum)), groupOf);
    }

    private static (int Agree, int Disagree, int Pass) Tally(IReadOnlyList<Corpora.CorpusVote> votes)
    {
        int agree = votes.Count(v => v.Value == "agree"), disagree = votes.Count(v => v.Value == "disagree");
        return (agree, disagree, votes.Count - agree - disagree);
    }
}
