using Engage.Seminar.Invitations;
using Microsoft.AspNetCore.Mvc;
using Wolverine;

namespace Engage.Seminar.Pages.Seminars;

public class InviteesModel(ISeminarStore store, IMessageBus bus) : SeminarPage(store, bus)
{
    [BindProperty] public InviteeForm Invitee { get; set; } = new(null, null, null, null, null);

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public Task<IActionResult> OnPostAddAsync(Guid id) => Run(id, new AddInvitee(id, Invitee), $"/seminars/{id}/invitees");
    public Task<IActionResult> OnPostSendAsync(Guid id) => Run(id, new SendInvitations(id, Reminder: false), $"/seminars/{id}/invitees");
    public Task<IActionResult> OnPostRemindAsync(Guid id) => Run(id, new SendInvitations(id, Reminder: true), $"/seminars/{id}/invitees");

    /// <summary>The register form sends the ticked invitees; only changes are recorded.</summary>
    public async Task<IActionResult> OnPostRegisterAsync(Guid id, Guid[] attended)
    {
        if (!await LoadAsync(id)) return NotFound();
        foreach (var invitee in Seminar.Invitees.Where(i => i.Attended != attended.Contains(i.Id)))
        {
            var result = await Run(id, new RecordAttendance(id, invitee.Id, attended.Contains(invitee.Id)), $"/seminars/{id}/invitees");
            if (result is not RedirectResult) return result;
        }
        return Redirect($"/seminars/{id}/invitees");
    }
}
