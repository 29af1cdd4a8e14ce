using System.Security.Claims;
using Engage.Platform;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace Engage.Seminar.Seminars;

public record PlanSeminar(string? Title, string? Purpose, DateTimeOffset? StartsAt);

public record SeminarCreated(Guid Id) : CreationResponse($"/api/seminars/{Id}");

[MartenStore(typeof(ISeminarStore))]
[Authorize(Roles = Roles.SeminarLeads)]
public static class PlanSeminarEndpoint
{
    public static ProblemDetails Validate(PlanSeminar command) =>
        string.IsNullOrWhiteSpace(command.Title) || command.Title.Length > 200
            ? Problems.BadRequest("'title' is required (at most 200 characters).")
            : command.Purpose is { Length: > 4000 }
                ? Problems.BadRequest("'purpose' must be at most 4,000 characters.")
                : WolverineContinue.NoProblems;

    [WolverinePost("/api/seminars")]
    public static (SeminarCreated, IStartStream) Post(PlanSeminar command, ClaimsPrincipal user)
    {
        var id = Guid.CreateVersion7();
        var planned = new SeminarPlanned(id, command.Title!.Trim(), command.Purpose?.Trim() ?? "", command.StartsAt,
            Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!));
        return (new SeminarCreated(id), MartenOps.StartStream<Seminar>(id, planned));
    }
}
