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
    ModerationMode Moderation, int? MinimumGroupSize, IReadOnlyList<ThemeSettings>? Themes = null,
    IReadOnlyList<Participants.ProfileQuestions.Question>? ProfileQuestions = null, DeletionPolicy? OnDeletion = null);

/// <summary>A theme as staff word it. A known id keeps the seminar's problem statements behind it; a new id adds a theme.</summary>
public record ThemeSettings(Guid? Id, string? Title, string? Description, IReadOnlyList<string>? Prompts, IReadOnlyList<string>? Seeds);

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
        var title = RuleBroken.Text(s.Title, "title", "a title for the workshop", 200);
        RuleBroken.Unless((s.Introduction?.Length ?? 0) <= 10_000, "'introduction' must be at most 10,000 characters.");
        RuleBroken.Unless((s.ConsentText?.Length ?? 0) <= 10_000, "'consentText' must be at most 10,000 characters.");
        RuleBroken.Unless(s.OpensAt is null || s.ClosesAt is null || s.ClosesAt > s.OpensAt, "'closesAt' must be after 'opensAt'.");
        RuleBroken.Unless(s.ClosesAt is null || s.ClosesAt > now, "'closesAt' must be in the future.");
        var minimum = s.MinimumGroupSize ?? workshop.MinimumGroupSize;
        RuleBroken.Unless(minimum is >= 3 and <= 1000, "'minimumGroupSize' must be 3 to 1,000.");

        if (s.Themes is { } themes) workshop.Themes = Themes(workshop, themes);
        if (s.ProfileQuestions is { } questions) workshop.ProfileQuestions = Questions(workshop, questions);
        workshop.OnDeletion = s.OnDeletion ?? workshop.OnDeletion;
        workshop.Title = title;
        workshop.Introduction = s.Introduction?.Trim() ?? "";
        workshop.ConsentText = s.ConsentText?.Trim() ?? "";
        workshop.OpensAt = s.OpensAt;
        workshop.ClosesAt = s.ClosesAt;
        workshop.Moderation = s.Moderation;
        workshop.MinimumGroupSize = minimum;
        return MartenOps.Store(workshop);
    }

    private static List<WorkshopTheme> Themes(Workshop workshop, IReadOnlyList<ThemeSettings> given)
    {
        RuleBroken.Unless(given.Count is > 0 and <= 20, "'themes' must hold 1 to 20 themes.");
        // Once people contribute, a theme holds their words: it can be reworded but not removed.
        RuleBroken.Unless(workshop.Status == WorkshopStatus.Draft || workshop.Themes.All(t => given.Any(g => g.Id == t.Id)),
            "Themes cannot be removed once the workshop is open.", 409);
        return given.Select((g, i) =>
        {
            var title = g.Title?.Trim() ?? "";
            RuleBroken.Unless(title.Length is > 0 and <= 200, $"'themes[{i}].title' is required (at most 200 characters).");
            var lines = (g.Prompts ?? []).Concat(g.Seeds ?? []).ToList();
            RuleBroken.Unless((g.Description?.Length ?? 0) <= 2000 && lines.Count <= 20 && lines.All(l => l.Length is > 0 and <= 500),
                $"'themes[{i}]': description up to 2,000 characters; up to 20 prompts and seeds, each 1 to 500 characters.");
            var existing = workshop.Themes.FirstOrDefault(t => t.Id == g.Id);
            return new WorkshopTheme(existing?.Id ?? Guid.CreateVersion7(), title, g.Description?.Trim() ?? "", [.. g.Prompts ?? []], [.. g.Seeds ?? []],
                existing?.Problems ?? []);
        }).ToList();
    }

    private static List<Participants.ProfileQuestions.Question> Questions(Workshop workshop, IReadOnlyList<Participants.ProfileQuestions.Question> given)
    {
        RuleBroken.Unless(workshop.Status == WorkshopStatus.Draft, "Profile questions are fixed once people have started to join.", 409);
        RuleBroken.Unless(given.Count <= 10 && given.Select(q => q.Key).Distinct().Count() == given.Count, "'profileQuestions': up to 10, with distinct keys.");
        RuleBroken.Unless(given.All(q => q.Key is { Length: > 0 and <= 50 } && q.Key.All(char.IsAsciiLetterOrDigit) && q.Text is { Length: > 0 and <= 200 }
                && q.Options is { Length: > 0 and <= 30 } && q.Options.All(o => o is { Length: > 0 and <= 100 })),
            "Each profile question needs a key (letters and digits), a text, and 1 to 30 options of up to 100 characters.");
        return [.. given];
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
        OutgoingMessages changes = [];
        foreach (var workshop in toOpen) changes.Add(WorkshopLifecycle.Open(workshop, now));
        foreach (var workshop in toClose) changes.Add(WorkshopLifecycle.Close(workshop, now));
        if (toOpen.Count + toClose.Count > 0) session.Store([.. toOpen, .. toClose]);
        return changes;
    }
}

/// <summary>Opening and closing, the same whether staff press the button or the schedule does.</summary>
public static class WorkshopLifecycle
{
    public static WorkshopOpened Open(Workshop workshop, DateTimeOffset now)
    {
        workshop.Status = WorkshopStatus.Open;
        workshop.OpenedAt = now;
        return Opened(workshop, now);
    }

    /// <summary>What Analysis keeps of the workshop, so findings can name its questions and the problems behind them.</summary>
    public static WorkshopOpened Opened(Workshop workshop, DateTimeOffset now) =>
        new(workshop.Id, workshop.SeminarId == Guid.Empty ? null : workshop.SeminarId, workshop.Title,
            workshop.Themes.Select(t => new OpenedTheme(t.Id, t.Title, t.Description, t.Prompts,
                t.Problems.Select(p => new OpenedProblem(p.ProblemId, p.Text, p.InterestGroup)).ToList())).ToList(),
            workshop.ProfileQuestions.Select(q => q.Key).ToList(), workshop.MinimumGroupSize, workshop.OpenedAt ?? now, workshop.ClosesAt, workshop.Attribution,
            workshop.ProfileQuestions.ToDictionary(q => q.Key, Participants.ProfileQuestions.LabelOf));

    public static WorkshopClosed Close(Workshop workshop, DateTimeOffset now)
    {
        workshop.Status = WorkshopStatus.Closed;
        workshop.ClosedAt = now;
        return new WorkshopClosed(workshop.Id, now);
    }
}
