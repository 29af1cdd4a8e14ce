using System.Security.Claims;
using Engage.Platform;
using Engage.Platform.Web;
using Engage.Workshop.Voting;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;
using Wolverine.Marten;

namespace Engage.Workshop.Contributions;

public record ListedContribution(Guid Id, Guid ThemeId, Guid? ParentId, string Pseudonym, string Text, DateTimeOffset PostedAt,
    int Agree, int Disagree, int Pass, int Replies, string? MyVote);

/// <summary>
/// The orders people read a theme in. "unvoted" puts first what the reader has not voted on yet, the
/// least-voted first, so every contribution gets seen (as Polis does), not only the early popular ones.
/// </summary>
public static class ContributionListing
{
    public static readonly string[] Sorts = ["newest", "agreed", "discussed", "unvoted"];

    public static IReadOnlyList<ListedContribution> Build(IReadOnlyList<Contribution> published, IReadOnlyList<Vote> votes, Guid? reader, string sort)
    {
        var counts = votes.GroupBy(v => v.ContributionId).ToDictionary(g => g.Key, g => g.GroupBy(v => v.Value).ToDictionary(x => x.Key, x => x.Count()));
        var mine = reader is { } me ? votes.Where(v => v.ParticipantId == me).ToDictionary(v => v.ContributionId, v => v.Value) : [];
        var replies = published.Where(c => c.ParentId is not null).GroupBy(c => c.ParentId!.Value).ToDictionary(g => g.Key, g => g.Count());
        var rows = published.Select(c =>
        {
            var n = counts.GetValueOrDefault(c.Id) ?? [];
            return new ListedContribution(c.Id, c.ThemeId, c.ParentId, c.Pseudonym, c.Text, c.PostedAt, n.GetValueOrDefault("agree"),
                n.GetValueOrDefault("disagree"), n.GetValueOrDefault("pass"), replies.GetValueOrDefault(c.Id), mine.GetValueOrDefault(c.Id));
        });
        return (sort switch
        {
            "agreed" => rows.OrderByDescending(r => r.Agree).ThenBy(r => r.Disagree).ThenByDescending(r => r.PostedAt),
            "discussed" => rows.OrderByDescending(r => r.Replies).ThenByDescending(r => r.Agree + r.Disagree + r.Pass).ThenByDescending(r => r.PostedAt),
            "unvoted" => rows.OrderBy(r => r.MyVote is null ? 0 : 1).ThenBy(r => r.Agree + r.Disagree + r.Pass).ThenByDescending(r => r.PostedAt),
            _ => rows.OrderByDescending(r => r.PostedAt)
        }).ToList();
    }

    /// <summary>A theme's published contributions and their votes, read once for any sort.</summary>
    public static async Task<(IReadOnlyList<Contribution>, IReadOnlyList<Vote>)> LoadTheme(IQuerySession session, Guid workshopId, Guid? themeId)
    {
        var published = await session.Query<Contribution>()
            .Where(c => c.WorkshopId == workshopId && c.Status == ContributionStatus.Published && (themeId == null || c.ThemeId == themeId))
            .OrderByDescending(c => c.PostedAt).Take(10_000).ToListAsync();
        var ids = published.Select(c => c.Id).ToArray();
        var votes = ids.Length == 0 ? [] : await session.Query<Vote>().Where(v => v.ContributionId.In(ids)).ToListAsync();
        return (published, votes);
    }
}

[MartenStore(typeof(IWorkshopStore))]
[Authorize(Roles = Roles.Admin + "," + Roles.ProgrammeStaff + "," + Roles.Participant)]
public static class ListContributionsEndpoint
{
    [WolverineGet("/api/workshops/{id}/themes/{themeId}/contributions")]
    public static async Task<IResult> Get(Guid id, Guid themeId, string? sort, int? page, ClaimsPrincipal user, IQuerySession session)
    {
        var order = sort ?? "newest";
        if (!ContributionListing.Sorts.Contains(order))
            return ApiDoor.Problem(new RuleBroken(400, $"'sort' must be one of {string.Join(", ", ContributionListing.Sorts)}."));
        if (page is < 1) return ApiDoor.Problem(new RuleBroken(400, "'page' starts at 1."));
        var reader = user.ParticipantIdentity() is { } identity ? (await session.RegistrationOf(id, identity))?.Id : null;
        var (published, votes) = await ContributionListing.LoadTheme(session, id, themeId);
        var listed = ContributionListing.Build(published, votes, reader, order);
        return Results.Ok(listed.Skip(((page ?? 1) - 1) * 50).Take(50));
    }
}
