using Microsoft.AspNetCore.Mvc;
using Wolverine;

namespace Engage.Seminar.Pages.Seminars;

public class SummaryModel(ISeminarStore store, IMessageBus bus) : SeminarPage(store, bus)
{
    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();
}
