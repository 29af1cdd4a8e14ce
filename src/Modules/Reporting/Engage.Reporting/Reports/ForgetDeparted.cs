using Engage.Reporting.Content;
using Engage.Workshop.Contracts;
using Marten;
using Wolverine.Marten;

namespace Engage.Reporting.Reports;

/// <summary>
/// The contributions of a workshop's participants who deleted their data: kept so that an analysis
/// frozen before they left, and delivered after, is cleaned on arrival (<see cref="AnalysisPublishedHandler"/>).
/// </summary>
public class DepartedContributions
{
    /// <summary>The workshop's id.</summary>
    public Guid Id { get; set; }
    public HashSet<Guid> Removed { get; set; } = [];
    public HashSet<Guid> Anonymised { get; set; } = [];

    public (Analysis.Contracts.AnalysisPublished Analysis, int Changes) Apply(Analysis.Contracts.AnalysisPublished analysis) =>
        Erasure.Apply(analysis, Removed, Anonymised);
}

/// <summary>
/// A participant deleted their data (docs/adr/0018). Their removed contributions leave the draft, the
/// analysis waiting to redraw it, and every published version; their kept contributions lose the
/// attribution that described them. A published version so changed says so on its title page.
/// A redelivered message finds nothing left to change.
/// </summary>
[MartenStore(typeof(IReportingStore))]
public static class ParticipantLeftInReportsHandler
{
    public static async Task<(DepartedContributions, IReadOnlyList<Report>, IReadOnlyList<ReportVersion>)> LoadAsync(ParticipantLeft left, IQuerySession session)
    {
        var departed = await session.LoadAsync<DepartedContributions>(left.WorkshopId) ?? new DepartedContributions { Id = left.WorkshopId };
        var reports = await session.Query<Report>().Where(r => r.WorkshopId == left.WorkshopId).ToListAsync();
        var ids = reports.Select(r => r.Id).ToList();
        var versions = ids.Count == 0 ? [] : await session.Query<ReportVersion>().Where(v => v.ReportId.IsOneOf(ids)).ToListAsync();
        return (departed, reports, versions);
    }

    public static IEnumerable<IMartenOp> Handle(ParticipantLeft left, DepartedContributions departed, IReadOnlyList<Report> reports, IReadOnlyList<ReportVersion> versions, DateTimeOffset now)
    {
        departed.Removed.UnionWith(left.RemovedContributionIds ?? []);
        departed.Anonymised.UnionWith(left.AnonymisedContributionIds ?? []);
        yield return MartenOps.Store(departed);
        foreach (var report in reports)
        {
            var (analysis, changes) = departed.Apply(report.Analysis);
            var pending = report.PendingAnalysis is { } p ? departed.Apply(p) : (null, 0);
            if (changes + pending.Changes == 0) continue;
            report.Analysis = analysis;
            report.PendingAnalysis = pending.Item1;
            // The draft no longer matches the last version, so it can be published again without the departed's words.
            report.Status = ReportStatus.Draft;
            report.UpdatedAt = now;
            yield return MartenOps.Store(report);
        }
        foreach (var version in versions)
        {
            var (analysis, changes) = departed.Apply(version.Analysis);
            if (changes == 0) continue;
            version.Analysis = analysis;
            version.Withdrawn += changes;
            version.WithdrawnAt = now;
            yield return MartenOps.Store(version);
        }
    }
}
