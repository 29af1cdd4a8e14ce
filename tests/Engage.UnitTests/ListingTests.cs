using Engage.Workshop.Contributions;
using Engage.Workshop.Voting;

namespace Engage.UnitTests;

public class when_a_participant_reads_a_theme
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Reader = Guid.NewGuid();

    private static Contribution Post(string text, int minutes, Guid? parent = null) =>
        new() { Id = Guid.NewGuid(), Text = text, PostedAt = T0.AddMinutes(minutes), ParentId = parent, Status = ContributionStatus.Published };

    private static Vote VoteOn(Contribution c, string value, Guid? voter = null) =>
        new() { Id = Guid.NewGuid(), ContributionId = c.Id, ParticipantId = voter ?? Guid.NewGuid(), Value = value };

    private static (List<Contribution>, List<Vote>) Theme()
    {
        var early = Post("Early and popular", 0);
        var middle = Post("Discussed", 10);
        var late = Post("Late and unseen", 20);
        var reply = Post("A reply", 30, middle.Id);
        return ([early, middle, late, reply],
            [VoteOn(early, "agree"), VoteOn(early, "agree"), VoteOn(early, "agree", Reader), VoteOn(middle, "disagree")]);
    }

    private static string[] Order(string sort)
    {
        var (posts, votes) = Theme();
        var text = posts.ToDictionary(p => p.Id, p => p.Text);
        var entries = posts.Where(p => p.ParentId == null).Select(p => new ThemeEntry(p.Id, p.ParentId, p.PostedAt)).ToList();
        var tallies = votes.GroupBy(v => v.ContributionId).ToDictionary(g => g.Key,
            g => new Tally(g.Count(v => v.Value == "agree"), g.Count(v => v.Value == "disagree"), g.Count(v => v.Value == "pass")));
        var mine = votes.Where(v => v.ParticipantId == Reader).ToDictionary(v => v.ContributionId, v => v.Value);
        var replies = posts.Where(p => p.ParentId != null).GroupBy(p => p.ParentId!.Value).ToDictionary(g => g.Key, g => g.Count());
        return ContributionListing.Order(entries, tallies, mine, replies, sort).Select(e => text[e.Id]).ToArray();
    }

    [Fact]
    public void newest_comes_first_by_default() => Assert.Equal(["Late and unseen", "Discussed", "Early and popular"], Order("newest"));

    [Fact]
    public void most_agreed_ranks_by_agreement() => Assert.Equal("Early and popular", Order("agreed")[0]);

    [Fact]
    public void most_discussed_ranks_by_replies() => Assert.Equal("Discussed", Order("discussed")[0]);

    [Fact]
    public void not_yet_voted_puts_the_least_seen_first_and_what_i_voted_on_last()
    {
        var order = Order("unvoted");
        Assert.Equal("Late and unseen", order[0]);
        Assert.Equal("Early and popular", order[^1]);
    }
}
