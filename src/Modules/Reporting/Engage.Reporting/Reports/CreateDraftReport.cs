using Engage.Analysis.Contracts;
using Engage.Reporting.Content;
using Marten;
using Wolverine.Marten;

namespace Engage.Reporting.Reports;

/// <summary>
/// The first published analysis of a corpus becomes a draft report at once. A later one waits on the
/// report as <see cref="Report.PendingAnalysis"/> until the regeneration job redraws the draft from it
/// (<see cref="RegenerateDraftsHandler"/>), keeping what staff wrote. A redelivered message changes nothing.
/// </summary>
[MartenStore(typeof(IReportingStore))]
public static class AnalysisPublishedHandler
{
    public static Task<Report?> LoadAsync(AnalysisPublished published, IQuerySession session) =>
        session.Query<Report>().FirstOrDefaultAsync(x => x.CorpusId == published.CorpusId);

    public static IMartenOp Handle(AnalysisPublished published, Report? report, DateTimeOffset now)
    {
        if (report is null)
            return MartenOps.Insert(new Report
            {
                Id = Guid.CreateVersion7(), WorkshopId = published.WorkshopId, CorpusId = published.CorpusId, AnalysisId = published.AnalysisId,
                Title = published.Title, Status = ReportStatus.Draft, CreatedAt = now, UpdatedAt = now,
                Analysis = published, Narrative = NarrativeSections.Starting(published)
            });
        if (report.AnalysisId == published.AnalysisId || report.PendingAnalysis?.AnalysisId == published.AnalysisId) return MartenOps.Nothing();
        report.PendingAnalysis = published;
        return MartenOps.Store(report);
    }
}
