using Engage.Seminar.Concluding;
using Engage.Seminar.Themes;
using Microsoft.AspNetCore.Mvc;
using Wolverine;

namespace Engage.Seminar.Pages.Seminars;

public class ThemesModel(ISeminarStore store, IMessageBus bus) : SeminarPage(store, bus)
{
    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public Task<IActionResult> OnPostReviseAsync(Guid id, Guid themeId, string? title, string? description, string? prompts, string? seeds, Guid[] problemIds) =>
        Run(id, new ReviseTheme(id, themeId, new ThemeForm(title, description, problemIds, Lines(prompts), Lines(seeds))), $"/seminars/{id}/themes");

    public Task<IActionResult> OnPostConcludeAsync(Guid id, Guid[] themeIds) =>
        Run(id, new ConcludeSeminar(id, themeIds), $"/seminars/{id}/summary");
}
