using Engage.Platform;
using Engage.Platform.Disclosure;
using Engage.Workshop.Contributions;
using Engage.Workshop.Participants;
using Engage.Workshop.Voting;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Engage.Workshop.Dashboard;

/// <summary>
/// A group's count of people through the small-group rule: null when hidden, with <see cref="ParticipantsShown"/>
/// saying what to print ("fewer than 10", "not shown"). <see cref="Contributions"/> is null whenever the
/// group's size is: a contribution count beside a hidden group would describe it.
/// </summary>
public record GroupCount(string Group, int? Participants, int? Contributions, string ParticipantsShown = "");

/// <summary>One day: people who joined (through the rule, as the days add up to the registered total), contributions published, votes cast.</summary>
public record DayCount(DateOnly Day, int? Registrations, int Contributions, int Votes, string RegistrationsShown = "");

public record ThemeCount(Guid ThemeId, string Title, int Contributions, int Votes);

public record StandOut(Guid Id, string Pseudonym, string Text, int Agree, int Disagree, int Pass);

/// <summary>
/// The live counts, with the definitions of "How we count" (the same as the published analysis's):
/// <see cref="Registrations"/> joined and have not deleted their data; <see cref="TookPart"/> wrote something
/// or voted; <see cref="Contributors"/> wrote at least one published contribution; <see cref="Voters"/> voted
/// on a published contribution; <see cref="Contributions"/> published contributions, <see cref="SeedStatements"/>
/// of them the programme team's (which are not people); <see cref="Votes"/> current votes on published
/// contributions. Counts of people under the minimum are null, their <c>...Shown</c> text saying what to print.
/// </summary>
public record DashboardView(int? Registrations, int? ActiveParticipants, int Contributions, int Votes, int AwaitingModerator, int MinimumGroupSize,
    IReadOnlyList<DayCount> ByDay, IReadOnlyList<ThemeCount> ByTheme, IReadOnlyDictionary<string, IReadOnlyList<GroupCount>> ByAttribute,
    IReadOnlyList<StandOut> MostAgreed, IReadOnlyList<StandOut> MostDivisive,
    int? TookPart = null, int? Contributors = null, int? Voters = null, int SeedStatements = 0,
    string RegistrationsShown = "", string ActiveParticipantsShown = "", string TookPartShown = "", string ContributorsShown = "", string VotersShown = "",
    IReadOnlyDictionary<string, string>? AttributeLabels = null);

/// <summary>
/// What programme staff watch while the workshop runs. Every count of people passes the one small-group
/// rule (<see cref="SmallGroups"/>): a "3 midwives in Wales" cell could name people, and so could a
/// total less the cells beside a hidden one.
/// </summary>
public static class WorkshopDashboard
{
    public static readonly string[] Attributes = ["profession", "region"];
    public const int MinimumVotesToStandOut = 5;

    public static DashboardView Build(Workshops.Workshop workshop, IReadOnlyList<Registration> people, IReadOnlyList<Contribution> contributions,
        IReadOnlyList<Vote> allVotes, DateTimeOffset now)
    {
        var minimum = workshop.MinimumGroupSize;
        var published = contributions.Where(c => c.Status == ContributionStatus.Published).ToList();
        var live = published.Select(c => c.Id).ToHashSet();
        // A vote on a withdrawn or removed contribution counts for nothing, as in the analysis.
        var votes = allVotes.Where(v => live.Contains(v.ContributionId)).ToList();
        var since = now.AddDays(-1);
        var active = published.Where(c => c.PostedAt >= since).Select(c => c.AuthorId).Concat(votes.Where(v => v.CastAt >= since).Select(v => v.ParticipantId))
            .Where(id => id != Guid.Empty).Distinct().Count();
        // The programme team's seed statements, and what someone who deleted their data left, have no author
        // (Guid.Empty): contributions, but nobody's.
        var contributors = published.Select(c => c.AuthorId).Where(id => id != Guid.Empty).ToHashSet();
        var voters = votes.Select(v => v.ParticipantId).ToHashSet();

        static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);
        var joined = people.CountBy(p => Day(p.RegisteredAt)).ToDictionary();
        var posted = published.CountBy(c => Day(c.PostedAt)).ToDictionary();
        var voted = votes.CountBy(v => Day(v.CastAt)).ToDictionary();
        var dayList = joined.Keys.Union(posted.Keys).Union(voted.Keys).Order().ToList();
        var joinedShown = SmallGroups.Cells(dayList.Select(d => joined.GetValueOrDefault(d)).ToList(), minimum);
        var days = dayList.Select((d, i) => new DayCount(d, joinedShown[i].Value, posted.GetValueOrDefault(d), voted.GetValueOrDefault(d), joinedShown[i].Text(minimum))).ToList();

