using System.Security.Claims;
using Engage.Platform;
using Engage.Platform.Web;
using Engage.Workshop.Contracts;
using Engage.Workshop.Moderation;
using Engage.Workshop.Participants;
using Engage.Workshop.Workshops;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Engage.Workshop.Contributions;

public class ContributionOptions
{
    /// <summary>How long after posting its author may still edit or withdraw a contribution.</summary>
    public int EditWindowMinutes { get; set; } = 30;
}

public record EditContribution(Guid ContributionId, Guid IdentityId, ContributionForm Form);

public record WithdrawContribution(Guid ContributionId, Guid IdentityId);

/// <summary>An author edits their contribution within the window; the new text is checked as if newly posted.</summary>
[MartenStore(typeof(IWorkshopStore))]
public static class EditContributionHandler
{
    public static Task<(Contribution?, Workshops.Workshop?, Registration?)> LoadAsync(EditContribution command, IQuerySession session) =>
        session.ContributionInContext(command.ContributionId, command.IdentityId);

    public static (ContributionAccepted, OutgoingMessages) Handle(EditContribution command, Contribution? contribution, Workshops.Workshop? workshop,
        Registration? author, IDocumentSession session, IOptions<ModerationOptions> moderation, IOptions<ContributionOptions> options, DateTimeOffset now)
    {
        AuthorChanges.Check(contribution, workshop, author, options.Value, now);
        var text = command.Form.Text?.Trim() ?? "";
        RuleBroken.Text(text, "text", "your contribution", PostContributionHandler.MaxLength);

        session.Events.Append(contribution!.Id, new ContributionEdited(contribution.Id, text, now));
        var reasons = ContentChecks.Find(text, moderation.Value.OffensiveWords).ToList();
        if (workshop!.Moderation == ModerationMode.Pre && reasons.Count == 0) reasons.Add("pre-moderation");
        // What waits for a moderator keeps waiting: the moderator sees the new text.
        if (contribution.Status == ContributionStatus.Held && reasons.Count == 0) reasons.Add("edited while held");
        if (reasons.Count > 0)
        {
            var wasPublic = contribution.Status == ContributionStatus.Published;
            session.Events.Append(contribution.Id, new ContributionHeld(contribution.Id, [.. reasons]));
            return (new ContributionAccepted(contribution.Id, "held"),
                wasPublic ? [new ContributionWithdrawn(contribution.Id, contribution.WorkshopId, "edited; held for a moderator", now)] : []);
        }
        return (new ContributionAccepted(contribution.Id, "published"),
            [new ContributionPublished(contribution.Id, contribution.WorkshopId, contribution.ThemeId, contribution.ParentId, text, contribution.Pseudonym,
                contribution.PostedAt, author!.Id, contribution.SourceId)]);
    }

}

/// <summary>An author withdraws their contribution within the window.</summary>
[MartenStore(typeof(IWorkshopStore))]
public static class WithdrawContributionHandler
{
    public static Task<(Contribution?, Workshops.Workshop?, Registration?)> LoadAsync(WithdrawContribution command, IQuerySession session) =>
        session.ContributionInContext(command.ContributionId, command.IdentityId);

    public static OutgoingMessages Handle(WithdrawContribution command, Contribution? contribution, Workshops.Workshop? workshop,
        Registration? author, IDocumentSession session, IOptions<ContributionOptions> options, DateTimeOffset now)
    {
        AuthorChanges.Check(contribution, workshop, author, options.Value, now);
        session.Events.Append(contribution!.Id, new ContributionWithdrawnByAuthor(contribution.Id, now));
        return contribution.Status == ContributionStatus.Published
            ? [new ContributionWithdrawn(contribution.Id, contribution.WorkshopId, "withdrawn by its author", now)] : [];
    }
}

/// <summary>
/// Authors may change their mind for a short while. After the window, what they wrote may already
/// have votes and replies that rely on it.
/// </summary>
public static class AuthorChanges
{
    public static void Check(Contribution? contribution, Workshops.Workshop? workshop, Registration? author, ContributionOptions options, DateTimeOffset now)
    {
        // Someone else's contribution looks the same as a missing one: authorship is not disclosed.
        RuleBroken.Unless(contribution is { Status: ContributionStatus.Published or ContributionStatus.Held } && workshop is not null
            && author is not null && contribution.AuthorId == author.Id, "The contribution was not found among yours.", 404);
        RuleBroken.Unless(workshop!.Status == WorkshopStatus.Open, $"The workshop is {workshop.Status}; contributions can be changed only while it is open.", 409);
        RuleBroken.Unless(now - contribution!.PostedAt <= TimeSpan.FromMinutes(options.EditWindowMinutes),
            $"Contributions can be edited or withdrawn for {options.EditWindowMinutes} minutes after posting.", 409);
    }
}

[EnableRateLimiting(PlatformModule.WriteRateLimit)]
[Authorize(Roles = Roles.Participant)]
public static class AuthorChangesEndpoint
{
    [WolverinePut("/api/contributions/{id}")]
    public static Task<IResult> Put(Guid id, ContributionForm form, ClaimsPrincipal user, IMessageBus bus) =>
        ApiDoor.Invoke<ContributionAccepted>(bus, new EditContribution(id, user.ParticipantIdentity()!.Value, form), Results.Ok);

    [WolverineDelete("/api/contributions/{id}")]
    public static Task<IResult> Delete(Guid id, ClaimsPrincipal user, IMessageBus bus) =>
        ApiDoor.Invoke(bus, new WithdrawContribution(id, user.ParticipantIdentity()!.Value), Results.NoContent());
}
