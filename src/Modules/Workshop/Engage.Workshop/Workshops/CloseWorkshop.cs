using Engage.Platform;
using Engage.Workshop.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;
using Wolverine.Persistence;

namespace Engage.Workshop.Workshops;

/// <summary>Close the workshop: no more posts or votes, and Analysis hears that its corpus is complete.</summary>
[MartenStore(typeof(IWorkshopStore))]
[Authorize(Roles = Roles.Programme)]
public static class CloseWorkshopEndpoint
{
    public static ProblemDetails Validate([Entity(Required = true)] Workshop workshop) =>
        workshop.Status == WorkshopStatus.Open ? WolverineContinue.NoProblems : Problems.Conflict($"The workshop is {workshop.Status}, not open.");

    [WolverinePost("/api/workshops/{id}/close")]
    public static (AcceptResponse, IMartenOp, OutgoingMessages) Post([Entity(Required = true)] Workshop workshop, DateTimeOffset now)
    {
        var closed = WorkshopLifecycle.Close(workshop, now);
        return (new AcceptResponse($"/api/workshops/{workshop.Id}"), MartenOps.Store(workshop), [closed]);
    }
}
