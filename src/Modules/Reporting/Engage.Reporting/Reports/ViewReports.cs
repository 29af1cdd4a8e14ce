using Engage.Platform;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;
using Wolverine.Persistence;

namespace Engage.Reporting.Reports;

public record ReportSummary(Guid Id, Guid WorkshopId, string Title, ReportStatus Status, int Version, DateTimeOffset CreatedAt);

[MartenStore(typeof(IReportingStore))]
[Authorize(Roles = Roles.Admin + "," + Roles.ProgrammeStaff + "," + Roles.Analyst)]
public static class ViewReportsEndpoint
{
    [WolverineGet("/api/reports")]
    public static async Task<IReadOnlyList<ReportSummary>> List(Guid? workshopId, IQuerySession session)
    {
        var query = session.Query<Report>().AsQueryable();
        if (workshopId is { } id) query = query.Where(x => x.WorkshopId == id);
        return (await query.OrderByDescending(x => x.CreatedAt).Take(500).ToListAsync())
            .Select(r => new ReportSummary(r.Id, r.WorkshopId, r.Title, r.Status, r.Version, r.CreatedAt)).ToList();
    }

    [WolverineGet("/api/reports/{id}")]
    public static Report Get([Entity(Required = true)] Report report) => report;
}
