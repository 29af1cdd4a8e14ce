using Engage.Platform;
using Engage.Platform.Web;
using Engage.Reporting.Content;
using Engage.Reporting.Reports;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;

namespace Engage.Reporting.Pages.Reports;

/// <summary>
/// One report for staff: the draft as it will read, its downloads and versions, and for programme staff
/// the narrative forms, publishing and what was done about each recommendation. The forms send the same
/// commands as the API, so the handlers hold every rule.
/// </summary>
[Authorize(Roles = ReportingModule.Readers)]
public class ReportModel(IReportingStore store, IMessageBus bus) : CommandPage(bus)
{
    public Report Report { get; private set; } = null!;
    public IReadOnlyList<VersionSummary> Versions { get; private set; } = [];
    [TempData] public string? Notice { get; set; }
    public bool CanEdit => User.IsInRole(Roles.Admin) || User.IsInRole(Roles.ProgrammeStaff);

    private async Task<bool> LoadAsync(Guid id)
    {
        await using var session = store.QuerySession();
        if (await session.LoadAsync<Report>(id) is not { } report) return false;
        Report = report;
        Versions = (await session.Query<ReportVersion>().Where(v => v.ReportId == id).OrderByDescending(v => v.Version).ToListAsync())
            .Select(v => new VersionSummary(v.Version, v.Title, v.PublishedAt, v.PublishedBy)).ToList();
        return true;
    }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public Task<IActionResult> OnPostNarrativeAsync(Guid id, string section, string? text) =>
        Run(id, new EditNarrative(id, section, text), "The narrative is saved.", $"#narrative-{section}");

    public Task<IActionResult> OnPostPublishAsync(Guid id) =>
        Run(id, new PublishReport(id, User.Identity?.Name), "The report is published: participants are being told.", "#versions");

    public Task<IActionResult> OnPostProgressAsync(Guid id, Guid recommendationId, string? progress, string? note) =>
        Run(id, new RecordProgress(id, recommendationId, new ProgressForm(progress, note), User.Identity?.Name), "What was done is recorded and shown to participants.", $"#progress-{recommendationId}");

    private async Task<IActionResult> Run(Guid id, object command, string notice, string fragment)
    {
        if (!CanEdit) return Forbid();
        if (await Send(command))
        {
            Notice = notice;
            return LocalRedirect($"/reports/{id}{fragment}");
        }
        return await LoadAsync(id) ? Page() : NotFound();
    }

    public static string ProgressValue(Contracts.RecommendationProgress p) =>
        RecordProgressHandler.Values.First(v => v.Value == p).Key;
}
