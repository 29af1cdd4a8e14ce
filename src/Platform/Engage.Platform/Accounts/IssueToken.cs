using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Wolverine.Http;

namespace Engage.Platform.Accounts;

public record IssueToken(string? Email, string? Password);

public record AccessTokenIssued(string AccessToken, DateTimeOffset ExpiresAt);

/// <summary><c>POST /api/auth/token</c>: exchange a staff email and password for a bearer token.</summary>
public static class IssueTokenEndpoint
{
    public static ProblemDetails Validate(IssueToken command) =>
        string.IsNullOrWhiteSpace(command.Email) || string.IsNullOrEmpty(command.Password)
            ? Problems.BadRequest("Both 'email' and 'password' are required.")
            : command.Email.Length > 320 || command.Password.Length > 256
                ? Problems.BadRequest("'email' or 'password' is too long.")
                : WolverineContinue.NoProblems;

    public static Task<StaffAccount?> LoadAsync(IssueToken command, IQuerySession session) =>
        session.QueryByPlanAsync(new StaffAccountByEmail(command.Email!));

    [AllowAnonymous]
    [EnableRateLimiting(PlatformModule.SignInRateLimit)]
    [WolverinePost("/api/auth/token", Name = "IssueToken")]
    [ProducesResponseType<AccessTokenIssued>(200)]
    [ProducesResponseType<ProblemDetails>(401)]
    public static IResult Post(IssueToken command, StaffAccount? account, IDocumentSession session,
        AccessTokens tokens, DateTimeOffset now)
    {
        var ok = StaffSignIn.Attempt(account, command.Password!, now);
        // The failed-attempt count must be saved on failure too, or lockout would never happen.
        if (account is not null) session.Store(account);
        if (!ok) return Results.Problem(statusCode: 401, title: "Sign-in failed", detail: StaffSignIn.Failed);

        var (token, expiresAt) = tokens.Issue(StaffSignIn.Principal(account!, AccessTokens.Scheme));
        return Results.Ok(new AccessTokenIssued(token, expiresAt));
    }
}
