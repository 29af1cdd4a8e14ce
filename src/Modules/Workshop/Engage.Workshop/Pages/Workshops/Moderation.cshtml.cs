using System.Security.Claims;
using Engage.Platform;
using Engage.Platform.Web;
using Engage.Workshop.Moderation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wolverine;

namespace Engage.Workshop.Pages.Staff;

/// <summary>A workshop's moderation queue and the count of decisions by reason, for moderators and programme staff.</summary>
[Authorize(Roles = Roles.Moderators)]
public class ModerationModel(IWorkshopStore store, IMessageBus bus) : CommandPage(bus)
{
    public global::Engage.Workshop.Workshops.Workshop Workshop { get; private set; } = null!;
    public IReadOnlyList<HeldContribution> Queue { get; private set; } = [];
    public IReadOnlyList<DecisionCount> Decisions { get; private set; } = [];

    private async Task<bool> LoadAsync(Guid id)
    {
        await using var session = store.QuerySession();
        if (await session.LoadAsync<global::Engage.Workshop.Workshops.Workshop>(id) is not { } workshop) return false;
        Workshop = workshop;
        Queue = await ModerationEndpoint.Queue(id, session);
        Decisions = await ModerationEndpoint.Decisions(id, session);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostModerateAsync(Guid id, Guid contributionId, string? decision, string? reason, string? text)
    {
        await Send(new ModerateContribution(contributionId, Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!), new ModerationForm(decision, reason, text)),
            "Your decision is recorded.");
        return await LoadAsync(id) ? Page() : NotFound();
    }
}
