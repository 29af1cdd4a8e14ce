using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Engage.Platform.Accounts;

/// <summary>
/// A staff bearer token is checked against its account on every request, as <see cref="CookieStampCheck"/>
/// checks cookies: disabling an account or changing its roles or password ends the API access of tokens
/// issued before, instead of leaving them good for the rest of their hour. Staff call the API far less
/// often than participants (whose tokens carry no stamp and are not looked up), and the look-up is by key.
/// </summary>
public static class StaffTokenCheck
{
    public static IApplicationBuilder UseStaffTokenCheck(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var user = context.User;
        if (user.Identity?.AuthenticationType == AccessTokens.Scheme && user.FindFirstValue(EngageClaims.SecurityStamp) is { } stamp
            && Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id))
        {
            var account = await context.RequestServices.GetRequiredService<IQuerySession>().LoadAsync<StaffAccount>(id, context.RequestAborted);
            // Signed out for this request: the route's door then answers 401, as for no token at all.
            if (account is null || account.Disabled || account.SecurityStamp.ToString() != stamp)
                context.User = new ClaimsPrincipal(new ClaimsIdentity());
        }
        await next(context);
    });
}
