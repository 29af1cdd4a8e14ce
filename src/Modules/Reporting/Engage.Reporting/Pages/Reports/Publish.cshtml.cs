using Engage.Platform;
using Engage.Platform.Web;
using Engage.Platform.Wording;
using Engage.Reporting.Reports;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Engage.Reporting.Pages.Reports;

/// <summary>"Publish version N?": a published version is public and kept as it is, so the report's page asks first.</summary>
[Authorize(Roles = Roles.Programme)]
public class PublishModel(IReportingStore store) : PageModel
{
    public Confirmation Confirmation { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        await using var session = store.QuerySession();
        if (await session.LoadAsync<Report>(id) is not { } report) return NotFound();
        if (report.Status == ReportStatus.Published) return Redirect($"/reports/{id}");
        var version = report.Version + 1;
        var recommendations = report.Draft().Facts().Recommendations.Count;
        Confirmation = new Confirmation(
            $"Publish {report.Title} as version {version}?",
            [
                $"Version {version} is kept exactly as the draft reads now, with its {Words.Count(recommendations, "recommendation")}; later changes make a new draft, never change it.",
                "The web page, PDF, Word document and data tables of this version become public: anyone with the link can read them.",
                report.WorkshopId is null
                    ? "This report has no workshop, so no participants are told."
                    : "Participants see it on the workshop's \"What we heard\" page, and those who asked for updates are emailed."
            ],
            report.WorkshopId is null ? "Anyone with the link to the version." : "Everyone who took part in the workshop, and anyone with the link.",
            $"/reports/{id}?handler=Publish", $"Yes, publish version {version}", $"/reports/{id}");
        return Page();
    }
}
