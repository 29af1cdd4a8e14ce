using Marten;
using Wolverine.Marten;

namespace Engage.Reporting.Reports;

/// <summary>Sent every minute by Hangfire ("reporting.regenerate-drafts"): redraw drafts whose analysis has a newer publication.</summary>
public record RegenerateDrafts;

[MartenStore(typeof(IReportingStore))]
public static class RegenerateDraftsHandler
{
    public static async Task<IReadOnlyList<Report>> LoadAsync(RegenerateDrafts _, IQuerySession session) =>
        await session.Query<Report>().Where(x => x.PendingAnalysis != null).Take(50).ToListAsync();

    /// <summary>
    /// The figures, themes and recommendations come from the new analysis; staff's narrative stays (a
    /// theme's commentary shows again if the theme comes back). The draft now differs from the last version.
    /// </summary>
    public static IEnumerable<IMartenOp> Handle(RegenerateDrafts _, IReadOnlyList<Report> pending, DateTimeOffset now)
    {
        foreach (var report in pending)
        {
            var analysis = report.PendingAnalysis!;
            report.Analysis = analysis;
            report.AnalysisId = analysis.AnalysisId;
            report.Title = analysis.Title;
            report.PendingAnalysis = null;
            report.Status = ReportStatus.Draft;
            report.RegeneratedAt = report.UpdatedAt = now;
            yield return MartenOps.Store(report);
        }
    }
}
