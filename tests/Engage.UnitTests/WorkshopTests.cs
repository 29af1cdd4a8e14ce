using Engage.Seminar.Contracts;
using Engage.Workshop.Contributions;
using Engage.Workshop.Workshops;
using Wolverine.Marten;

namespace Engage.UnitTests;

public class when_the_workshop_hears_of_a_concluded_seminar
{
    [Fact]
    public void it_drafts_a_workshop_that_keeps_each_themes_problem_statements()
    {
        var problem = new ProblemStatementRef(Guid.NewGuid(), "No common title", "Regulators");
        var concluded = new SeminarConcluded(Guid.NewGuid(), "ACP", [new AgreedTheme(Guid.NewGuid(), "Regulation", "", ["Q?"], ["S"], [problem])],
            DateTimeOffset.UnixEpoch);

        var op = SeminarConcludedHandler.Handle(concluded, alreadyCreated: false, DateTimeOffset.UnixEpoch);

        var workshop = Assert.IsType<Engage.Workshop.Workshops.Workshop>(Ops.DocumentOf(op));
        Assert.Equal(WorkshopStatus.Draft, workshop.Status);
        Assert.Equal(concluded.SeminarId, workshop.SeminarId);
        Assert.Equal(problem.ProblemId, workshop.Themes.Single().Problems.Single().ProblemId);
    }

    [Fact]
    public void a_second_copy_of_the_event_changes_nothing()
    {
        var concluded = new SeminarConcluded(Guid.NewGuid(), "ACP", [], DateTimeOffset.UnixEpoch);
        Assert.IsType<NoOp>(SeminarConcludedHandler.Handle(concluded, alreadyCreated: true, DateTimeOffset.UnixEpoch));
    }
}

public class when_a_participant_is_shown_to_others
{
    [Fact]
    public void their_pseudonym_is_stable_and_reveals_nothing_of_their_identity()
    {
        var id = Guid.NewGuid();
        Assert.Equal(Pseudonyms.For(id), Pseudonyms.For(id));
        Assert.Matches(@"^Participant \d{4}$", Pseudonyms.For(id));
        Assert.DoesNotContain(id.ToString()[..4], Pseudonyms.For(id));
    }
}

public static class Ops
{
    /// <summary>The document a Marten side effect (insert, store) will write.</summary>
    public static object? DocumentOf(IMartenOp op) => op.GetType().GetProperty("Document")?.GetValue(op);
}

public class when_an_author_changes_their_mind
{
    private static readonly DateTimeOffset Posted = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly Engage.Workshop.Participants.Registration Author = new() { Id = Guid.NewGuid() };
    private static readonly Engage.Workshop.Workshops.Workshop Open = new() { Id = Guid.NewGuid(), Status = WorkshopStatus.Open };

    private static Contribution Theirs() => new() { Id = Guid.NewGuid(), WorkshopId = Open.Id, AuthorId = Author.Id, Status = ContributionStatus.Published, PostedAt = Posted };

    private static Engage.Platform.Web.RuleBroken Withdraw(Contribution c, Engage.Workshop.Participants.Registration who, DateTimeOffset now) =>
        Assert.Throws<Engage.Platform.Web.RuleBroken>(() => WithdrawContributionHandler.Handle(new WithdrawContribution(c.Id, Guid.NewGuid()), c, Open, who,
            null!, Microsoft.Extensions.Options.Options.Create(new ContributionOptions { EditWindowMinutes = 30 }), now));

    [Fact]
    public void after_the_edit_window_the_contribution_stands_as_written()
    {
        var refused = Withdraw(Theirs(), Author, Posted.AddMinutes(31));
        Assert.Equal(409, refused.Status);
        Assert.Contains("30 minutes", refused.Message);
    }

