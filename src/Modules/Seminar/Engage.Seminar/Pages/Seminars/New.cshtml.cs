using Engage.Platform.Web;
using System.Security.Claims;
using Engage.Seminar.Planning;
using Engage.Seminar.Seminars;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wolverine;

namespace Engage.Seminar.Pages.Seminars;

[Authorize(Roles = Platform.Roles.SeminarLeads)]
public class NewModel(IMessageBus bus) : PageModel
{
    [BindProperty] public DetailsInput Input { get; set; } = new();
    public List<string> Errors { get; } = [];

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        try
        {
            var created = await bus.InvokeAsync<SeminarCreated>(new PlanSeminar(Input.ToForm(), Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!)));
            return Redirect($"/seminars/{created.Id}");
        }
        catch (RuleBroken broken)
        {
            Errors.Add(broken.Message);
            Response.StatusCode = broken.Status;
            return Page();
        }
    }
}