        var themeOf = published.ToDictionary(c => c.Id, c => c.ThemeId);
        var themes = workshop.Themes.Select(t => new ThemeCount(t.Id, t.Title, published.Count(c => c.ThemeId == t.Id),
            votes.Count(v => themeOf.TryGetValue(v.ContributionId, out var theme) && theme == t.Id))).ToList();

        var tallies = votes.GroupBy(v => v.ContributionId).ToDictionary(g => g.Key,
            g => (Agree: g.Count(v => v.Value == "agree"), Disagree: g.Count(v => v.Value == "disagree"), Pass: g.Count(v => v.Value == "pass")));
        // A statement stands out only on the votes of at least the minimum number of people.
        var standing = published.Where(c => tallies.TryGetValue(c.Id, out var t) && t.Agree + t.Disagree + t.Pass >= Math.Max(MinimumVotesToStandOut, minimum))
            .Select(c => (c, t: tallies[c.Id])).ToList();
        var mostAgreed = standing.OrderByDescending(x => (double)x.t.Agree / (x.t.Agree + x.t.Disagree + x.t.Pass)).ThenByDescending(x => x.t.Agree)
            .Take(5).Select(x => StandOut(x.c, x.t)).ToList();
        // Divisive: many votes on both sides, balanced between them.
        var mostDivisive = standing.Where(x => x.t.Agree > 0 && x.t.Disagree > 0)
            .OrderByDescending(x => (double)Math.Min(x.t.Agree, x.t.Disagree) / Math.Max(x.t.Agree, x.t.Disagree) * (x.t.Agree + x.t.Disagree))
            .Take(5).Select(x => StandOut(x.c, x.t)).ToList();

        var attributes = Attributes.Where(a => workshop.ProfileQuestions.Any(q => q.Key == a)).ToList();
        var byAttribute = attributes.ToDictionary(a => a, a => Breakdown(a, people, published, minimum));
        var labels = workshop.ProfileQuestions.ToDictionary(q => q.Key, ProfileQuestions.LabelOf);
        ProtectedCount registered = SmallGroups.One(people.Count, minimum), recent = SmallGroups.One(active, minimum),
            tookPart = SmallGroups.One(contributors.Union(voters).Count(), minimum), wrote = SmallGroups.One(contributors.Count, minimum),
            voted2 = SmallGroups.One(voters.Count, minimum);
        return new DashboardView(registered.Value, recent.Value, published.Count, votes.Count, contributions.Count(c => c.AwaitsModerator), minimum,
            days, themes, byAttribute, mostAgreed, mostDivisive, tookPart.Value, wrote.Value, voted2.Value, published.Count(c => c.AuthorId == Guid.Empty && c.Pseudonym != DeleteYourDataHandler.FormerParticipant),
            registered.Words(minimum), recent.Words(minimum), tookPart.Words(minimum), wrote.Words(minimum), voted2.Words(minimum), labels);
    }

    public static IReadOnlyList<GroupCount> Breakdown(string attribute, IReadOnlyList<Registration> people, IReadOnlyList<Contribution> published, int minimum)
    {
        var contributionsBy = published.GroupBy(c => c.AuthorId).ToDictionary(g => g.Key, g => g.Count());
        var groups = people.GroupBy(p => p.Profile.GetValueOrDefault(attribute) is { Length: > 0 } v ? v : "Not given")
            .Select(g => (Group: g.Key, People: g.Count(), Contributions: g.Sum(p => contributionsBy.GetValueOrDefault(p.Id))))
            .OrderByDescending(x => x.People).ThenBy(x => x.Group, StringComparer.Ordinal).ToList();
        var shown = SmallGroups.Cells(groups.Select(g => g.People).ToList(), minimum);
        return groups.Select((x, i) => shown[i].IsShown ? new GroupCount(x.Group, x.People, x.Contributions, shown[i].Text(minimum))
            : new GroupCount(x.Group, null, null, shown[i].Text(minimum))).ToList();
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
