using Engage.Workshop.Contracts;
using Engage.Platform;
using Engage.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;
using Wolverine.Persistence;

namespace Engage.Workshop.Workshops;

public record OpenWorkshop(Guid WorkshopId);

/// <summary>Staff open a draft by hand (the minute job opens it at its opening time otherwise).</summary>
[MartenStore(typeof(IWorkshopStore))]
public static class OpenWorkshopHandler
{
    public static (IMartenOp, WorkshopOpened) Handle(OpenWorkshop command, [Entity(Required = false)] Workshop? workshop, DateTimeOffset now)
    {
        var opened = WorkshopLifecycle.Open(Found(workshop, WorkshopStatus.Draft, "a draft"), now);
        return (MartenOps.Store(workshop!), opened);
    }

    public static Workshop Found(Workshop? workshop, WorkshopStatus expected, string what)
    {
        RuleBroken.Unless(workshop is not null, "The workshop was not found.", 404);
        RuleBroken.Unless(workshop!.Status == expected, $"The workshop is {workshop.Status}, not {what}.", 409);
        return workshop;
    }
}

[Authorize(Roles = Roles.Programme)]
public static class OpenWorkshopEndpoint
{
    [WolverinePost("/api/workshops/{id}/open")]
    public static Task<IResult> Post(Guid id, IMessageBus bus) =>
        ApiDoor.Invoke(bus, new OpenWorkshop(id), Results.Accepted($"/api/workshops/{id}"));
}
