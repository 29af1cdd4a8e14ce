using Engage.Platform;
using Engage.Platform.Web;
using Engage.Reporting.Outputs;
using Engage.Reporting.Reports;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;

namespace Engage.Reporting.Pages.Reports;

/// <summary>
/// The insight reports for staff: analysts and programme staff read each draft in the browser, and programme
/// staff publish it, which puts it on the workshop's "what we heard" page for participants.
/// </summary>
[Authorize(Roles = ReportingModule.Readers)]
public class IndexModel(IReportingStore store, IMessageBus bus) : CommandPage(bus)
{
    public IReadOnlyList<Report> Reports { get; private set; } = [];

    /// <summary>Analysts read drafts too, but only programme staff decide what is published.</summary>
    public bool CanPublish => User.IsInRole(Roles.Admin) || User.IsInRole(Roles.ProgrammeStaff);

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        return Page();
    }

    /// <summary>The draft as the HTML report: the API's copy takes bearer tokens only, so a signed-in browser reads it here.</summary>
    public async Task<IActionResult> OnGetDraftAsync(Guid reportId)
    {
        await using var session = store.QuerySession();
        return await Editions.LoadAsync(session, reportId, null) is { } draft
            ? Content(HtmlReport.Document(draft), "text/html; charset=utf-8")
            : NotFound();
    }

    public async Task<IActionResult> OnPostPublishAsync(Guid reportId)
    {
        if (!CanPublish) return Forbid();
        if (await Ask<int>(new PublishReport(reportId, User.Identity?.Name)) is var version and > 0)
            Done = $"Version {version} is published: participants can read it on the workshop's \"What we heard\" page.";
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        await using var session = store.QuerySession();
        Reports = await session.Query<Report>().OrderByDescending(x => x.CreatedAt).Take(200).ToListAsync();
    }
}
