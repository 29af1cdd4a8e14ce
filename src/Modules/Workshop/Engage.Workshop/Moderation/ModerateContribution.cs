using System.Security.Claims;
using Engage.Platform;
using Engage.Platform.Web;
using Engage.Workshop.Contracts;
using Engage.Workshop.Contributions;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Engage.Workshop.Moderation;

public record ModerationForm(string? Decision, string? Reason, string? Text);

public record ModerateContribution(Guid ContributionId, Guid ModeratorId, ModerationForm Form);

/// <summary>
/// A moderator approves, rejects with a reason, or redacts a held contribution. Every decision is an
/// event on the contribution's stream with who, when and why; approval and redaction publish it.
/// </summary>
[MartenStore(typeof(IWorkshopStore))]
public static class ModerateContributionHandler
{
    public static (Events, OutgoingMessages) Handle(ModerateContribution command, [WriteAggregate(Required = false)] Contribution? contribution,
        IOptions<ModerationOptions> moderation, DateTimeOffset now)
    {
        RuleBroken.Unless(contribution is not null, "The contribution was not found.", 404);
        RuleBroken.Unless(contribution!.AwaitsModerator, $"The contribution is {contribution.Status.ToString().ToLowerInvariant()} and not flagged: nothing waits for a decision.", 409);
        var wasPublished = contribution.Status == ContributionStatus.Published;
        var f = command.Form;
        var reason = f.Reason?.Trim() ?? "";
        RuleBroken.Unless(reason.Length <= 500, "'reason' must be at most 500 characters.");
        switch (f.Decision)
        {
            case "approve" when !wasPublished:
                return ([new ContributionApproved(contribution.Id, command.ModeratorId, now)], [Published(contribution, contribution.Text, now)]);
            case "keep" when wasPublished:
                return ([new ContributionKept(contribution.Id, command.ModeratorId, reason, now)], []);
            case "reject":
                RuleBroken.Unless(reason.Length > 0, "Give a 'reason' for rejecting.");
                // Removing what was public tells Analysis to take it out of the corpus.
                return ([new ContributionRejected(contribution.Id, command.ModeratorId, reason, now)],
                    wasPublished ? [new ContributionModerated(contribution.Id, contribution.WorkshopId, "removed", reason, now)] : []);
            case "redact":
                var text = f.Text?.Trim() ?? "";
                RuleBroken.Unless(text.Length is > 0 and <= PostContributionHandler.MaxLength, "'text' (the redacted contribution) is required, at most 2,000 characters.");
                var still = ContentChecks.Find(text, moderation.Value.OffensiveWords);
                RuleBroken.Unless(still.Count == 0, $"The redacted text still contains: {string.Join(", ", still)}.");
                RuleBroken.Unless(reason.Length > 0, "Give a 'reason' for redacting.");
                return ([new ContributionRedacted(contribution.Id, command.ModeratorId, text, reason, now)], [Published(contribution, text, now)]);
            default:
                throw new RuleBroken(400, wasPublished
                    ? "For a flagged contribution 'decision' must be \"keep\", \"reject\" or \"redact\"."
                    : "For a held contribution 'decision' must be \"approve\", \"reject\" or \"redact\".");
        }
    }

    private static ContributionPublished Published(Contribution c, string text, DateTimeOffset now) =>
        new(c.Id, c.WorkshopId, c.ThemeId, c.ParentId, text, c.Pseudonym, now, c.AuthorId == Guid.Empty ? null : c.AuthorId);
}

public record HeldContribution(Guid Id, Guid ThemeId, string Pseudonym, string Text, IReadOnlyList<string> HeldFor,
    IReadOnlyList<string> Flags, DateTimeOffset PostedAt);

public record DecisionCount(string Decision, string Reason, int Count);

[MartenStore(typeof(IWorkshopStore))]
[Authorize(Roles = Roles.Moderators)]
public static class ModerationEndpoint
{
    [WolverinePost("/api/contributions/{id}/moderation")]
    public static Task<IResult> Post(Guid id, ModerationForm form, ClaimsPrincipal user, IMessageBus bus) =>
        ApiDoor.Invoke(bus, new ModerateContribution(id, Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!), form), Results.NoContent());

    /// <summary>The queue, oldest first: held contributions with what the checks found, and flagged ones with the reasons given.</summary>
    [WolverineGet("/api/workshops/{id}/moderation")]
    public static async Task<IReadOnlyList<HeldContribution>> Queue(Guid id, IQuerySession session) =>
        (await session.Query<Contribution>().Where(c => c.WorkshopId == id && c.Status != ContributionStatus.Rejected).OrderBy(c => c.PostedAt).ToListAsync())
        .Where(c => c.AwaitsModerator).Take(500)
        .Select(c => new HeldContribution(c.Id, c.ThemeId, c.Pseudonym, c.Text, c.HeldFor, c.Flags.Select(f => f.Reason).ToList(), c.PostedAt)).ToList();

    /// <summary>Transparency: how many contributions each decision and reason accounted for.</summary>
    [WolverineGet("/api/workshops/{id}/moderation/decisions")]
    public static async Task<IReadOnlyList<DecisionCount>> Decisions(Guid id, IQuerySession session) =>
        (await session.Query<Contribution>().Where(c => c.WorkshopId == id && c.Decision != null).ToListAsync())
        .GroupBy(c => (c.Decision!, c.DecisionReason ?? string.Join(", ", c.HeldFor)))
        .Select(g => new DecisionCount(g.Key.Item1, g.Key.Item2, g.Count())).OrderByDescending(d => d.Count).ToList();
}
