using Engage.Platform.Web;
using Engage.Seminar.Capture;
using Engage.Seminar.Invitations;
using Engage.Seminar.Prioritising;
using Engage.Seminar.Seminars;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;

namespace Engage.Seminar.Pages.Seminars;

/// <summary>The invitee's page behind their personal link: no account, no sign-in, a bare 404 for a bad link.</summary>
[AllowAnonymous]
public class AttendModel(ISeminarStore store, IMessageBus bus, TimeProvider time) : CommandPage(bus)
{
    public AttendeeView View { get; private set; } = null!;
    [BindProperty] public ProblemForm Problem { get; set; } = new(null, null, null, null);
    private Guid inviteeId;

    private async Task<bool> ResolveAsync(Guid id, string token)
    {
        await using var session = store.QuerySession();
        if (await session.QueryByPlanAsync(new InvitationByToken(id, token, time.GetUtcNow())) is not { } invitation) return false;
        if (await session.LoadAsync<Seminar.Seminars.Seminar>(id) is not { } seminar || seminar.InviteeOf(invitation.InviteeId) is not { } invitee) return false;
        View = AttendeeEndpoint.View(seminar, invitee);
        inviteeId = invitee.Id;
        return true;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, string token) => await ResolveAsync(id, token) ? Page() : NotFound();

    public Task<IActionResult> OnPostRsvpAsync(Guid id, string token, bool accept) =>
        Run(id, token, () => new RespondToInvitation(id, inviteeId, accept), accept ? "Thank you: we look forward to seeing you." : "Thank you for letting us know.");

    public Task<IActionResult> OnPostProblemAsync(Guid id, string token) =>
        Run(id, token, () => new SubmitProblem(id, Problem, inviteeId), "Thank you: your problem has been shared with the room.");

    public Task<IActionResult> OnPostDotsAsync(Guid id, string token, Dictionary<Guid, int> dots) =>
        Run(id, token, () => new PlaceDots(id, inviteeId, dots), "Your dots are saved. You can change them until the seminar concludes.");

    private async Task<IActionResult> Run(Guid id, string token, Func<object> command, string thanks)
    {
        if (!await ResolveAsync(id, token)) return NotFound();
        if (await Send(command(), thanks))
        {
            await ResolveAsync(id, token);
            Problem = new(null, null, null, null);
        }
        return Page();
    }
}
