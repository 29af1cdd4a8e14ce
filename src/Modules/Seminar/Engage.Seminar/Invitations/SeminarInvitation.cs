using Marten;

namespace Engage.Seminar.Invitations;

/// <summary>
/// A personal link an invitee received by email, for RSVP and for taking part on the day (no account).
/// Only the SHA-256 of the token is stored. Each sending makes a new link; earlier ones stay valid
/// until they expire, 30 days after the seminar.
/// </summary>
public class SeminarInvitation
{
    public static readonly TimeSpan ValidAfterSeminar = TimeSpan.FromDays(30);

    public string Id { get; set; } = "";
    public Guid SeminarId { get; set; }
    public Guid InviteeId { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }

    public static string NewToken() =>
        Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_').TrimEnd('=');

    public static string HashOf(string token) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));
}

/// <summary>
/// The invitee behind a personal link, if the link is genuine, unexpired and for this seminar; the
/// caller answers 404 otherwise, saying nothing of which it was.
/// </summary>
public sealed class InvitationByToken(Guid seminarId, string? token, DateTimeOffset now) : IQueryPlan<SeminarInvitation?>
{
    public async Task<SeminarInvitation?> Fetch(IQuerySession session, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100) return null;
        var invitation = await session.LoadAsync<SeminarInvitation>(SeminarInvitation.HashOf(token), ct);
        return invitation is not null && invitation.SeminarId == seminarId && invitation.ExpiresAt > now ? invitation : null;
    }
}
