using Engage.Platform;
using Engage.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;
using Wolverine.Persistence;

namespace Engage.Workshop.Workshops;

public record CloseWorkshop(Guid WorkshopId);

/// <summary>Close the workshop: no more posts or votes, and Analysis hears that its corpus is complete.</summary>
[MartenStore(typeof(IWorkshopStore))]
public static class CloseWorkshopHandler
{
    public static (IMartenOp, OutgoingMessages) Handle(CloseWorkshop command, [Entity(Required = false)] Workshop? workshop, DateTimeOffset now)
    {
        var open = OpenWorkshopHandler.Found(workshop, WorkshopStatus.Open, "open");
        var closed = WorkshopLifecycle.Close(open, now);
        return (MartenOps.Store(open), [closed]);
    }
}

[Authorize(Roles = Roles.Programme)]
public static class CloseWorkshopEndpoint
{
    [WolverinePost("/api/workshops/{id}/close")]
    public static Task<IResult> Post(Guid id, IMessageBus bus) =>
        ApiDoor.Invoke(bus, new CloseWorkshop(id), Results.Accepted($"/api/workshops/{id}"));
}
