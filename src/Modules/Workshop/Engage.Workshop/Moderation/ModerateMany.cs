using System.Security.Claims;
using Engage.Platform;
using Engage.Platform.Web;
using Engage.Workshop.Contributions;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Engage.Workshop.Moderation;

/// <summary>
/// One decision with one reason for many posts: "publish" approves what the checks held and keeps what was
/// reported; "remove" rejects either. Each post is decided by <see cref="ModerateContribution"/> on its own
/// stream, so every post's history says who decided, when and why, exactly as for a single decision.
/// </summary>
public record BulkModerationForm(Guid[]? ContributionIds, string? Decision, string? Reason);

public record BulkModerationResult(int Decided, IReadOnlyList<BulkRefusal> Refused);

public record BulkRefusal(Guid ContributionId, string Problem);

public static class ModerateMany
{
    public const int Largest = 200;

    /// <summary>Checks the whole request first (nothing is decided when it is wrong), then decides each post.</summary>
    public static async Task<BulkModerationResult> Run(IMessageBus bus, IQuerySession session, Guid workshopId, Guid moderatorId, BulkModerationForm form)
    {
        var ids = (form.ContributionIds ?? []).Distinct().ToArray();
        RuleBroken.Unless(ids.Length > 0, "Select at least one post to decide on.");
        RuleBroken.Unless(ids.Length <= Largest, $"Decide on at most {Largest} posts at once.");
        RuleBroken.Unless(form.Decision is "publish" or "remove", "Choose whether to publish (or keep) the selected posts, or to remove them.");
        var reason = form.Reason?.Trim() ?? "";
        RuleBroken.Unless(reason.Length <= 500, "The reason must be at most 500 characters.");
        RuleBroken.Unless(form.Decision != "remove" || reason.Length > 0, "Enter a reason for removing the selected posts.");
        var posts = (await session.LoadManyAsync<Contribution>(ids)).ToDictionary(c => c.Id);
        RuleBroken.Unless(ids.All(id => posts.TryGetValue(id, out var c) && c.WorkshopId == workshopId), "A selected post is not in this workshop.", 404);

        var refused = new List<BulkRefusal>();
        foreach (var id in ids)
        {
            var post = posts[id];
            var decision = form.Decision == "remove" ? "reject" : post.Status == ContributionStatus.Held ? "approve" : "keep";
            try { await bus.InvokeAsync(new ModerateContribution(id, moderatorId, new ModerationForm(decision, reason, null))); }
            catch (RuleBroken broken) { refused.Add(new BulkRefusal(id, broken.Message)); }
        }
        return new BulkModerationResult(ids.Length - refused.Count, refused);
    }
}

[MartenStore(typeof(IWorkshopStore))]
[Authorize(Roles = Roles.Moderators)]
public static class ModerateManyEndpoint
{
    [WolverinePost("/api/workshops/{id}/moderation/decisions")]
    public static async Task<IResult> Post(Guid id, BulkModerationForm form, ClaimsPrincipal user, IMessageBus bus, IQuerySession session)
    {
        try { return Results.Ok(await ModerateMany.Run(bus, session, id, Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!), form)); }
        catch (RuleBroken broken) { return ApiDoor.Problem(broken); }
    }
}
