using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;

namespace Engage.Platform.Accounts;

/// <summary>
/// Re-reads a staff account every few minutes while its cookie is used, so disabling an account or
/// changing its roles or password ends the sessions signed in before (as ASP.NET Identity does).
/// </summary>
public static class CookieStampCheck
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);
    private const string CheckedAt = "engage:checked";

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var stamp = principal?.FindFirstValue(EngageClaims.SecurityStamp);
        if (principal is null || stamp is null) return; // participants carry no stamp

        var time = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        var now = time.GetUtcNow();
        if (context.Properties.Items.TryGetValue(CheckedAt, out var at) && DateTimeOffset.TryParse(at, out var last)
            && now - last < Interval) return;

        var session = context.HttpContext.RequestServices.GetRequiredService<IQuerySession>();
        var id = Guid.Parse(principal.FindFirstValue(ClaimTypes.NameIdentifier)!);
        var account = await session.LoadAsync<StaffAccount>(id);
        if (account is null || account.Disabled || account.SecurityStamp.ToString() != stamp)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }

        context.Properties.Items[CheckedAt] = now.ToString("O");
        context.ShouldRenew = true;
    }
}
