using System.Security.Claims;
using Engage.Platform.Accounts;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Wolverine.Http;
using Wolverine.Marten;

namespace Engage.Platform.SignInLinks;

public static class ParticipantSignIn
{
    public static ClaimsPrincipal Principal(ParticipantAccount participant, string scheme) =>
        new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, participant.Id.ToString()),
            new Claim(EngageClaims.ParticipantId, participant.Id.ToString()),
            new Claim(ClaimTypes.Name, "Participant"),
            new Claim(ClaimTypes.Role, Roles.Participant)
        ], scheme, ClaimTypes.Name, ClaimTypes.Role));
}

public record IssueParticipantToken(string? LinkToken);

/// <summary>
/// <c>POST /api/auth/participant-token</c>: a participant's app exchanges the one-time link token from
/// their email for a bearer token. The link is used up, as when the page's button is pressed.
/// </summary>
public static class IssueParticipantTokenEndpoint
{
    // TimeProvider, not a `DateTimeOffset now` parameter: Wolverine would declare `now` twice when both
    // LoadAsync and Post take it.
    public static async Task<(SignInLink?, ParticipantAccount?)> LoadAsync(IssueParticipantToken command, IQuerySession session, TimeProvider time)
    {
        if (string.IsNullOrEmpty(command.LinkToken) || command.LinkToken.Length > 100) return (null, null);
        var link = await session.LoadAsync<SignInLink>(SignInLink.HashOf(command.LinkToken));
        if (link is null || !link.UsableAt(time.GetUtcNow())) return (null, null);
        return (link, await session.LoadAsync<ParticipantAccount>(link.ParticipantId));
    }

    public static ProblemDetails Validate(IssueParticipantToken command, SignInLink? link, ParticipantAccount? participant) =>
        string.IsNullOrEmpty(command.LinkToken) ? Problems.BadRequest("'linkToken' is required.")
        : link is null || participant is null
            ? new ProblemDetails { Status = 401, Title = "Sign-in failed", Detail = "The link has expired or has already been used." }
            : WolverineContinue.NoProblems;

    [AllowAnonymous]
    [EnableRateLimiting(PlatformModule.SignInRateLimit)]
    [WolverinePost("/api/auth/participant-token")]
    public static (AccessTokenIssued, IMartenOp) Post(IssueParticipantToken command, SignInLink link, ParticipantAccount participant,
        AccessTokens tokens, DateTimeOffset now)
    {
        link.UsedAt = now;
        var (token, expiresAt) = tokens.Issue(Principal(participant));
        return (new AccessTokenIssued(token, expiresAt), MartenOps.Store(link));
    }

    private static ClaimsPrincipal Principal(ParticipantAccount participant) => ParticipantSignIn.Principal(participant, AccessTokens.Scheme);
}
