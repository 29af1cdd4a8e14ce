using Engage.Platform;
using Engage.Workshop.Contributions;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Engage.Workshop.Moderation;

/// <summary>
/// What a moderator filters the queue by: the check that held a post, its theme, whether participants reported it
/// ("reported", "held" or everything), and words in the reasons people gave when reporting it.
/// </summary>
public record QueueFilter(string? Check = null, Guid? Theme = null, string? Source = null, string? Reason = null)
{
    public static readonly string[] Checks = [ContentChecks.Email, ContentChecks.Phone, ContentChecks.NhsNumber, ContentChecks.Link, ContentChecks.Language, "pre-moderation"];

    public bool Matches(Contribution c) =>
        (Check is not { Length: > 0 } || c.HeldFor.Contains(Check))
        && (Theme is null || c.ThemeId == Theme)
        && (Source switch { "reported" => c.Flags.Count > 0, "held" => c.Status == ContributionStatus.Held, _ => true })
        && (Reason is not { Length: > 0 } || c.Flags.Any(f => f.Reason.Contains(Reason.Trim(), StringComparison.OrdinalIgnoreCase)));
}

/// <summary>A post waiting for a moderator, with what they need to decide: who reported it and why, the thread, and its history.</summary>
public record QueueItem(Guid Id, Guid ThemeId, string Theme, string Pseudonym, string Text, IReadOnlyList<string> HeldFor,
    int ReportedBy, IReadOnlyList<ReasonCount> Reasons, DateTimeOffset PostedAt, ThreadPost? Parent, IReadOnlyList<ThreadPost> Replies,
    IReadOnlyList<HistoryEntry> History);

public record ReasonCount(string Reason, int People);

public record ThreadPost(Guid Id, string Pseudonym, string Text, string Status);

/// <summary>One thing that happened to a post; <paramref name="ModeratorId"/> names the moderator for staff pages to resolve.</summary>
public record HistoryEntry(DateTimeOffset At, string What, string? Reason, Guid? ModeratorId);

public static class ModerationQueue
{
    public const int Largest = 500;

    /// <summary>The queue, oldest first, filtered; each post with its thread and history, read in four round trips whatever its length.</summary>
    public static async Task<IReadOnlyList<QueueItem>> LoadAsync(IQuerySession session, Guid workshopId, QueueFilter filter)
    {
        var workshop = await session.LoadAsync<Workshops.Workshop>(workshopId);
        var waiting = (await session.Query<Contribution>()
                .Where(c => c.WorkshopId == workshopId && (c.Status == ContributionStatus.Held || c.Status == ContributionStatus.Published))
                .OrderBy(c => c.PostedAt).ToListAsync())
            .Where(c => c.AwaitsModerator && filter.Matches(c)).Take(Largest).ToList();
        if (waiting.Count == 0) return [];

        var ids = waiting.Select(c => c.Id).ToArray();
        var parentIds = waiting.Where(c => c.ParentId is not null).Select(c => c.ParentId!.Value).Distinct().ToArray();
        var parents = (await session.LoadManyAsync<Contribution>(parentIds)).ToDictionary(c => c.Id);
        var replies = (await session.Query<Contribution>().Where(c => c.ParentId != null && c.ParentId.Value.In(ids)).OrderBy(c => c.PostedAt).ToListAsync())
            .ToLookup(c => c.ParentId!.Value);
        var events = (await session.Events.QueryAllRawEvents().Where(e => e.StreamId.In(ids)).OrderBy(e => e.Sequence).ToListAsync())
            .ToLookup(e => e.StreamId);
        var themes = workshop?.Themes.ToDictionary(t => t.Id, t => t.Title) ?? [];

        return waiting.Select(c => new QueueItem(c.Id, c.ThemeId, themes.GetValueOrDefault(c.ThemeId, ""), c.Pseudonym, c.Text, c.HeldFor,
            c.Flags.Select(f => f.ParticipantId).Distinct().Count(),
            c.Flags.GroupBy(f => f.Reason.Trim(), StringComparer.OrdinalIgnoreCase).Select(g => new ReasonCount(g.Key, g.Count())).OrderByDescending(r => r.People).ToList(),
            c.PostedAt,
            c.ParentId is { } p && parents.TryGetValue(p, out var parent) ? Thread(parent) : null,
            replies[c.Id].Select(Thread).ToList(),
            events[c.Id].Select(e => Entry(e.Data, e.Timestamp)).OfType<HistoryEntry>().ToList())).ToList();
    }

    private static ThreadPost Thread(Contribution c) => new(c.Id, c.Pseudonym, c.Status == ContributionStatus.Published ? c.Text : "", c.Status.ToString().ToLowerInvariant());

    private static HistoryEntry? Entry(object data, DateTimeOffset at) => data switch
    {
        ContributionPosted e => new(e.PostedAt, "Posted", null, null),
        ContributionHeld e => new(at, "Held by the checks", string.Join(", ", e.Reasons), null),
        ContributionEdited e => new(e.At, "Edited by its author", null, null),
        ContributionFlagged e => new(e.At, "Reported by a participant", e.Reason, null),
        ContributionKept e => new(e.At, "Kept", e.Reason, e.ModeratorId),
        ContributionApproved e => new(e.At, "Approved", null, e.ModeratorId),
        ContributionRejected e => new(e.At, "Rejected", e.Reason, e.ModeratorId),
        ContributionRedacted e => new(e.At, "Redacted", e.Reason, e.ModeratorId),
        _ => null
    };
}

[MartenStore(typeof(IWorkshopStore))]
[Authorize(Roles = Roles.Moderators)]
public static class ModerationQueueEndpoint
{
    /// <summary>The filtered queue with reports, thread and history: <c>?check=phone number&amp;theme=&amp;source=reported|held&amp;reason=</c>.</summary>
    [WolverineGet("/api/workshops/{id}/moderation/queue")]
    public static Task<IReadOnlyList<QueueItem>> Get(Guid id, string? check, Guid? theme, string? source, string? reason, IQuerySession session) =>
        ModerationQueue.LoadAsync(session, id, new QueueFilter(check, theme, source, reason));
}
