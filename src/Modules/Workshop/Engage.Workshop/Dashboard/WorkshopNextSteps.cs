using System.Security.Claims;
using Engage.Platform;
using Engage.Platform.Web;
using Engage.Platform.Wording;
using Engage.Workshop.Contributions;
using Engage.Workshop.Workshops;
using Marten;

namespace Engage.Workshop.Dashboard;

/// <summary>The workshop stage on the start page: posts waiting for a moderator, workshops to open, closing soon, or closed and ready for analysis.</summary>
public sealed class WorkshopNextSteps(IWorkshopStore store) : INextSteps
{
    public async Task<IReadOnlyList<NextStep>> ForAsync(ClaimsPrincipal user, DateTimeOffset now, CancellationToken cancellation)
    {
        var moderates = user.IsInRole(Roles.Admin) || user.IsInRole(Roles.ProgrammeStaff) || user.IsInRole(Roles.Moderator);
        var runs = user.IsInRole(Roles.Admin) || user.IsInRole(Roles.ProgrammeStaff);
        if (!moderates && !runs) return [];
        await using var session = store.QuerySession();
        var workshops = await session.Query<Workshops.Workshop>().Where(w => w.Status != WorkshopStatus.Closed || w.AnalysisPublishedAt == null)
            .OrderByDescending(w => w.CreatedAt).Take(50).ToListAsync(cancellation);
        var steps = new List<NextStep>();
        if (moderates)
        {
            var held = (await session.Query<Contribution>().Where(c => c.Status == ContributionStatus.Held).Select(c => c.WorkshopId).ToListAsync(cancellation))
                .GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
            foreach (var w in workshops.Where(w => held.ContainsKey(w.Id)))
                steps.Add(new NextStep($"{Words.Count(held[w.Id], "contribution")} in {w.Title} {(held[w.Id] == 1 ? "waits" : "wait")} for a moderator",
                    $"/workshops/{w.Id}/moderation", 20));
        }
        if (runs)
            foreach (var w in workshops)
                switch (w.Status)
                {
                    case WorkshopStatus.Draft:
                        steps.Add(new NextStep(w.OpensAt is { } opens ? $"{w.Title} opens on {Words.DateTime(opens)}: check its set-up" : $"{w.Title} is a draft: set it up and open it",
                            $"/workshops/{w.Id}/setup", 15));
                        break;
                    case WorkshopStatus.Open when w.ClosesAt is { } closes:
                        var days = (int)Math.Ceiling((closes - now).TotalDays);
                        steps.Add(new NextStep(days <= 1 ? $"{w.Title} closes within a day, on {Words.DateTime(closes)}" : $"{w.Title} closes in {days} days, on {Words.Date(closes)}",
                            $"/workshops/{w.Id}", 21));
                        break;
                    case WorkshopStatus.Open:
                        steps.Add(new NextStep($"{w.Title} is open and has no closing date", $"/workshops/{w.Id}", 21));
                        break;
                    case WorkshopStatus.Closed:
                        steps.Add(new NextStep($"{w.Title} is closed: analysts can analyse what was said", $"/workshops/{w.Id}", 25));
                        break;
                }
        return steps;
    }
}
