using Engage.Platform.Web;
using Engage.Seminar.Capture;
using Engage.Seminar.Prioritising;
using Engage.Seminar.Seminars;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Engage.Seminar.Invitations;

public record AttendeeView(Guid SeminarId, string Title, DateTimeOffset? StartsAt, string Name, string InterestGroup, Rsvp Rsvp,
    int DotsPerAttendee, IReadOnlyDictionary<Guid, int> Dots, IReadOnlyList<AttendeeTheme> Themes, bool Concluded);

public record AttendeeTheme(Guid Id, string Title, string Description);

public record RsvpForm(bool Accept);

public record DotsForm(Dictionary<Guid, int>? Dots);

/// <summary>
/// What an invitee can do through their personal link, with no account: reply, frame problems on the
/// day and place their dots. A forged, expired or other seminar's link is a bare 404.
/// </summary>
[AllowAnonymous]
[MartenStore(typeof(ISeminarStore))]
public static class AttendeeEndpoint
{
    public static AttendeeView View(Seminars.Seminar s, Invitee i) =>
        new(s.Id, s.Title, s.StartsAt, i.Name, i.InterestGroup, i.Rsvp, s.DotsPerAttendee, i.Dots,
            s.Themes.Select(t => new AttendeeTheme(t.Id, t.Title, t.Description)).ToList(), s.Status == SeminarStatus.Concluded);

    private static async Task<(Seminars.Seminar, Invitee)?> Resolve(Guid id, string token, IQuerySession session, DateTimeOffset now)
    {
        if (await session.QueryByPlanAsync(new InvitationByToken(id, token, now)) is not { } invitation) return null;
        var seminar = await session.LoadAsync<Seminars.Seminar>(id);
        return seminar?.InviteeOf(invitation.InviteeId) is { } invitee ? (seminar, invitee) : null;
    }

    [WolverineGet("/api/seminars/{id}/attend/{token}")]
    public static async Task<IResult> Get(Guid id, string token, IQuerySession session, DateTimeOffset now) =>
        await Resolve(id, token, session, now) is var (s, i) ? Results.Ok(View(s, i)) : Results.NotFound();

    [WolverinePost("/api/seminars/{id}/attend/{token}/rsvp")]
    public static async Task<IResult> Rsvp(Guid id, string token, RsvpForm form, IQuerySession session, IMessageBus bus, DateTimeOffset now) =>
        await Resolve(id, token, session, now) is var (_, i)
            ? await ApiDoor.Invoke(bus, new RespondToInvitation(id, i.Id, form.Accept), Results.NoContent())
            : Results.NotFound();

    [WolverinePost("/api/seminars/{id}/attend/{token}/problems")]
    public static async Task<IResult> Problem(Guid id, string token, ProblemForm form, IQuerySession session, IMessageBus bus, DateTimeOffset now) =>
        await Resolve(id, token, session, now) is var (_, i)
            ? await ApiDoor.Invoke<ProblemCreated>(bus, new SubmitProblem(id, form, i.Id), created => ApiDoor.Created($"/api/seminars/{id}/problems/{created.Id}", created.Id))
            : Results.NotFound();

    [WolverinePut("/api/seminars/{id}/attend/{token}/dots")]
    public static async Task<IResult> Dots(Guid id, string token, DotsForm form, IQuerySession session, IMessageBus bus, DateTimeOffset now) =>
        await Resolve(id, token, session, now) is var (_, i)
            ? await ApiDoor.Invoke(bus, new PlaceDots(id, i.Id, form.Dots ?? []), Results.NoContent())
            : Results.NotFound();
}
