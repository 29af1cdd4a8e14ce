using Engage.Platform;
using Engage.Platform.SignInLinks;
using Engage.Platform.Web;
using Engage.Workshop.Contracts;
using Engage.Workshop.Contributions;
using Engage.Workshop.Workshops;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Engage.Workshop.Participants;

public record JoinForm(string? Email, bool Consent, Dictionary<string, string>? Profile, bool ShowProfession, bool EmailUpdates = false);

public record RegisterParticipant(Guid WorkshopId, JoinForm Form);

/// <summary>
/// Join a workshop: consent and profile answers, then a one-time sign-in link by email. Joining again
/// only sends a new link, so the answer never tells anyone who takes part.
/// </summary>
[MartenStore(typeof(IWorkshopStore))]
public static class RegisterParticipantHandler
{
    public const int MaxAnswers = 20;

    public static async Task<(Workshops.Workshop?, Registration?)> LoadAsync(RegisterParticipant command, IQuerySession session)
    {
        var workshop = await session.LoadAsync<Workshops.Workshop>(command.WorkshopId);
        if (workshop is null || string.IsNullOrWhiteSpace(command.Form.Email)) return (workshop, null);
        var identity = ParticipantAccount.IdFor(command.Form.Email);
        return (workshop, await session.Query<Registration>().FirstOrDefaultAsync(r => r.WorkshopId == command.WorkshopId && r.IdentityId == identity));
    }

    public static (IMartenOp, OutgoingMessages) Handle(RegisterParticipant command, Workshops.Workshop? workshop, Registration? existing, DateTimeOffset now)
    {
        var form = command.Form;
        RuleBroken.Unless(workshop is not null, "The workshop was not found.", 404);
        RuleBroken.Unless(workshop!.Status == WorkshopStatus.Open, $"The workshop is {workshop.Status}; people can join only while it is open.", 409);
        var email = form.Email?.Trim() ?? "";
        RuleBroken.Unless(email.Length is > 0 and <= 320 && System.Net.Mail.MailAddress.TryCreate(email, out _), "'email' must be an email address.");
        RuleBroken.Unless(form.Consent, "'consent' must be given to take part.");
        var profile = (form.Profile ?? []).Where(p => !string.IsNullOrWhiteSpace(p.Value)).ToDictionary(p => p.Key.Trim(), p => p.Value.Trim());
        RuleBroken.Unless(profile.Count <= MaxAnswers, $"'profile' takes at most {MaxAnswers} answers.");
        foreach (var (key, value) in profile)
        {
            var question = workshop.ProfileQuestions.FirstOrDefault(q => q.Key == key);
            RuleBroken.Unless(question is not null, $"'profile.{Shorten(key)}' is not a question of this workshop.");
            RuleBroken.Unless(question!.Options.Contains(value), $"'profile.{key}' must be one of: {string.Join(", ", question.Options)}.");
        }

        var link = new EnsureParticipant(email, $"/take-part/{workshop.Id}", "workshop");
        if (existing is not null) return (MartenOps.Nothing(), [link]);

        var registration = new Registration
        {
            Id = Guid.CreateVersion7(), WorkshopId = workshop.Id, IdentityId = ParticipantAccount.IdFor(email),
            Profile = profile, ShowProfession = form.ShowProfession, EmailUpdates = form.EmailUpdates, RegisteredAt = now
        };
        registration.Pseudonym = Pseudonyms.For(registration.Id);
        return (MartenOps.Insert(registration), [link, new ParticipantRegistered(registration.Id, workshop.Id, registration.Pseudonym, profile, now)]);
    }

    private static string Shorten(string key) => key.Length <= 50 ? key : key[..50] + "…";
}

[EnableRateLimiting(PlatformModule.WriteRateLimit)]
[AllowAnonymous]
public static class RegisterParticipantEndpoint
{
    [WolverinePost("/api/workshops/{id}/participants")]
    public static Task<IResult> Post(Guid id, JoinForm form, IMessageBus bus) =>
        ApiDoor.Invoke(bus, new RegisterParticipant(id, form), Results.Accepted());
}
