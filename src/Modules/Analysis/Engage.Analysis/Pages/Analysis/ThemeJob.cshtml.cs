using Engage.Analysis.Codebooks;
using Engage.Analysis.Discovery;
using Engage.Analysis.Suggestions;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine;

namespace Engage.Analysis.Pages;

/// <summary>
/// One theme discovery run: its progress while it runs (htmx asks every two seconds; without scripts, a link does),
/// then its candidate themes, each of which can be promoted into a code whose members wait as suggestions to review.
/// </summary>
public class ThemeJobModel(IAnalysisStore store, IMessageBus bus) : AnalysisPage(store, bus)
{
    public DiscoveryJob Job { get; private set; } = null!;
    public bool Finished => Job.Status is "done" or "failed";

    private Guid jobId;

    protected override async Task<bool> LoadAsync(Guid id)
    {
        await using var session = Store.QuerySession();
        if (!await FindCorpus(session, id)) return false;
        if (await session.LoadAsync<DiscoveryJob>(jobId) is not { } job || job.CorpusId != id) return false;
        Job = job;
        return true;
    }

    public Task<IActionResult> OnGetAsync(Guid id, Guid job)
    {
        jobId = job;
        return Show(id);
    }

    public async Task<IActionResult> OnPostPromoteAsync(Guid id, Guid job, int index, string? name)
    {
        jobId = job;
        if (await Ask<CodebookChanged>(new PromoteDiscoveredTheme(id, job, index, name, Analyst)) is null) return await Refuse(id, null, $"promote-{index}");
        Notice = "The theme is now a code. Its items wait in the review queue: accept those that fit.";
        return Redirect($"/analysis/{id}/suggestions?queue=review");
    }

    /// <summary>The status alone for htmx; once the run has finished, htmx reloads the page to show the themes.</summary>
    public async Task<IActionResult> OnGetStatusAsync(Guid id, Guid job)
    {
        jobId = job;
        if (!await LoadAsync(id)) return NotFound();
        if (Finished) Response.Headers["HX-Refresh"] = "true";
        return Partial("_JobStatus", this);
    }
}
