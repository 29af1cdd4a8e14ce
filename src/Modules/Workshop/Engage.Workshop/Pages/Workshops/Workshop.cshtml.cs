using Engage.Platform;
using Engage.Platform.Web;
using Engage.Workshop.Contributions;
using Engage.Workshop.Dashboard;
using Engage.Workshop.Moderation;
using Engage.Workshop.Workshops;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wolverine;

namespace Engage.Workshop.Pages.Staff;

/// <summary>One workshop for programme staff: the live dashboard, opening and closing, and how much waits for a moderator.</summary>
[Authorize(Roles = Roles.Programme)]
public class WorkshopModel(IWorkshopStore store, IMessageBus bus, TimeProvider clock) : CommandPage(bus)
{
    public global::Engage.Workshop.Workshops.Workshop Workshop { get; private set; } = null!;
    public DashboardView Dashboard { get; private set; } = null!;
    public IReadOnlyList<HeldContribution> Queue { get; private set; } = [];

    private async Task<bool> LoadAsync(Guid id)
    {
        await using var session = store.QuerySession();
        if (await session.LoadAsync<global::Engage.Workshop.Workshops.Workshop>(id) is not { } workshop) return false;
        Workshop = workshop;
        Dashboard = (await WorkshopDashboard.LoadAsync(session, id, clock.GetUtcNow()))!;
        Queue = await ModerationEndpoint.Queue(id, session);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    /// <summary>The dashboard alone, for htmx to refresh every half minute.</summary>
    public async Task<IActionResult> OnGetDashboardAsync(Guid id) => await LoadAsync(id) ? Partial("_Dashboard", Dashboard) : NotFound();

    public Task<IActionResult> OnPostOpenAsync(Guid id) => Run(id, new OpenWorkshop(id), "The workshop is open.");

    public Task<IActionResult> OnPostCloseAsync(Guid id) => Run(id, new CloseWorkshop(id),
        "The workshop is closed and Analysis has been told. If it closed by mistake, you can reopen it until an analysis of it is published.");

    public Task<IActionResult> OnPostReopenAsync(Guid id) => Run(id, new ReopenWorkshop(id), "The workshop is open again: participants can post, reply and vote.");

    private async Task<IActionResult> Run(Guid id, object command, string thanks)
    {
        await Send(command, thanks);
        return await LoadAsync(id) ? Page() : NotFound();
    }
}
