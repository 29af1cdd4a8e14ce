using Engage.Seminar.Capture;
using Engage.Seminar.Themes;
using Microsoft.AspNetCore.Mvc;
using Wolverine;

namespace Engage.Seminar.Pages.Seminars;

public class ProblemsModel(ISeminarStore store, IMessageBus bus) : SeminarPage(store, bus)
{
    [BindProperty] public ProblemForm Problem { get; set; } = new(null, null, null, null);

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    /// <summary>The list alone, for htmx to refresh while statements arrive.</summary>
    public async Task<IActionResult> OnGetListAsync(Guid id) =>
        await LoadAsync(id) ? Partial("_ProblemList", Seminar) : NotFound();

    public Task<IActionResult> OnPostSubmitAsync(Guid id) => Run(id, new SubmitProblem(id, Problem, null), $"/seminars/{id}/problems");

    public Task<IActionResult> OnPostMergeAsync(Guid id, Guid keep, Guid[] selected) =>
        Run(id, new MergeProblems(id, keep, selected), $"/seminars/{id}/problems");

    public Task<IActionResult> OnPostGroupAsync(Guid id, Guid[] selected, string? themeTitle, string? themeDescription) =>
        Run(id, new DraftTheme(id, new ThemeForm(themeTitle, themeDescription, selected, [], [])), $"/seminars/{id}/themes");
}
