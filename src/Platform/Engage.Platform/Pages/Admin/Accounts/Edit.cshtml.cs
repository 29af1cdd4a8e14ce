using Engage.Platform.Accounts;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Engage.Platform.Pages.Admin.Accounts;

public class EditModel(IDocumentSession session) : PageModel
{
    public StaffAccount Account { get; private set; } = new();
    [BindProperty] public UpdateStaffAccount Input { get; set; } = new(null, [], false, null);
    public List<string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await session.LoadAsync<StaffAccount>(id) is not { } account) return NotFound();
        Account = account;
        Input = new(account.DisplayName, [.. account.Roles], account.Disabled, null);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await session.LoadAsync<StaffAccount>(id) is not { } account) return NotFound();
        Account = account;
        if (StaffAccountRules.Problem(Input) is { } problem)
        {
            Errors.Add(problem);
            Response.StatusCode = 400;
            return Page();
        }
        StaffAccountRules.Apply(account, Input);
        session.Store(account);
        await session.SaveChangesAsync();
        return Redirect("/admin/accounts");
    }
}
