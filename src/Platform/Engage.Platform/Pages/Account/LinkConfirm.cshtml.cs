using Engage.Platform.Accounts;
using Engage.Platform.SignInLinks;
using Engage.Platform.Web;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Engage.Platform.Pages.Account;

[AllowAnonymous]
public class LinkConfirmModel(IDocumentSession session, TimeProvider time) : PageModel
{
    public bool Invalid { get; private set; }

    public async Task OnGetAsync(string token) => Invalid = await FindAsync(token) is null;

    public async Task<IActionResult> OnPostAsync(string token)
    {
        var link = await FindAsync(token);
        var participant = link is null ? null : await session.LoadAsync<ParticipantAccount>(link.ParticipantId);
        if (link is null || participant is null)
        {
            Invalid = true;
            Response.StatusCode = 400;
            return Page();
        }

        link.UsedAt = time.GetUtcNow();
        session.Store(link);
        try { await session.SaveChangesAsync(); }
        catch (Exception e) when (ConcurrentChangeHandler.IsConcurrentChange(e))
        {
            // The same link was used at the same moment elsewhere, and that use counted.
            Invalid = true;
            Response.StatusCode = 400;
            return Page();
        }

        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            ParticipantSignIn.Principal(participant, CookieAuthenticationDefaults.AuthenticationScheme),
            new AuthenticationProperties { IsPersistent = true, ExpiresUtc = time.GetUtcNow().AddDays(30) });
        return LocalRedirect(link.ReturnUrl);
    }

    private async Task<SignInLink?> FindAsync(string token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100) return null;
        var link = await session.LoadAsync<SignInLink>(SignInLink.HashOf(token));
        return link is not null && link.UsableAt(time.GetUtcNow()) ? link : null;
    }
}
