using Engage.Platform;
using Engage.Reporting.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;
using Wolverine.Persistence;

namespace Engage.Reporting.Reports;

/// <summary>Publish the draft as the next immutable version and tell the Workshop, which tells participants.</summary>
[MartenStore(typeof(IReportingStore))]
[Authorize(Roles = Roles.Programme)]
public static class PublishReportEndpoint
{
    public static ProblemDetails Validate([Entity(Required = true)] Report report) =>
        report.Status == ReportStatus.Published
            ? Problems.Conflict($"Version {report.Version} of this report is already published; change the draft before publishing again.")
            : WolverineContinue.NoProblems;

    [WolverinePost("/api/reports/{id}/publish")]
    public static (AcceptResponse, IMartenOp, OutgoingMessages) Post([Entity(Required = true)] Report report, DateTimeOffset now)
    {
        report.Status = ReportStatus.Published;
        report.Version++;
        report.PublishedAt = now;
        OutgoingMessages messages = [];
        if (report.WorkshopId is { } workshopId)
            messages.Add(new ReportPublished(report.Id, workshopId, report.Version, report.Title,
                report.Analysis.Themes.Select(t => t.Title).ToList(),
                report.Analysis.Recommendations.Select(r => new PublishedRecommendation(r.RecommendationId, r.Audience, r.Text)).ToList(), now));
        return (new AcceptResponse($"/api/reports/{report.Id}"), MartenOps.Store(report), messages);
    }
}
