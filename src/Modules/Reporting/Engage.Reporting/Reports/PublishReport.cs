using System.Security.Claims;
using Engage.Platform;
using Engage.Platform.Web;
using Engage.Reporting.Content;
using Engage.Reporting.Contracts;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Engage.Reporting.Reports;

/// <summary>Publish the draft as the next immutable version and tell the Workshop, which tells participants.</summary>
public record PublishReport(Guid ReportId, string? By);

[MartenStore(typeof(IReportingStore))]
public static class PublishReportHandler
{
    public static Task<Report?> LoadAsync(PublishReport command, IQuerySession session) => session.LoadAsync<Report>(command.ReportId);

    public static (int, IMartenOp, IMartenOp, OutgoingMessages) Handle(PublishReport command, Report? report, DateTimeOffset now)
    {
        RuleBroken.Unless(report is not null, "The report was not found.", 404);
        RuleBroken.Unless(report!.Status != ReportStatus.Published,
            $"Version {report.Version} of this report is already published and the draft has not changed since; change the draft before publishing again.", 409);
        report.Version++;
        report.Status = ReportStatus.Published;
        report.PublishedAt = report.UpdatedAt = now;
        report.PublishedRecommendations.UnionWith((report.Analysis.Recommendations ?? []).Select(r => r.RecommendationId));
        var version = new ReportVersion
        {
            Id = ReportVersion.Key(report.Id, report.Version), ReportId = report.Id, WorkshopId = report.WorkshopId, Version = report.Version,
            Title = report.Title, Analysis = report.Analysis, Narrative = new(report.Narrative), PublishedAt = now, PublishedBy = command.By
        };
        OutgoingMessages messages = [];
        if (report.WorkshopId is { } workshopId) messages.Add(Announcement(report, workshopId, now));
        // Insert, not store: a second publication racing this one for the same number fails instead of overwriting it.
        return (report.Version, MartenOps.Store(report), MartenOps.Insert(version), messages);
    }

    /// <summary>What participants are told: the summary in plain words, the key themes with a quote, every recommendation.</summary>
    internal static ReportPublished Announcement(Report report, Guid workshopId, DateTimeOffset now)
    {
        var facts = report.Draft().Facts();
        return new ReportPublished(report.Id, workshopId, report.Version, report.Title,
            facts.Themes.Select(t => t.Title).ToList(),
            facts.Recommendations.Select(r => new PublishedRecommendation(r.RecommendationId, r.Audience, r.Text, r.Title,
                (r.ThemeIds ?? []).Select(id => facts.ThemeById.GetValueOrDefault(id)?.Title).OfType<string>().ToList())).ToList(),
            now,
            SafeMarkdown.ToPlainText(report.NarrativeOf(NarrativeSections.Summary)),
            facts.Themes.Take(8).Select(t => new PublishedTheme(t.ThemeId, t.Title, t.Description, t.People, t.Prevalence,
                (t.Quotes ?? []).Take(2).Select(q => q.Text).ToList(), t.PeopleShown ?? "", t.PrevalenceShown ?? "")).ToList(),
            $"/api/reports/{report.Id}/versions/{report.Version}/report.html");
    }
}

[MartenStore(typeof(IReportingStore))]
[Authorize(Roles = Roles.Programme)]
public static class PublishReportEndpoint
{
    [WolverinePost("/api/reports/{id}/publish")]
    public static Task<IResult> Post(Guid id, ClaimsPrincipal user, IMessageBus bus) =>
        ApiDoor.Invoke<int>(bus, new PublishReport(id, user.Identity?.Name),
            version => Results.Accepted($"/api/reports/{id}/versions/{version}", new { id, version }));
}
