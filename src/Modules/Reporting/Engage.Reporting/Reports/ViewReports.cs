using Engage.Platform;
using Engage.Platform.Web;
using Engage.Reporting.Content;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;
using Wolverine.Marten;

namespace Engage.Reporting.Reports;

public record ReportSummary(Guid Id, Guid? WorkshopId, Guid CorpusId, string Title, ReportStatus Status, int Version,
    bool NewAnalysisWaiting, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? PublishedAt);

public record VersionSummary(int Version, string Title, DateTimeOffset PublishedAt, string? PublishedBy);

/// <summary>Staff read every report, drafts included; participants and the public read only published versions (<see cref="PublishedReportEndpoint"/>).</summary>
[MartenStore(typeof(IReportingStore))]
[Authorize(Roles = ReportingModule.Readers)]
public static class ViewReportsEndpoint
{
    [WolverineGet("/api/reports")]
    public static async Task<IReadOnlyList<ReportSummary>> List(Guid? workshopId, IQuerySession session)
    {
        var query = session.Query<Report>().AsQueryable();
        if (workshopId is { } id) query = query.Where(x => x.WorkshopId == id);
        return (await query.OrderByDescending(x => x.CreatedAt).Take(500).ToListAsync()).Select(Summary).ToList();
    }

    public static ReportSummary Summary(Report r) =>
        new(r.Id, r.WorkshopId, r.CorpusId, r.Title, r.Status, r.Version, r.PendingAnalysis is not null, r.CreatedAt, r.UpdatedAt, r.PublishedAt);

    /// <summary>The report with its draft's analysis and narrative, and the names of its data tables.</summary>
    [WolverineGet("/api/reports/{id}")]
    public static async Task<IResult> Get(Guid id, IQuerySession session) =>
        await session.LoadAsync<Report>(id) is { } report
            ? Results.Ok(new
            {
                report.Id, report.WorkshopId, report.CorpusId, report.AnalysisId, report.Title, report.Status, report.Version,
                report.CreatedAt, report.UpdatedAt, report.PublishedAt, report.RegeneratedAt, newAnalysisWaiting = report.PendingAnalysis is not null,
                report.Narrative, narrativeSections = NarrativeSections.Fixed.Select(f => f.Key), progress = report.LatestProgress(),
                tables = DataTables.Names, report.Analysis
            })
            : ApiDoor.Problem(new RuleBroken(404, "The report was not found."));

    [WolverineGet("/api/reports/{id}/versions")]
    public static async Task<IResult> Versions(Guid id, IQuerySession session) =>
        await session.LoadAsync<Report>(id) is null
            ? ApiDoor.Problem(new RuleBroken(404, "The report was not found."))
            : Results.Ok((await session.Query<ReportVersion>().Where(v => v.ReportId == id).OrderBy(v => v.Version).ToListAsync())
                .Select(v => new VersionSummary(v.Version, v.Title, v.PublishedAt, v.PublishedBy)));

    /// <summary>What changed from one version to another; <c>to</c> left out compares with the draft.</summary>
    [WolverineGet("/api/reports/{id}/compare")]
    public static async Task<IResult> Compare(Guid id, int? from, int? to, IQuerySession session)
    {
        if (from is null) return ApiDoor.Problem(new RuleBroken(400, "'from' is required: the version number to compare from."));
        try
        {
            var before = await Editions.RequireAsync(session, id, from);
            var after = await Editions.RequireAsync(session, id, to);
            return Results.Ok(ReportChanges.Between(before, after));
        }
        catch (RuleBroken broken) { return ApiDoor.Problem(broken); }
    }
}
