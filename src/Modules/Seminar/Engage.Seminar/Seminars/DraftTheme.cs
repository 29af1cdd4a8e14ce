using Engage.Platform;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace Engage.Seminar.Seminars;

public record DraftTheme(string? Title, string? Description, Guid[]? ProblemIds, string[]? Prompts, string[]? Seeds);

public record ThemeCreated(Guid Id, Guid SeminarId) : CreationResponse($"/api/seminars/{SeminarId}/themes/{Id}");

/// <summary>Group problem statements into a candidate theme with the questions and seeds for the crowd.</summary>
[MartenStore(typeof(ISeminarStore))]
[Authorize(Roles = Roles.SeminarLeads)]
public static class DraftThemeEndpoint
{
    public static ProblemDetails Validate(DraftTheme command, Seminar seminar)
    {
        if (seminar.Status == SeminarStatus.Concluded) return Problems.Conflict("The seminar has concluded; its themes are fixed.");
        if (string.IsNullOrWhiteSpace(command.Title) || command.Title.Length > 200)
            return Problems.BadRequest("'title' is required (at most 200 characters).");
        if (command.Description is { Length: > 4000 }) return Problems.BadRequest("'description' must be at most 4,000 characters.");
        if (command.Prompts is not { Length: > 0 } || command.Prompts.Length > 10 || command.Prompts.Any(p => string.IsNullOrWhiteSpace(p) || p.Length > 500))
            return Problems.BadRequest("'prompts' needs 1 to 10 questions of at most 500 characters each.");
        if (command.Seeds is { Length: > 20 } || command.Seeds?.Any(s => string.IsNullOrWhiteSpace(s) || s.Length > 2000) == true)
            return Problems.BadRequest("'seeds' takes at most 20 statements of at most 2,000 characters each.");
        var unknown = (command.ProblemIds ?? []).Where(id => seminar.Problems.All(p => p.Id != id)).ToList();
        return unknown.Count > 0
            ? Problems.BadRequest($"'problemIds' names problems this seminar does not have: {string.Join(", ", unknown)}.")
            : WolverineContinue.NoProblems;
    }

    [WolverinePost("/api/seminars/{id}/themes")]
    public static (ThemeCreated, Events) Post(DraftTheme command, [WriteAggregate] Seminar seminar)
    {
        var themeId = Guid.CreateVersion7();
        var drafted = new ThemeDrafted(themeId, command.Title!.Trim(), command.Description?.Trim() ?? "",
            (command.ProblemIds ?? []).Distinct().ToArray(), command.Prompts!.Select(p => p.Trim()).ToArray(),
            (command.Seeds ?? []).Select(s => s.Trim()).ToArray());
        return (new ThemeCreated(themeId, seminar.Id), [drafted]);
    }
}
