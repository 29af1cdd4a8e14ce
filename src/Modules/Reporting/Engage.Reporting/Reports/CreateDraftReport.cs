using Engage.Analysis.Contracts;
using Marten;
using Wolverine.Marten;

namespace Engage.Reporting.Reports;

/// <summary>Each published analysis becomes a draft report for staff to edit and publish.</summary>
[MartenStore(typeof(IReportingStore))]
public static class AnalysisPublishedHandler
{
    public static Task<bool> LoadAsync(AnalysisPublished published, IQuerySession session) =>
        session.Query<Report>().AnyAsync(x => x.AnalysisId == published.AnalysisId);

    public static IMartenOp Handle(AnalysisPublished published, bool alreadyDrafted, DateTimeOffset now) =>
        alreadyDrafted ? MartenOps.Nothing() : MartenOps.Insert(new Report
        {
            Id = Guid.CreateVersion7(), WorkshopId = published.WorkshopId, AnalysisId = published.AnalysisId,
            Title = published.Title, Status = ReportStatus.Draft, CreatedAt = now,
            Analysis = published
        });
}
