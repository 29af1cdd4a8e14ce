using Engage.Platform.SignInLinks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Wolverine;

namespace Engage.Platform.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(PlatformModule.SignInRateLimit)]
public class LinkModel(IMessageBus bus) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty] public string? Email { get; set; }
    public bool Sent { get; private set; }
    public List<string> Errors { get; } = [];

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email) || !Email.Contains('@') || Email.Length > 320)
        {
            Errors.Add("Enter an email address, like name@example.com.");
            return Page();
        }

        await bus.SendAsync(new RequestSignInLink(Email, LocalUrl.OrHome(ReturnUrl)));
        Sent = true;
        return Page();
    }
}
