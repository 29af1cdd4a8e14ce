using Engage.Reporting.Contracts;
using Wolverine.Marten;
using Wolverine.Persistence;

namespace Engage.Workshop.Workshops;

/// <summary>Keeps the published report on the workshop, so participants can be shown "what we heard".</summary>
[MartenStore(typeof(IWorkshopStore))]
public static class ReportPublishedHandler
{
    public static IMartenOp Handle(ReportPublished published, [Entity("WorkshopId", Required = true)] Workshop workshop)
    {
        if (workshop.Reports.Any(r => r.ReportId == published.ReportId && r.Version == published.Version))
            return MartenOps.Nothing();
        workshop.Reports.Add(new ReportNotice(published.ReportId, published.Version, published.Title, published.KeyThemes, published.PublishedAt));
        return MartenOps.Store(workshop);
    }
}
