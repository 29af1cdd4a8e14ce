using Engage.Platform;
using Engage.Platform.Web;
using Engage.Platform.Wording;
using Engage.Workshop.Dashboard;
using Engage.Workshop.Workshops;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Engage.Workshop.Pages.Staff;

/// <summary>"Close the workshop now?": what closing early does and who sees it, before the workshop page closes it.</summary>
[Authorize(Roles = Roles.Programme)]
public class CloseModel(IWorkshopStore store, TimeProvider clock) : PageModel
{
    public Confirmation Confirmation { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        await using var session = store.QuerySession();
        if (await session.LoadAsync<Workshops.Workshop>(id) is not { } workshop) return NotFound();
        if (workshop.Status != WorkshopStatus.Open) return Redirect($"/workshops/{id}");
        var dashboard = await WorkshopDashboard.LoadAsync(session, id, clock.GetUtcNow());
        var due = workshop.ClosesAt is { } closes ? $"It was due to close on {Words.DateTime(closes)}; it closes now instead." : "It has no closing date; it closes now.";
        Confirmation = new Confirmation(
            $"Close {workshop.Title} now?",
            [
                "Participants can no longer post, reply or vote. What they wrote stays, and they can still read it.",
                due,
                $"Analysis is told the corpus is complete{(dashboard is null ? "" : $": {Words.Count(dashboard.Contributions, "contribution")} and {Words.Count(dashboard.Votes, "vote")}")}, and analysts can start on it."
            ],
            "Everyone who visits the workshop sees it as closed; analysts see its corpus as complete.",
            $"/workshops/{id}?handler=Close", "Yes, close it now", $"/workshops/{id}",
            Undo: "If you close it by mistake you can reopen it from the workshop's page, until an analysis of it is published or its closing date passes.");
        return Page();
    }
}
