using System.Security.Claims;
using Engage.Platform;
using Engage.Platform.Web;
using Marten;

namespace Engage.Reporting.Reports;

/// <summary>The reporting stage on the start page: drafts ready to check and publish, and published reports whose progress is to be recorded.</summary>
public sealed class ReportNextSteps(IReportingStore store) : INextSteps
{
    public async Task<IReadOnlyList<NextStep>> ForAsync(ClaimsPrincipal user, DateTimeOffset now, CancellationToken cancellation)
    {
        var publishes = user.IsInRole(Roles.Admin) || user.IsInRole(Roles.ProgrammeStaff);
        if (!publishes && !user.IsInRole(Roles.Analyst)) return [];
        await using var session = store.QuerySession();
        var reports = await session.Query<Report>().OrderByDescending(r => r.CreatedAt).Take(20).ToListAsync(cancellation);
        return reports.Select(r => r.Status == ReportStatus.Draft
                ? new NextStep(publishes
                    ? $"The analysis is published: the draft report \"{r.Title}\" is ready to check and publish as version {r.Version + 1}"
                    : $"The draft report \"{r.Title}\" is ready to read", $"/reports/{r.Id}", 40)
                : new NextStep(publishes
                    ? $"Version {r.Version} of \"{r.Title}\" is published: record what is being done about each recommendation"
                    : $"Version {r.Version} of \"{r.Title}\" is published", $"/reports/{r.Id}", 45))
            .ToList();
    }
}
