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

/// <summary>Just enough of a contribution to put a theme in order, so a theme of 10,000 is ordered without loading 10,000 texts.</summary>
public record ThemeEntry(Guid Id, Guid? ParentId, DateTimeOffset PostedAt);

public record Tally(int Agree, int Disagree, int Pass)
{
    public static readonly Tally None = new(0, 0, 0);
    public int Total => Agree + Disagree + Pass;
}

/// <summary>One page of a theme, and the replies to what is on it.</summary>
public record ThemePage(int Total, IReadOnlyList<ListedContribution> Rows, ILookup<Guid, ListedContribution> Replies);

/// <summary>
/// The orders people read a theme in. "unvoted" puts first what the reader has not voted on yet, the
/// least-voted first, so every contribution gets seen (as Polis does), not only the early popular ones.
/// </summary>
public static class ContributionListing
{
    public static readonly string[] Sorts = ["newest", "agreed", "discussed", "unvoted"];

    public static IReadOnlyList<ThemeEntry> Order(IReadOnlyList<ThemeEntry> entries, IReadOnlyDictionary<Guid, Tally> tallies,
        IReadOnlyDictionary<Guid, string> mine, IReadOnlyDictionary<Guid, int> replies, string sort)
    {
        Tally T(ThemeEntry e) => tallies.GetValueOrDefault(e.Id, Tally.None);
        return (sort switch
        {
            "agreed" => entries.OrderByDescending(e => T(e).Agree).ThenBy(e => T(e).Disagree).ThenByDescending(e => e.PostedAt),
            "discussed" => entries.OrderByDescending(e => replies.GetValueOrDefault(e.Id)).ThenByDescending(e => T(e).Total).ThenByDescending(e => e.PostedAt),
            "unvoted" => entries.OrderBy(e => mine.ContainsKey(e.Id) ? 1 : 0).ThenBy(e => T(e).Total).ThenByDescending(e => e.PostedAt),
            _ => entries.OrderByDescending(e => e.PostedAt)
        }).ToList();
    }

    /// <summary>
    /// Reads a page of a theme in any order: PostgreSQL orders the theme's contributions by the counts it keeps
    /// per contribution (<see cref="ContributionCounts"/>) and returns the page, so a theme of 10,000 costs a page
    /// of rows, not every vote of the workshop. With <paramref name="threads"/> the page holds top-level
    /// contributions and their replies come alongside.
    /// </summary>
    public static async Task<ThemePage> ReadAsync(IQuerySession session, Guid workshopId, Guid themeId, Guid? reader, string sort, int skip, int take, bool threads)
    {
        var topLevel = threads ? " and c.parent_id is null" : "";
        var mine = await MineAsync(session, workshopId, reader);
        // The same orders as Order() above, ties broken by id so pages do not overlap.
        var order = sort switch
        {
            "agreed" => "coalesce(n.agree, 0) desc, coalesce(n.disagree, 0), c.posted_at desc, c.id",
            "discussed" => "coalesce(n.replies, 0) desc, coalesce(n.agree + n.disagree + n.pass, 0) desc, c.posted_at desc, c.id",
            "unvoted" => "c.id = any(?) , coalesce(n.agree + n.disagree + n.pass, 0), c.posted_at desc, c.id",
            _ => "c.posted_at desc, c.id"
        };
        var total = (await session.QueryAsync<int>(
            $"select count(*)::int from {Contributions} c where c.workshop_id = ? and c.theme_id = ? and c.status = ?{topLevel}", workshopId, themeId, Published)).Single();
        var select = $"select json_build_object('Id', c.id, 'ParentId', c.parent_id, 'PostedAt', c.posted_at) from {Contributions} c " +
            $"left join {ContributionCounts.Table} n on n.contribution_id = c.id where c.workshop_id = ? and c.theme_id = ? and c.status = ?{topLevel} " +
            $"order by {order} limit ? offset ?";
        var page = sort == "unvoted"
            ? await session.QueryAsync<ThemeEntry>(select, workshopId, themeId, Published, mine.Keys.ToArray(), take, skip)
            : await session.QueryAsync<ThemeEntry>(select, workshopId, themeId, Published, take, skip);
        var ids = page.Select(e => e.Id).ToArray();
        var replyEntries = threads && ids.Length > 0
            ? (await session.QueryAsync<ThemeEntry>(
                $"select json_build_object('Id', id, 'ParentId', parent_id, 'PostedAt', posted_at) from {Contributions} " +
                "where parent_id = any(?) and status = ? order by posted_at", ids, Published)).ToList()
            : [];
        var shown = ids.Concat(replyEntries.Select(e => e.Id)).ToArray();
        IReadOnlyList<CountsRow> counts = shown.Length == 0 ? [] : await session.QueryAsync<CountsRow>(
            $"select json_build_object('Id', contribution_id, 'Agree', agree, 'Disagree', disagree, 'Pass', pass, 'Replies', replies) " +
            $"from {ContributionCounts.Table} where contribution_id = any(?)", shown);
        return await PageAsync(session, total, page, replyEntries, counts.ToDictionary(c => c.Id, c => new Tally(c.Agree, c.Disagree, c.Pass)), mine,
            counts.ToDictionary(c => c.Id, c => c.Replies));
    }

