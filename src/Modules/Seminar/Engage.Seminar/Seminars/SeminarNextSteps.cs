using System.Security.Claims;
using Engage.Platform;
using Engage.Platform.Web;
using Engage.Platform.Wording;
using Marten;

namespace Engage.Seminar.Seminars;

/// <summary>The seminar stage on the start page: seminars coming up, and seminars held but not yet concluded.</summary>
public sealed class SeminarNextSteps(ISeminarStore store) : INextSteps
{
    public async Task<IReadOnlyList<NextStep>> ForAsync(ClaimsPrincipal user, DateTimeOffset now, CancellationToken cancellation)
    {
        if (!user.IsInRole(Roles.Admin) && !user.IsInRole(Roles.ProgrammeStaff) && !user.IsInRole(Roles.Facilitator)) return [];
        await using var session = store.QuerySession();
        var planned = await session.Query<Seminar>().Where(s => s.Status == SeminarStatus.Planned).OrderBy(s => s.StartsAt).Take(20).ToListAsync(cancellation);
        return planned.Select(s => s.StartsAt is { } starts && starts > now
                ? new NextStep($"{s.Title} is on {Words.DateTime(starts)}: {Words.Count(s.Invitees.Count, "person", "people")} invited", $"/seminars/{s.Id}", 10)
                : new NextStep($"{s.Title} has been held: agree its themes and conclude it, so its workshop can be drafted ({Words.Count(s.Problems.Count(p => p.MergedInto == null), "problem statement")})",
                    $"/seminars/{s.Id}/themes", 11))
            .ToList();
    }
}
