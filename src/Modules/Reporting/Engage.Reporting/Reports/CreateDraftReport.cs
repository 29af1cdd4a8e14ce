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
    public static async Task<(Report?, DepartedContributions?)> LoadAsync(AnalysisPublished published, IQuerySession session) =>
        (await session.Query<Report>().FirstOrDefaultAsync(x => x.CorpusId == published.CorpusId),
         published.WorkshopId is { } workshop ? await session.LoadAsync<DepartedContributions>(workshop) : null);

    /// <summary>An analysis frozen before someone left can arrive after: it is cleaned of them first (docs/adr/0018).</summary>
    public static IMartenOp Handle(AnalysisPublished published, Report? report, DepartedContributions? departed, DateTimeOffset now)
    {
        if (departed is not null) published = departed.Apply(published).Analysis;
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
