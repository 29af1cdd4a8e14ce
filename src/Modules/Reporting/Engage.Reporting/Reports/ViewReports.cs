using Engage.Platform;
using Mapster;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;
using Wolverine.Persistence;

namespace Engage.Reporting.Reports;

public record ReportSummary(Guid Id, Guid? WorkshopId, string Title, ReportStatus Status, int Version, DateTimeOffset CreatedAt);

public sealed class ReportSummaryMapping : IRegister
{
    public void Register(TypeAdapterConfig config) => config.NewConfig<Report, ReportSummary>();
}

[MartenStore(typeof(IReportingStore))]
[Authorize(Roles = Roles.Admin + "," + Roles.ProgrammeStaff + "," + Roles.Analyst)]
public static class ViewReportsEndpoint
{
    [WolverineGet("/api/reports")]
    public static async Task<IReadOnlyList<ReportSummary>> List(Guid? workshopId, IQuerySession session, TypeAdapterConfig mapping)
    {
        var query = session.Query<Report>().AsQueryable();
        if (workshopId is { } id) query = query.Where(x => x.WorkshopId == id);
        return (await query.OrderByDescending(x => x.CreatedAt).Take(500).ToListAsync()).Adapt<List<ReportSummary>>(mapping);
    }

    [WolverineGet("/api/reports/{id}")]
    public static Report Get([Entity(Required = true)] Report report) => report;
}