    private sealed record CountsRow(Guid Id, int Agree, int Disagree, int Pass, int Replies);

    /// <summary>Loads only the texts on the page and puts the rows together.</summary>
    private static async Task<ThemePage> PageAsync(IQuerySession session, int total, IReadOnlyList<ThemeEntry> page, IReadOnlyList<ThemeEntry> replyEntries,
        IReadOnlyDictionary<Guid, Tally> tallies, IReadOnlyDictionary<Guid, string> mine, IReadOnlyDictionary<Guid, int> replies)
    {
        var texts = (await session.LoadManyAsync<Contribution>(page.Concat(replyEntries).Select(e => e.Id).ToArray())).ToDictionary(c => c.Id);
        ListedContribution Row(ThemeEntry e)
        {
            var c = texts[e.Id];
            var t = tallies.GetValueOrDefault(e.Id, Tally.None);
            return new ListedContribution(c.Id, c.ThemeId, c.ParentId, c.Pseudonym, c.Text, c.PostedAt, t.Agree, t.Disagree, t.Pass,
                replies.GetValueOrDefault(c.Id), mine.GetValueOrDefault(c.Id));
        }
        return new ThemePage(total, page.Where(e => texts.ContainsKey(e.Id)).Select(Row).ToList(),
            replyEntries.Where(e => texts.ContainsKey(e.Id)).Select(Row).ToLookup(r => r.ParentId!.Value));
    }

    private static async Task<IReadOnlyDictionary<Guid, string>> MineAsync(IQuerySession session, Guid workshopId, Guid? reader) => reader is { } me
        ? (await session.Query<Vote>().Where(v => v.WorkshopId == workshopId && v.ParticipantId == me).ToListAsync()).ToDictionary(v => v.ContributionId, v => v.Value)
        : new Dictionary<Guid, string>();

    private const string Contributions = WorkshopModule.Schema + ".mt_doc_contribution";
    private const int Published = (int)ContributionStatus.Published;

    private sealed record CountRow(Guid Id, int Count);

    /// <summary>How many top-level contributions each theme holds.</summary>
    public static async Task<IReadOnlyDictionary<Guid, int>> CountByThemeAsync(IQuerySession session, Guid workshopId) =>
        (await session.QueryAsync<CountRow>(
            $"select json_build_object('Id', theme_id, 'Count', count(*)) from {Contributions} " +
            "where workshop_id = ? and status = ? and parent_id is null group by theme_id", workshopId, Published))
        .ToDictionary(r => r.Id, r => r.Count);

    private sealed record TallyRow(Guid ContributionId, string Value, int Count);

    /// <summary>
    /// Agree, disagree and pass counts for the workshop's contributions (or only <paramref name="ids"/>),
    /// grouped in the database from duplicated columns.
    /// </summary>
    public static async Task<IReadOnlyDictionary<Guid, Tally>> TalliesAsync(IQuerySession session, Guid workshopId, Guid[]? ids = null)
    {
        const string select = "select json_build_object('ContributionId', contribution_id, 'Value', value, 'Count', count(*)) " +
            $"from {WorkshopModule.Schema}.mt_doc_vote where workshop_id = ?";
        var rows = ids is null
            ? await session.QueryAsync<TallyRow>(select + " group by contribution_id, value", workshopId)
            : await session.QueryAsync<TallyRow>(select + " and contribution_id = any(?) group by contribution_id, value", workshopId, ids);
        return rows.GroupBy(r => r.ContributionId).ToDictionary(g => g.Key, g => new Tally(
            g.Where(r => r.Value == "agree").Sum(r => r.Count), g.Where(r => r.Value == "disagree").Sum(r => r.Count), g.Where(r => r.Value == "pass").Sum(r => r.Count)));
    }
}

[MartenStore(typeof(IWorkshopStore))]
[Authorize(Roles = Roles.Admin + "," + Roles.ProgrammeStaff + "," + Roles.Participant)]
public static class ListContributionsEndpoint
{
    public const int PageSize = 50;

    [WolverineGet("/api/workshops/{id}/themes/{themeId}/contributions")]
    public static async Task<IResult> Get(Guid id, Guid themeId, string? sort, int? page, ClaimsPrincipal user, IQuerySession session)
    {
        var order = sort ?? "newest";
        if (!ContributionListing.Sorts.Contains(order))
            return ApiDoor.Problem(new RuleBroken(400, $"'sort' must be one of {string.Join(", ", ContributionListing.Sorts)}."));
        if (page is < 1) return ApiDoor.Problem(new RuleBroken(400, "'page' starts at 1."));
        var reader = user.ParticipantIdentity() is { } identity ? (await session.RegistrationOf(id, identity))?.Id : null;
        var read = await ContributionListing.ReadAsync(session, id, themeId, reader, order, ((page ?? 1) - 1) * PageSize, PageSize, threads: false);
        return Results.Ok(read.Rows);
    }
}
