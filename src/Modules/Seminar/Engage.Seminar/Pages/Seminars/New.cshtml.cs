using Engage.Platform.Web;
using System.Security.Claims;
using Engage.Seminar.Planning;
using Engage.Seminar.Seminars;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;

namespace Engage.Seminar.Pages.Seminars;

[Authorize(Roles = Platform.Roles.SeminarLeads)]
public class NewModel(IMessageBus bus) : CommandPage(bus)
{
    [BindProperty] public DetailsInput Input { get; set; } = new();

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        var created = await Ask<SeminarCreated>(new PlanSeminar(Input.ToForm(), Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!)));
        return created is null ? Page() : Redirect($"/seminars/{created.Id}");
    }
}
