using Engage.Platform;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;
using Wolverine.Persistence;

namespace Engage.Workshop.Workshops;

[MartenStore(typeof(IWorkshopStore))]
[Authorize(Roles = Roles.Programme)]
public static class OpenWorkshopEndpoint
{
    public static ProblemDetails Validate([Entity(Required = true)] Workshop workshop) =>
        workshop.Status == WorkshopStatus.Draft ? WolverineContinue.NoProblems : Problems.Conflict($"The workshop is {workshop.Status}, not a draft.");

    [WolverinePost("/api/workshops/{id}/open")]
    public static (AcceptResponse, IMartenOp) Post([Entity(Required = true)] Workshop workshop, DateTimeOffset now)
    {
        return (new AcceptResponse($"/api/workshops/{workshop.Id}"), MartenOps.Store(WorkshopLifecycle.Open(workshop, now)));
    }
}
