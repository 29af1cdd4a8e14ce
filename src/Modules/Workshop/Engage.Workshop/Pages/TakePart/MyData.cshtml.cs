using System.Text.Json;
using Engage.Platform;
using Engage.Platform.Web;
using Engage.Workshop.Contributions;
using Engage.Workshop.Participants;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wolverine;

namespace Engage.Workshop.Pages.TakePart;

/// <summary>A participant's own data in a workshop: read it, download it, or delete it.</summary>
[Authorize(Roles = Roles.Participant)]
public class MyDataModel(IWorkshopStore store, IMessageBus bus) : CommandPage(bus)
{
    public YourData Data { get; private set; } = null!;
    public bool KeepsContributions { get; private set; }

    private async Task<bool> LoadAsync(Guid id)
    {
        await using var session = store.QuerySession();
        if (await YourDataQueries.ExportAsync(session, id, User.ParticipantIdentity()!.Value) is not { } data) return false;
        Data = data;
        KeepsContributions = (await session.LoadAsync<Workshops.Workshop>(id))!.OnDeletion == Workshops.DeletionPolicy.KeepAnonymously;
        return true;
    }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnGetDownloadAsync(Guid id) => await LoadAsync(id)
        ? File(JsonSerializer.SerializeToUtf8Bytes(Data, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }),
            "application/json", $"engage-my-data-{id}.json")
        : NotFound();

    public async Task<IActionResult> OnPostEmailUpdatesAsync(Guid id, bool emailUpdates)
    {
        await Send(new ChangeEmailUpdates(id, User.ParticipantIdentity()!.Value, emailUpdates),
            emailUpdates ? "We will email you, including what we heard when the report is published." : "We will not email you about this workshop.");
        return await LoadAsync(id) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, bool confirm)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!confirm)
        {
            Errors.Add("Tick the box to confirm that you want your data deleted.");
            Response.StatusCode = 400;
            return Page();
        }
        if (!await Send(new DeleteYourData(id, User.ParticipantIdentity()!.Value))) return Page();
        await HttpContext.SignOutAsync(Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationDefaults.AuthenticationScheme);
        return Redirect("/take-part?deleted=1");
    }
}
