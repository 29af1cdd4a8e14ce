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
public class ModerationModel(IWorkshopStore store, IMessageBus bus) : PageModel
{
    public global::Engage.Workshop.Workshops.Workshop Workshop { get; private set; } = null!;
    public IReadOnlyList<HeldContribution> Queue { get; private set; } = [];
    public IReadOnlyList<DecisionCount> Decisions { get; private set; } = [];
    public List<string> Errors { get; } = [];
    public string? Done { get; private set; }

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
        try
        {
            await bus.InvokeAsync(new ModerateContribution(contributionId, Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!), new ModerationForm(decision, reason, text)));
            Done = "Your decision is recorded.";
        }
        catch (RuleBroken broken)
        {
            Errors.Add(broken.Message);
            Response.StatusCode = broken.Status;
        }
        return await LoadAsync(id) ? Page() : NotFound();
    }
}
