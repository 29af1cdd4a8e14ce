using System.Security.Claims;
using Engage.Platform;
using Engage.Platform.Web;
using Engage.Workshop.Contributions;
using Engage.Workshop.Participants;
using Engage.Workshop.Workshops;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Engage.Workshop.Moderation;

public record FlagForm(string? Reason);

public record FlagContribution(Guid ContributionId, Guid IdentityId, FlagForm Form);

/// <summary>A participant flags a published contribution for a moderator, saying why; each participant flags it once.</summary>
[MartenStore(typeof(IWorkshopStore))]
public static class FlagContributionHandler
{
    public static Task<(Contribution?, Workshops.Workshop?, Registration?)> LoadAsync(FlagContribution command, IQuerySession session) =>
        session.ContributionInContext(command.ContributionId, command.IdentityId);

    public static void Handle(FlagContribution command, Contribution? contribution, Workshops.Workshop? workshop, Registration? flagger,
        IDocumentSession session, DateTimeOffset now)
    {
        RuleBroken.Unless(contribution is { Status: ContributionStatus.Published } && workshop is not null, "The contribution was not found.", 404);
        RuleBroken.Unless(flagger is not null, "Join this workshop before flagging in it.", 403);
        RuleBroken.Unless(workshop!.Status == WorkshopStatus.Open, $"The workshop is {workshop.Status}.", 409);
        var reason = RuleBroken.Text(command.Form.Reason, "reason", "a reason for reporting this post", 500);
        RuleBroken.Unless(contribution!.Flags.All(f => f.ParticipantId != flagger!.Id), "You have already flagged this contribution.", 409);
        session.Events.Append(contribution.Id, new ContributionFlagged(contribution.Id, flagger!.Id, reason, now));
    }
}

[EnableRateLimiting(PlatformModule.WriteRateLimit)]
[Authorize(Roles = Roles.Participant)]
public static class FlagContributionEndpoint
{
    [WolverinePost("/api/contributions/{id}/flags")]
    public static Task<IResult> Post(Guid id, FlagForm form, ClaimsPrincipal user, IMessageBus bus) =>
        ApiDoor.Invoke(bus, new FlagContribution(id, user.ParticipantIdentity()!.Value, form), Results.NoContent());
}
