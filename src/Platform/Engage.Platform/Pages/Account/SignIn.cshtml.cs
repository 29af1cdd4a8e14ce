using Engage.Platform.Accounts;
using Engage.Platform.SignInLinks;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Engage.Platform.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(PlatformModule.SignInRateLimit)]
public class SignInModel(IDocumentSession session, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    public List<string> Errors { get; } = [];

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email) || string.IsNullOrEmpty(Password) || Email.Length > 320 || Password.Length > 256)
        {
            Errors.Add("Enter your email address and password.");
            return Page();
        }

        var account = await session.QueryByPlanAsync(new StaffAccountByEmail(Email));
        var ok = StaffSignIn.Attempt(account, Password, time.GetUtcNow());
        if (account is not null)
        {
            session.Store(account);
            await session.SaveChangesAsync();
        }

        if (!ok)
        {
            Response.StatusCode = 401;
            Errors.Add(StaffSignIn.Failed);
            return Page();
        }

        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            StaffSignIn.Principal(account!, CookieAuthenticationDefaults.AuthenticationScheme));
        return LocalRedirect(LocalUrl.OrHome(ReturnUrl));
    }
}
