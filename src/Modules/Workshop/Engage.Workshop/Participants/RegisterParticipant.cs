using Engage.Platform;
using Engage.Platform.SignInLinks;
using Engage.Workshop.Contracts;
using Engage.Workshop.Contributions;
using Engage.Workshop.Workshops;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;
using Wolverine.Persistence;

namespace Engage.Workshop.Participants;

public record RegisterParticipant(string? Email, bool Consent, Dictionary<string, string>? Profile, bool ShowProfession);

/// <summary>
/// Join a workshop: consent and profile answers, then a one-time sign-in link by email. The answer is
/// 202 whether or not the address was already registered, so it tells no one who takes part.
/// </summary>
[MartenStore(typeof(IWorkshopStore))]
[AllowAnonymous]
public static class RegisterParticipantEndpoint
{
    public const int MaxAnswers = 20;

    public static Task<Registration?> LoadAsync(Guid id, RegisterParticipant command, IQuerySession session)
    {
        if (string.IsNullOrWhiteSpace(command.Email)) return Task.FromResult<Registration?>(null);
        var identity = ParticipantAccount.IdFor(command.Email);
        return session.Query<Registration>().FirstOrDefaultAsync(r => r.WorkshopId == id && r.IdentityId == identity);
    }

    public static ProblemDetails Validate(RegisterParticipant command, [Entity(Required = true)] Workshops.Workshop workshop)
    {
        if (workshop.Status != WorkshopStatus.Open) return Problems.Conflict($"The workshop is {workshop.Status}; people can join only while it is open.");
        if (string.IsNullOrWhiteSpace(command.Email) || command.Email.Length > 320 || !System.Net.Mail.MailAddress.TryCreate(command.Email.Trim(), out _))
            return Problems.BadRequest("'email' must be an email address.");
        if (!command.Consent) return Problems.BadRequest("'consent' must be given to take part.");
        var profile = command.Profile ?? [];
        if (profile.Count > MaxAnswers || profile.Any(p => p.Key.Length is 0 or > 50 || p.Value.Length > 200 || string.IsNullOrWhiteSpace(p.Value)))
            return Problems.BadRequest($"'profile' takes at most {MaxAnswers} answers: names up to 50 characters, answers 1 to 200.");
        return WolverineContinue.NoProblems;
    }

    [WolverinePost("/api/workshops/{id}/participants")]
    public static (IResult, IMartenOp, OutgoingMessages) Post(RegisterParticipant command, [Entity(Required = true)] Workshops.Workshop workshop,
        Registration? existing, DateTimeOffset now)
    {
        var email = command.Email!.Trim();
        var link = new EnsureParticipant(email, $"/workshops/{workshop.Id}", "workshop");
        if (existing is not null) return (Results.Accepted(), MartenOps.Nothing(), [link]);

        var registration = new Registration
        {
            Id = Guid.CreateVersion7(), WorkshopId = workshop.Id, IdentityId = ParticipantAccount.IdFor(email),
            Profile = (command.Profile ?? []).ToDictionary(p => p.Key.Trim(), p => p.Value.Trim()),
            ShowProfession = command.ShowProfession, RegisteredAt = now
        };
        registration.Pseudonym = Pseudonyms.For(registration.Id);
        return (Results.Accepted(), MartenOps.Insert(registration),
            [link, new ParticipantRegistered(registration.Id, workshop.Id, registration.Pseudonym, registration.Profile, now)]);
    }
}
