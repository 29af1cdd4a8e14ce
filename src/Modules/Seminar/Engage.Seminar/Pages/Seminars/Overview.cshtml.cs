using Engage.Seminar.Planning;
using Microsoft.AspNetCore.Mvc;
using Wolverine;

namespace Engage.Seminar.Pages.Seminars;

public class OverviewModel(ISeminarStore store, IMessageBus bus) : SeminarPage(store, bus)
{
    [BindProperty] public DetailsInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        Input = DetailsInput.From(Seminar);
        return Page();
    }

    public Task<IActionResult> OnPostAsync(Guid id) => Run(id, new ChangeSeminarDetails(id, Input.ToForm()), $"/seminars/{id}");
}