    [Fact]
    public void someone_else_is_told_it_does_not_exist_so_authorship_is_not_disclosed() =>
        Assert.Equal(404, Withdraw(Theirs(), new Engage.Workshop.Participants.Registration { Id = Guid.NewGuid() }, Posted.AddMinutes(1)).Status);
}

public class when_someone_types_a_contribution
{
    private static Contribution Said(string text) => new() { Id = Guid.NewGuid(), Text = text, Pseudonym = "Participant 1234", Status = ContributionStatus.Published };

    [Fact]
    public void contributions_sharing_its_distinctive_words_are_offered_best_first_and_unrelated_ones_are_not()
    {
        var rota = Said("Rotas must protect supervision time every week.");
        var preceptorship = Said("Preceptorship for newly qualified practitioners.");
        var supervision = Said("Supervision matters.");

        var similar = SimilarContributions.Find("protected supervision time in the rota", [rota, preceptorship, supervision]);

        Assert.Equal(rota.Id, similar[0].Id);
        Assert.DoesNotContain(similar, s => s.Id == preceptorship.Id);
    }

    [Fact]
    public void nothing_is_offered_for_text_of_only_common_words() =>
        Assert.Empty(SimilarContributions.Find("and the but", [Said("And the rest.")]));
}

public class when_staff_watch_the_dashboard
{
    private static Engage.Workshop.Participants.Registration Person(string profession) =>
        new() { Id = Guid.NewGuid(), Profile = new() { ["profession"] = profession } };

    [Fact]
    public void a_group_smaller_than_the_minimum_is_never_counted_so_no_one_can_be_singled_out()
    {
        var people = Enumerable.Range(0, 10).Select(_ => Person("Nurse")).Concat(Enumerable.Range(0, 2).Select(_ => Person("Midwife"))).ToList();
        var post = new Contribution { Id = Guid.NewGuid(), AuthorId = people[^1].Id, Status = ContributionStatus.Published };

        var groups = Engage.Workshop.Dashboard.WorkshopDashboard.Breakdown("profession", people, [post], minimum: 10);

        // The 2 midwives are hidden; the 10 nurses too, since the registered total (12) less 10 would give the 2 back.
        Assert.Equal(new Engage.Workshop.Dashboard.GroupCount("Nurse", null, null, "not shown"), groups[0]);
        Assert.Equal(new Engage.Workshop.Dashboard.GroupCount("Midwife", null, null, "fewer than 10"), groups[1]);
    }
}

public class when_the_daily_digest_is_composed
{
    [Fact]
    public void it_holds_new_replies_to_the_readers_contributions_and_agreed_ideas_of_others_only()
    {
        var now = new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.Zero);
        var reader = new Engage.Workshop.Participants.Registration { Id = Guid.NewGuid(), RegisteredAt = now.AddDays(-3), LastDigestAt = now.AddDays(-1) };
        var other = Guid.NewGuid();
        var mine = new Contribution { Id = Guid.NewGuid(), AuthorId = reader.Id, PostedAt = now.AddDays(-2) };
        var oldReply = new Contribution { Id = Guid.NewGuid(), AuthorId = other, ParentId = mine.Id, PostedAt = now.AddDays(-2) };
        var newReply = new Contribution { Id = Guid.NewGuid(), AuthorId = other, ParentId = mine.Id, PostedAt = now.AddHours(-2) };
        var idea = new Contribution { Id = Guid.NewGuid(), AuthorId = other, PostedAt = now.AddHours(-3) };
        var tallies = new Dictionary<Guid, Tally> { [idea.Id] = new(2, 0, 0), [mine.Id] = new(1, 0, 0) };

        var digest = Engage.Workshop.Engagement.DigestsHandler.Compose(reader, [mine, oldReply, newReply, idea], tallies, now);

        Assert.Equal([newReply.Id], digest.Replies.Select(r => r.Id));
        Assert.Equal((idea.Id, 2), (digest.Popular.Single().Contribution.Id, digest.Popular.Single().Agree));
    }
}
