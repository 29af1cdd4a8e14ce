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
/// staff publish it from the report's own page, after a confirmation, which puts it on the workshop's
/// "what we heard" page for participants.
/// </summary>
[Authorize(Roles = ReportingModule.Readers)]
public class IndexModel(IReportingStore store, IMessageBus bus) : CommandPage(bus)
{
    public IReadOnlyList<Report> Reports { get; private set; } = [];

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

    private async Task LoadAsync()
    {
        await using var session = store.QuerySession();
        Reports = await session.Query<Report>().OrderByDescending(x => x.CreatedAt).Take(200).ToListAsync();
    }
}
