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
