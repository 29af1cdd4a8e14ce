using Engage.Platform;
using Engage.Platform.Web;
using Engage.Workshop.Contracts;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Engage.Workshop.Workshops;

public record WorkshopSettings(string? Title, string? Introduction, string? ConsentText, DateTimeOffset? OpensAt, DateTimeOffset? ClosesAt,
    ModerationMode Moderation, int? MinimumGroupSize);

public record SetUpWorkshop(Guid WorkshopId, WorkshopSettings Settings);

/// <summary>Programme staff set up the workshop the seminar drafted; a closed workshop is part of the record and stays as it was.</summary>
[MartenStore(typeof(IWorkshopStore))]
public static class SetUpWorkshopHandler
{
    public static Task<Workshop?> LoadAsync(SetUpWorkshop command, IQuerySession session) => session.LoadAsync<Workshop>(command.WorkshopId);

    public static IMartenOp Handle(SetUpWorkshop command, Workshop? workshop, DateTimeOffset now)
    {
        RuleBroken.Unless(workshop is not null, "The workshop was not found.", 404);
        RuleBroken.Unless(workshop!.Status != WorkshopStatus.Closed, "The workshop has closed; its settings are part of the record.", 409);
        var s = command.Settings;
        var title = s.Title?.Trim() ?? "";
        RuleBroken.Unless(title.Length is > 0 and <= 200, "'title' is required (at most 200 characters).");
        RuleBroken.Unless((s.Introduction?.Length ?? 0) <= 10_000, "'introduction' must be at most 10,000 characters.");
        RuleBroken.Unless((s.ConsentText?.Length ?? 0) <= 10_000, "'consentText' must be at most 10,000 characters.");
        RuleBroken.Unless(s.OpensAt is null || s.ClosesAt is null || s.ClosesAt > s.OpensAt, "'closesAt' must be after 'opensAt'.");
        RuleBroken.Unless(s.ClosesAt is null || s.ClosesAt > now, "'closesAt' must be in the future.");
        var minimum = s.MinimumGroupSize ?? workshop.MinimumGroupSize;
        RuleBroken.Unless(minimum is >= 3 and <= 1000, "'minimumGroupSize' must be 3 to 1,000.");

        workshop.Title = title;
        workshop.Introduction = s.Introduction?.Trim() ?? "";
        workshop.ConsentText = s.ConsentText?.Trim() ?? "";
        workshop.OpensAt = s.OpensAt;
        workshop.ClosesAt = s.ClosesAt;
        workshop.Moderation = s.Moderation;
        workshop.MinimumGroupSize = minimum;
        return MartenOps.Store(workshop);
    }
}

[Authorize(Roles = Roles.Programme)]
public static class SetUpWorkshopEndpoint
{
    [WolverinePut("/api/workshops/{id}")]
    public static Task<IResult> Put(Guid id, WorkshopSettings settings, IMessageBus bus) =>
        ApiDoor.Invoke(bus, new SetUpWorkshop(id, settings), Results.NoContent());
}

/// <summary>
/// Sent every minute by a Hangfire job: opens drafts whose opening time has come and closes open
/// workshops whose closing time has passed. Looking for what is due, rather than scheduling each
/// change, means a change that fell due while the host was down happens when it is back.
/// </summary>
public record OpenAndCloseDueWorkshops;

[MartenStore(typeof(IWorkshopStore))]
public static class OpenAndCloseDueWorkshopsHandler
{
    public static async Task<OutgoingMessages> Handle(OpenAndCloseDueWorkshops _, IDocumentSession session, DateTimeOffset now)
    {
        var toOpen = await session.Query<Workshop>().Where(w => w.Status == WorkshopStatus.Draft && w.OpensAt != null && w.OpensAt <= now).ToListAsync();
        var toClose = await session.Query<Workshop>().Where(w => w.Status == WorkshopStatus.Open && w.ClosesAt != null && w.ClosesAt <= now).ToListAsync();
        OutgoingMessages closed = [];
        foreach (var workshop in toOpen) session.Store(WorkshopLifecycle.Open(workshop, now));
        foreach (var workshop in toClose) closed.Add(WorkshopLifecycle.Close(workshop, now));
        if (toClose.Count > 0) session.Store(toClose.ToArray());
        return closed;
    }
}

/// <summary>Opening and closing, the same whether staff press the button or the schedule does.</summary>
public static class WorkshopLifecycle
{
    public static Workshop Open(Workshop workshop, DateTimeOffset now)
    {
        workshop.Status = WorkshopStatus.Open;
        workshop.OpenedAt = now;
        return workshop;
    }

    public static WorkshopClosed Close(Workshop workshop, DateTimeOffset now)
    {
        workshop.Status = WorkshopStatus.Closed;
        workshop.ClosedAt = now;
        return new WorkshopClosed(workshop.Id, now);
    }
}
