using Engage.Analysis.Contracts;
using Engage.Platform;
using Engage.Platform.Web;
using Engage.Workshop.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;
using Wolverine.Persistence;

namespace Engage.Workshop.Workshops;

public record ReopenWorkshop(Guid WorkshopId);

/// <summary>
/// Staff undo an early close made by mistake: allowed until an analysis of the workshop is published
/// (after that the record is the evidence behind a report) and only before its closing date, which
/// would close it again at once (docs/adr/0022).
/// </summary>
[MartenStore(typeof(IWorkshopStore))]
public static class ReopenWorkshopHandler
{
    public static (IMartenOp, WorkshopReopened) Handle(ReopenWorkshop command, [Entity(Required = false)] Workshop? workshop, DateTimeOffset now)
    {
        var closed = OpenWorkshopHandler.Found(workshop, WorkshopStatus.Closed, "closed");
        if (closed.AnalysisPublishedAt is { } published)
            throw new RuleBroken(409, $"An analysis of this workshop was published on {Platform.Wording.Words.Date(published)}: its record is now evidence, so it stays closed.");
        if (closed.ClosesAt is { } closes && closes <= now)
            throw new RuleBroken(409, $"Its closing date, {Platform.Wording.Words.Date(closes)}, has passed: only a workshop closed before its date can be reopened.");
        closed.Status = WorkshopStatus.Open;
        closed.ClosedAt = null;
        return (MartenOps.Store(closed), new WorkshopReopened(closed.Id, now, closed.ClosesAt));
    }
}

[Authorize(Roles = Roles.Programme)]
public static class ReopenWorkshopEndpoint
{
    [WolverinePost("/api/workshops/{id}/reopen")]
    public static Task<IResult> Post(Guid id, IMessageBus bus) =>
        ApiDoor.Invoke(bus, new ReopenWorkshop(id), Results.Accepted($"/api/workshops/{id}"));
}

/// <summary>Workshop keeps when an analysis of it was first published, so it can refuse to reopen after that.</summary>
[MartenStore(typeof(IWorkshopStore))]
public static class AnalysisPublishedHandler
{
    public static async Task Handle(AnalysisPublished published, Marten.IDocumentSession session)
    {
        if (published.WorkshopId is not { } id || await session.LoadAsync<Workshop>(id) is not { } workshop || workshop.AnalysisPublishedAt is not null) return;
        workshop.AnalysisPublishedAt = published.PublishedAt;
        session.Store(workshop);
    }
}
