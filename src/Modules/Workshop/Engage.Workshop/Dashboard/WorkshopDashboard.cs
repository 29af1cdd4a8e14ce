using Engage.Platform;
using Engage.Workshop.Contributions;
using Engage.Workshop.Participants;
using Engage.Workshop.Voting;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Engage.Workshop.Dashboard;

/// <summary>A group's count, or null when the group is smaller than the workshop's minimum and must not be shown.</summary>
public record GroupCount(string Group, int? Participants, int? Contributions);

public record DayCount(DateOnly Day, int Registrations, int Contributions, int Votes);

public record ThemeCount(Guid ThemeId, string Title, int Contributions, int Votes);

public record StandOut(Guid Id, string Pseudonym, string Text, int Agree, int Disagree, int Pass);

public record DashboardView(int Registrations, int ActiveParticipants, int Contributions, int Votes, int AwaitingModerator, int MinimumGroupSize,
    IReadOnlyList<DayCount> ByDay, IReadOnlyList<ThemeCount> ByTheme, IReadOnlyDictionary<string, IReadOnlyList<GroupCount>> ByAttribute,
    IReadOnlyList<StandOut> MostAgreed, IReadOnlyList<StandOut> MostDivisive);

/// <summary>
/// What programme staff watch while the workshop runs. Breakdowns by profile answer never show a
/// group smaller than the workshop's minimum: a "3 midwives in Wales" cell could name people.
/// </summary>
public static class WorkshopDashboard
{
    public static readonly string[] Attributes = ["profession", "region"];
    public const int MinimumVotesToStandOut = 5;

    public static DashboardView Build(Workshops.Workshop workshop, IReadOnlyList<Registration> people, IReadOnlyList<Contribution> contributions,
        IReadOnlyList<Vote> votes, DateTimeOffset now)
    {
        var published = contributions.Where(c => c.Status == ContributionStatus.Published).ToList();
        var since = now.AddDays(-1);
        var active = published.Where(c => c.PostedAt >= since).Select(c => c.AuthorId).Concat(votes.Where(v => v.CastAt >= since).Select(v => v.ParticipantId))
            .Where(id => id != Guid.Empty).Distinct().Count();

        static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);
        var joined = people.CountBy(p => Day(p.RegisteredAt)).ToDictionary();
        var posted = published.CountBy(c => Day(c.PostedAt)).ToDictionary();
        var voted = votes.CountBy(v => Day(v.CastAt)).ToDictionary();
        var days = joined.Keys.Union(posted.Keys).Union(voted.Keys).Order()
            .Select(d => new DayCount(d, joined.GetValueOrDefault(d), posted.GetValueOrDefault(d), voted.GetValueOrDefault(d))).ToList();

        var themeOf = published.ToDictionary(c => c.Id, c => c.ThemeId);
        var themes = workshop.Themes.Select(t => new ThemeCount(t.Id, t.Title, published.Count(c => c.ThemeId == t.Id),
            votes.Count(v => themeOf.TryGetValue(v.ContributionId, out var theme) && theme == t.Id))).ToList();

        var tallies = votes.GroupBy(v => v.ContributionId).ToDictionary(g => g.Key,
            g => (Agree: g.Count(v => v.Value == "agree"), Disagree: g.Count(v => v.Value == "disagree"), Pass: g.Count(v => v.Value == "pass")));
        var standing = published.Where(c => tallies.TryGetValue(c.Id, out var t) && t.Agree + t.Disagree + t.Pass >= MinimumVotesToStandOut)
            .Select(c => (c, t: tallies[c.Id])).ToList();
        var mostAgreed = standing.OrderByDescending(x => (double)x.t.Agree / (x.t.Agree + x.t.Disagree + x.t.Pass)).ThenByDescending(x => x.t.Agree)
            .Take(5).Select(x => StandOut(x.c, x.t)).ToList();
        // Divisive: many votes on both sides, balanced between them.
        var mostDivisive = standing.Where(x => x.t.Agree > 0 && x.t.Disagree > 0)
            .OrderByDescending(x => (double)Math.Min(x.t.Agree, x.t.Disagree) / Math.Max(x.t.Agree, x.t.Disagree) * (x.t.Agree + x.t.Disagree))
            .Take(5).Select(x => StandOut(x.c, x.t)).ToList();

        var byAttribute = Attributes.ToDictionary(a => a, a => Breakdown(a, people, published, workshop.MinimumGroupSize));
        return new DashboardView(people.Count, active, published.Count, votes.Count, contributions.Count(c => c.AwaitsModerator), workshop.MinimumGroupSize,
            days, themes, byAttribute, mostAgreed, mostDivisive);
    }

    public static IReadOnlyList<GroupCount> Breakdown(string attribute, IReadOnlyList<Registration> people, IReadOnlyList<Contribution> published, int minimum)
    {
        var contributionsBy = published.GroupBy(c => c.AuthorId).ToDictionary(g => g.Key, g => g.Count());
        return people.GroupBy(p => p.Profile.GetValueOrDefault(attribute) ?? "Not answered")
            .Select(g => (Group: g.Key, People: g.Count(), Contributions: g.Sum(p => contributionsBy.GetValueOrDefault(p.Id))))
            .OrderByDescending(x => x.People).ThenBy(x => x.Group)
            .Select(x => x.People < minimum ? new GroupCount(x.Group, null, null) : new GroupCount(x.Group, x.People, x.Contributions))
            .ToList();
    }

    private static StandOut StandOut(Contribution c, (int Agree, int Disagree, int Pass) t) => new(c.Id, c.Pseudonym, c.Text, t.Agree, t.Disagree, t.Pass);

    public static async Task<DashboardView?> LoadAsync(IQuerySession session, Guid workshopId, DateTimeOffset now)
    {
        if (await session.LoadAsync<Workshops.Workshop>(workshopId) is not { } workshop) return null;
        var people = await session.Query<Registration>().Where(r => r.WorkshopId == workshopId).ToListAsync();
        var contributions = await session.Query<Contribution>().Where(c => c.WorkshopId == workshopId).ToListAsync();
        var ids = contributions.Select(c => c.Id).ToArray();
        var votes = ids.Length == 0 ? [] : await session.Query<Vote>().Where(v => v.ContributionId.In(ids)).ToListAsync();
        return Build(workshop, people, contributions, votes, now);
    }
}

[MartenStore(typeof(IWorkshopStore))]
[Authorize(Roles = Roles.Programme)]
public static class DashboardEndpoint
{
    [WolverineGet("/api/workshops/{id}/dashboard")]
    public static async Task<Microsoft.AspNetCore.Http.IResult> Get(Guid id, IQuerySession session, TimeProvider clock) =>
        await WorkshopDashboard.LoadAsync(session, id, clock.GetUtcNow()) is { } view
            ? Microsoft.AspNetCore.Http.Results.Ok(view)
            : Microsoft.AspNetCore.Http.Results.Problem(statusCode: 404, title: "Not found", detail: "The workshop was not found.");
}
