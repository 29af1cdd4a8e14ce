using Engage.Analysis.OpinionGroups;

namespace Engage.UnitTests.OpinionGroupTests;

/// <summary>
/// Two camps of 40 participants. Statement "shared" everyone agrees with; "split" camp A agrees
/// with and camp B rejects; twenty more statements lean each camp its own way, with some noise
/// and some statements not voted on.
/// </summary>
internal sealed class TwoCamps
{
    public List<Guid> CampA { get; } = Enumerable.Range(0, 40).Select(_ => Guid.NewGuid()).ToList();
    public List<Guid> CampB { get; } = Enumerable.Range(0, 40).Select(_ => Guid.NewGuid()).ToList();
    public Guid Shared { get; } = Guid.NewGuid();
    public Guid Split { get; } = Guid.NewGuid();
    public List<Guid> Others { get; } = Enumerable.Range(0, 20).Select(_ => Guid.NewGuid()).ToList();
    public List<ParticipantVote> Votes { get; } = [];

    public TwoCamps(int seed = 5)
    {
        var random = new Random(seed);
        foreach (var (camp, side) in new[] { (CampA, 1), (CampB, -1) })
            foreach (var p in camp)
            {
                Votes.Add(new ParticipantVote(p, Shared, 1));
                Votes.Add(new ParticipantVote(p, Split, side));
                for (var i = 0; i < Others.Count; i++)
                {
                    if (random.NextDouble() < 0.3) continue;
                    var leaning = i % 2 == 0 ? side : -side;
                    var vote = random.NextDouble() < 0.85 ? leaning : random.NextDouble() < 0.5 ? 0 : -leaning;
                    Votes.Add(new ParticipantVote(p, Others[i], vote));
                }
            }
    }
}

public class when_opinion_groups_are_formed
{
    [Fact]
    public void two_planted_camps_become_two_groups()
    {
        var camps = new TwoCamps();

        var result = OpinionGroupFinder.Find(camps.Votes);

        Assert.Equal(2, result.Groups.Count);
        var groupOf = result.Groups.SelectMany(g => g.Participants.Select(p => (p.Id, g.Id))).ToDictionary(x => x.Item1, x => x.Item2);
        Assert.Single(camps.CampA.Select(p => groupOf[p]).Distinct());
        Assert.Single(camps.CampB.Select(p => groupOf[p]).Distinct());
        Assert.NotEqual(groupOf[camps.CampA[0]], groupOf[camps.CampB[0]]);
        Assert.True(result.Silhouette > 0.5, $"silhouette {result.Silhouette}");
    }

    [Fact]
    public void a_statement_everyone_agrees_with_is_consensus()
    {
        var camps = new TwoCamps();

        var result = OpinionGroupFinder.Find(camps.Votes);

        Assert.Equal(camps.Shared, result.Consensus[0].ContributionId);
        Assert.All(result.Consensus[0].AgreeByGroup, p => Assert.True(p >= 0.6));
        Assert.DoesNotContain(result.Consensus, c => c.ContributionId == camps.Split);
    }

    [Fact]
    public void a_statement_the_camps_split_on_is_divisive_and_represents_them()
    {
        var camps = new TwoCamps();

        var result = OpinionGroupFinder.Find(camps.Votes);

        Assert.Equal(camps.Split, result.Divisive[0].ContributionId);
        Assert.True(result.Divisive[0].Spread > 0.8);
        Assert.DoesNotContain(result.Divisive, d => d.ContributionId == camps.Shared);
        var groupA = result.Groups.Single(g => g.Participants.Any(p => p.Id == camps.CampA[0]));
        var split = Assert.Single(groupA.Representative, r => r.ContributionId == camps.Split);
        Assert.Equal("agree", split.Direction);
        Assert.True(split.Significant);
        Assert.True(split.InGroup > split.OutOfGroup);
    }

    [Fact]
    public void the_same_votes_and_seed_give_the_same_groups_and_map()
    {
        var camps = new TwoCamps();
        var shuffled = camps.Votes.OrderBy(v => v.ParticipantId).ThenBy(v => v.ContributionId).ToList();

        var first = OpinionGroupFinder.Find(camps.Votes, new OpinionGroupOptions { Seed = 9 });
        var second = OpinionGroupFinder.Find(shuffled, new OpinionGroupOptions { Seed = 9 });

        Assert.Equal(first.Groups.Select(g => g.Participants), second.Groups.Select(g => g.Participants));
        Assert.Equal(first.Divisive.Select(d => d.ContributionId), second.Divisive.Select(d => d.ContributionId));
    }

    [Fact]
    public void participants_with_too_few_votes_are_left_out_of_the_map()
    {
        var camps = new TwoCamps();
        var passerBy = Guid.NewGuid();
        camps.Votes.Add(new ParticipantVote(passerBy, camps.Shared, 1));
        camps.Votes.Add(new ParticipantVote(passerBy, camps.Split, -1));

        var result = OpinionGroupFinder.Find(camps.Votes);

        Assert.Equal([passerBy], result.Excluded);
        Assert.DoesNotContain(result.Groups.SelectMany(g => g.Participants), p => p.Id == passerBy);
        Assert.Equal(80, result.Groups.Sum(g => g.Participants.Count));
    }

    [Fact]
    public void a_later_vote_replaces_an_earlier_one()
    {
        var camps = new TwoCamps();
        // Camp B changes its mind on the split statement: now everyone agrees with it.
        camps.Votes.AddRange(camps.CampB.Select(p => new ParticipantVote(p, camps.Split, 1)));

        var result = OpinionGroupFinder.Find(camps.Votes);

        Assert.Contains(result.Consensus, c => c.ContributionId == camps.Split);
    }

    [Fact]
    public void no_votes_give_no_groups()
    {
        var result = OpinionGroupFinder.Find([]);

        Assert.Empty(result.Groups);
        Assert.Empty(result.Consensus);
    }
}
