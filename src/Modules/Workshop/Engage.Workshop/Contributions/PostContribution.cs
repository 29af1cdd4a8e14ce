using System.Security.Claims;
using Engage.Platform;
using Engage.Platform.Accounts;
using Engage.Workshop.Contracts;
using Engage.Workshop.Participants;
using Engage.Workshop.Workshops;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;
using Wolverine.Persistence;

namespace Engage.Workshop.Contributions;

public record PostContribution(string? Text, Guid? ParentId);

public record ContributionAccepted(Guid Id, string Status);

/// <summary>
/// Post an idea, or a reply, under a theme of an open workshop. Participants post under their
/// workshop pseudonym and must have joined the workshop; programme staff post as "Programme team".
/// </summary>
[MartenStore(typeof(IWorkshopStore))]
[Authorize(Roles = Roles.Admin + "," + Roles.ProgrammeStaff + "," + Roles.Participant)]
public static class PostContributionEndpoint
{
    public const int MaxLength = 2000;

    public static async Task<(Contribution?, Registration?)> LoadAsync(Guid id, PostContribution command, ClaimsPrincipal user, IQuerySession session)
    {
        var parent = command.ParentId is { } parentId ? await session.LoadAsync<Contribution>(parentId) : null;
        return (parent, await session.RegistrationOf(id, user));
    }

    public static ProblemDetails Validate(Guid themeId, PostContribution command, [Entity(Required = true)] Workshops.Workshop workshop,
        Contribution? parent, Registration? author, ClaimsPrincipal user)
    {
        if (user.IsInRole(Roles.Participant) && author is null)
            return new ProblemDetails { Status = 403, Title = "Forbidden", Detail = "Join this workshop before contributing to it." };
        if (workshop.Status != WorkshopStatus.Open) return Problems.Conflict($"The workshop is {workshop.Status}; contributions are taken only while it is open.");
        if (!workshop.HasTheme(themeId)) return Problems.BadRequest($"'themeId' {themeId} is not a theme of this workshop.");
        if (string.IsNullOrWhiteSpace(command.Text) || command.Text.Trim().Length > MaxLength)
            return Problems.BadRequest($"'text' is required (at most {MaxLength:N0} characters).");
        if (command.ParentId is not null && (parent is null || parent.WorkshopId != workshop.Id))
            return Problems.BadRequest("'parentId' is not a contribution of this workshop.");
        return WolverineContinue.NoProblems;
    }

    [WolverinePost("/api/workshops/{id}/themes/{themeId}/contributions")]
    public static (IResult, IStartStream, OutgoingMessages) Post(Guid themeId, PostContribution command,
        [Entity(Required = true)] Workshops.Workshop workshop, Registration? author, DateTimeOffset now)
    {
        var id = Guid.CreateVersion7();
        var pseudonym = author?.DisplayName ?? "Programme team";
        var text = command.Text!.Trim();
        var posted = new ContributionPosted(id, workshop.Id, themeId, command.ParentId, author?.Id ?? Guid.Empty, pseudonym, text, now);
        return (Results.Created($"/api/contributions/{id}", new ContributionAccepted(id, "published")),
            MartenOps.StartStream<Contribution>(id, posted),
            [new ContributionPublished(id, workshop.Id, themeId, command.ParentId, text, pseudonym, now, author?.Id)]);
    }
}

public static class RegistrationQueries
{
    /// <summary>The signed-in participant's registration in a workshop, or null (also for staff).</summary>
    public static async Task<Registration?> RegistrationOf(this IQuerySession session, Guid workshopId, ClaimsPrincipal user) =>
        user.FindFirstValue(EngageClaims.ParticipantId) is { } claim && Guid.TryParse(claim, out var identity)
            ? await session.Query<Registration>().FirstOrDefaultAsync(r => r.WorkshopId == workshopId && r.IdentityId == identity)
            : null;
}
