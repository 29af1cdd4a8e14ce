using Engage.Platform.Web;
using Engage.Reporting.Content;
using Engage.Reporting.Reports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Engage.Reporting.Pages.Reports;

/// <summary>What changed between two versions, or between a version and the draft, before staff publish again.</summary>
[Authorize(Roles = ReportingModule.Readers)]
public class CompareModel(IReportingStore store) : PageModel
{
    public Guid ReportId { get; private set; }
    public ReportChanges Changes { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, int from, int? to)
    {
        await using var session = store.QuerySession();
        try { Changes = ReportChanges.Between(await Editions.RequireAsync(session, id, from), await Editions.RequireAsync(session, id, to)); }
        catch (RuleBroken) { return NotFound(); }
        ReportId = id;
        return Page();
    }
}
