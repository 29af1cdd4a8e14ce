using Engage.Platform.Accounts;
using Mapster;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Engage.Platform.Pages.Admin.Accounts;

public class IndexModel(IDocumentSession session, TimeProvider time, TypeAdapterConfig mapping) : PageModel
{
    public IReadOnlyList<StaffAccountView> Accounts { get; private set; } = [];
    [BindProperty] public CreateStaffAccount Input { get; set; } = new(null, null, [], null);
    public List<string> Errors { get; } = [];
    public string? GeneratedPassword { get; private set; }

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var command = Input;
        if (string.IsNullOrEmpty(command.Password)) command = command with { Password = GeneratedPassword = Passwords.Generate() };
        var taken = !string.IsNullOrWhiteSpace(command.Email) && await session.QueryByPlanAsync(new StaffAccountByEmail(command.Email)) is not null;
        if (StaffAccountRules.Problem(command, taken) is { } problem)
        {
            GeneratedPassword = null;
            Errors.Add(problem);
            Response.StatusCode = 400;
        }
        else
        {
            session.Insert(StaffAccountRules.Create(command, time.GetUtcNow()));
            await session.SaveChangesAsync();
            Input = new(null, null, [], null);
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync() =>
        Accounts = (await session.Query<StaffAccount>().OrderBy(x => x.Email).ToListAsync())
            .Select(a => StaffAccountRules.View(a, time.GetUtcNow(), mapping)).ToList();
}
