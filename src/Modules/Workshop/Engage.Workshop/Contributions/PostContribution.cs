using System.Security.Claims;
using Engage.Platform;
using Engage.Workshop.Contracts;
using Engage.Workshop.Workshops;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;
using Wolverine.Persistence;

namespace Engage.Workshop.Contributions;

public record PostContribution(Guid ThemeId, string? Text, Guid? ParentId);

public record ContributionCreated(Guid Id) : CreationResponse($"/api/contributions/{Id}");

/// <summary>Post an idea or a reply under a theme of an open workshop.</summary>
[MartenStore(typeof(IWorkshopStore))]
[Authorize(Roles = Roles.Admin + "," + Roles.ProgrammeStaff + "," + Roles.Participant)]
public static class PostContributionEndpoint
{
    public const int MaxLength = 2000;

    public static async Task<Contribution?> LoadAsync(PostContribution command, IQuerySession session) =>
        command.ParentId is { } parent ? await session.LoadAsync<Contribution>(parent) : null;

    public static ProblemDetails Validate(PostContribution command, [Entity(Required = true)] Workshops.Workshop workshop, Contribution? parent)
    {
        if (workshop.Status != WorkshopStatus.Open) return Problems.Conflict($"The workshop is {workshop.Status}; contributions are taken only while it is open.");
        if (!workshop.HasTheme(command.ThemeId)) return Problems.BadRequest($"'themeId' {command.ThemeId} is not a theme of this workshop.");
        if (string.IsNullOrWhiteSpace(command.Text) || command.Text.Length > MaxLength)
            return Problems.BadRequest($"'text' is required (at most {MaxLength:N0} characters).");
        if (command.ParentId is not null && (parent is null || parent.WorkshopId != workshop.Id))
            return Problems.BadRequest("'parentId' is not a contribution of this workshop.");
        return WolverineContinue.NoProblems;
    }

    [WolverinePost("/api/workshops/{id}/contributions")]
    public static (ContributionCreated, IStartStream, OutgoingMessages) Post(PostContribution command,
        [Entity(Required = true)] Workshops.Workshop workshop, ClaimsPrincipal user, DateTimeOffset now)
    {
        var id = Guid.CreateVersion7();
        var author = Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!);
        var pseudonym = user.IsInRole(Roles.Participant) ? Pseudonyms.For(author) : "Programme team";
        var text = command.Text!.Trim();
        var posted = new ContributionPosted(id, workshop.Id, command.ThemeId, command.ParentId, author, pseudonym, text, now);
        return (new ContributionCreated(id), MartenOps.StartStream<Contribution>(id, posted),
            [new ContributionPublished(id, workshop.Id, command.ThemeId, command.ParentId, text, pseudonym, now)]);
    }
}
