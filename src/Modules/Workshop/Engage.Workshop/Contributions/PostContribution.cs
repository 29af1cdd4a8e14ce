using System.Security.Claims;
using Engage.Platform;
using Engage.Platform.Accounts;
using Engage.Platform.Web;
using Engage.Workshop.Contracts;
using Engage.Workshop.Moderation;
using Engage.Workshop.Participants;
using Engage.Workshop.Workshops;
using Marten;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Engage.Workshop.Contributions;

public record ContributionForm(string? Text, Guid? ParentId);

/// <summary><paramref name="IdentityId"/> is the participant's sign-in identity, or null when programme staff post.</summary>
public record PostContribution(Guid WorkshopId, Guid ThemeId, ContributionForm Form, Guid? IdentityId);

public record ContributionAccepted(Guid Id, string Status);

/// <summary>
/// Post an idea, or a reply, under a theme of an open workshop. Participants post under their
/// workshop pseudonym and must have joined the workshop; programme staff post as "Programme team".
/// </summary>
[MartenStore(typeof(IWorkshopStore))]
public static class PostContributionHandler
{
    public const int MaxLength = 2000;

    /// <summary>The workshop, the parent and the author's registration, in one round trip to the database.</summary>
    public static async Task<(Workshops.Workshop?, Contribution?, Registration?)> LoadAsync(PostContribution command, IQuerySession session)
    {
        var batch = session.CreateBatchQuery();
        var workshop = batch.Load<Workshops.Workshop>(command.WorkshopId);
        var parent = command.Form.ParentId is { } parentId ? batch.Load<Contribution>(parentId) : Task.FromResult<Contribution?>(null);
        var identity = command.IdentityId ?? Guid.Empty;
        var author = batch.Query<Registration>().Where(r => r.WorkshopId == command.WorkshopId && r.IdentityId == identity).ToList();
        await batch.Execute();
        return (await workshop, await parent, command.IdentityId is null ? null : (await author).FirstOrDefault());
    }

    public static (ContributionAccepted, IStartStream, OutgoingMessages) Handle(PostContribution command, Workshops.Workshop? workshop,
        Contribution? parent, Registration? author, IOptions<ModerationOptions> moderation, DateTimeOffset now)
    {
        RuleBroken.Unless(workshop is not null, "The workshop was not found.", 404);
        RuleBroken.Unless(command.IdentityId is null || author is not null, "Join this workshop before contributing to it.", 403);
        RuleBroken.Unless(workshop!.Status == WorkshopStatus.Open, $"The workshop is {workshop.Status}; contributions are taken only while it is open.", 409);
        RuleBroken.Unless(workshop.HasTheme(command.ThemeId), $"'themeId' {command.ThemeId} is not a theme of this workshop.");
        var text = command.Form.Text?.Trim() ?? "";
        RuleBroken.Text(text, "text", "your contribution", MaxLength);
        RuleBroken.Unless(command.Form.ParentId is null || (parent?.WorkshopId == workshop.Id && parent.Status == ContributionStatus.Published),
            "'parentId' is not a published contribution of this workshop.");

        var id = Guid.CreateVersion7();
        var pseudonym = author?.DisplayName ?? "Programme team";
        var posted = new ContributionPosted(id, workshop.Id, command.ThemeId, command.Form.ParentId, author?.Id ?? Guid.Empty, pseudonym, text, now);

        // Held for a moderator when the checks find anything, or always under pre-moderation.
        var reasons = ContentChecks.Find(text, moderation.Value.OffensiveWords).ToList();
        if (workshop.Moderation == ModerationMode.Pre && reasons.Count == 0) reasons.Add("pre-moderation");
        if (reasons.Count > 0)
            return (new ContributionAccepted(id, "held"), MartenOps.StartStream<Contribution>(id, posted, new ContributionHeld(id, [.. reasons])), []);

        return (new ContributionAccepted(id, "published"), MartenOps.StartStream<Contribution>(id, posted),
            [new ContributionPublished(id, workshop.Id, command.ThemeId, command.Form.ParentId, text, pseudonym, now, author?.Id)]);
    }
}

[EnableRateLimiting(PlatformModule.WriteRateLimit)]
[Authorize(Roles = Roles.Admin + "," + Roles.ProgrammeStaff + "," + Roles.Participant)]
public static class PostContributionEndpoint
{
    [WolverinePost("/api/workshops/{id}/themes/{themeId}/contributions")]
    public static Task<IResult> Post(Guid id, Guid themeId, ContributionForm form, ClaimsPrincipal user, IMessageBus bus) =>
        ApiDoor.Invoke<ContributionAccepted>(bus, new PostContribution(id, themeId, form, user.ParticipantIdentity()),
            accepted => Results.Created($"/api/contributions/{accepted.Id}", accepted));
}

public static class RegistrationQueries
{
    /// <summary>A participant's registration in a workshop, or null.</summary>
    public static Task<Registration?> RegistrationOf(this IQuerySession session, Guid workshopId, Guid identity) =>
        session.Query<Registration>().FirstOrDefaultAsync(r => r.WorkshopId == workshopId && r.IdentityId == identity);

    /// <summary>A contribution with its workshop and the participant's registration there: what voting and flagging check.</summary>
    public static async Task<(Contribution?, Workshops.Workshop?, Registration?)> ContributionInContext(this IQuerySession session, Guid contributionId, Guid identity)
    {
        var contribution = await session.LoadAsync<Contribution>(contributionId);
        return contribution is null ? (null, null, null)
            : (contribution, await session.LoadAsync<Workshops.Workshop>(contribution.WorkshopId), await session.RegistrationOf(contribution.WorkshopId, identity));
    }

    /// <summary>The signed-in participant's identity; null for staff.</summary>
    public static Guid? ParticipantIdentity(this ClaimsPrincipal user) =>
        user.FindFirstValue(EngageClaims.ParticipantId) is { } claim && Guid.TryParse(claim, out var identity) ? identity : null;
}
