using Engage.Platform.Web;
using Engage.Platform;
using Engage.Seminar.Seminars;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Engage.Seminar.Capture;

public record ProblemForm(string? Text, string? InterestGroup, string? WhyItMatters, string? WhoIsAffected);

/// <summary>A problem statement, from the facilitator (any group) or from an attendee (their own group).</summary>
public record SubmitProblem(Guid SeminarId, ProblemForm Form, Guid? InviteeId);

public record ProblemCreated(Guid Id);

[MartenStore(typeof(ISeminarStore))]
public static class SubmitProblemHandler
{
    /// <summary>The statement is recorded; its embedding (for spotting duplicates) follows on a durable queue.</summary>
    public static (ProblemCreated, Events, EmbedProblem) Handle(SubmitProblem command, [WriteAggregate(Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] Seminars.Seminar? seminar, DateTimeOffset now)
    {
        var found = SeminarRules.Found(seminar);
        SeminarRules.NotConcluded(found, "no more problems can be added");
        var f = command.Form;
        var group = command.InviteeId is { } inviteeId
            ? (found.InviteeOf(inviteeId) ?? throw new RuleBroken(404, "The invitee was not found.")).InterestGroup
            : SeminarRules.InterestGroupOf(found, f.InterestGroup);
        var id = Guid.CreateVersion7();
        var text = SeminarRules.Text(f.Text, "text", SeminarRules.MaxStatement);
        return (new ProblemCreated(id), [new ProblemSubmitted(id, text,
            SeminarRules.Text(f.WhyItMatters, "whyItMatters", SeminarRules.MaxStatement, required: false),
            SeminarRules.Text(f.WhoIsAffected, "whoIsAffected", SeminarRules.MaxShortText * 2, required: false), group, command.InviteeId, now)], new EmbedProblem(command.SeminarId, id, text));
    }
}

[Authorize(Roles = Roles.SeminarLeads)]
public static class SubmitProblemEndpoint
{
    [WolverinePost("/api/seminars/{id}/problems")]
    public static Task<IResult> Post(Guid id, ProblemForm form, IMessageBus bus) =>
        ApiDoor.Invoke<ProblemCreated>(bus, new SubmitProblem(id, form, null),
            created => ApiDoor.Created($"/api/seminars/{id}/problems/{created.Id}", created.Id));
}
