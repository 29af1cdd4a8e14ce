using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.Extensions.Options;

namespace Engage.Platform.Accounts;

/// <summary>
/// Issues the bearer tokens the API accepts. They are ASP.NET Core's own data-protected bearer
/// tokens, so any host sharing the key ring (kept in PostgreSQL) can read them.
/// </summary>
public sealed class AccessTokens(IOptionsMonitor<BearerTokenOptions> options, TimeProvider time)
{
    public const string Scheme = "Bearer";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    public (string Token, DateTimeOffset ExpiresAt) Issue(ClaimsPrincipal principal)
    {
        var now = time.GetUtcNow();
        var expires = now + Lifetime;
        var ticket = new AuthenticationTicket(principal,
            new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = expires }, Scheme);
        return (options.Get(Scheme).BearerTokenProtector.Protect(ticket), expires);
    }
}
