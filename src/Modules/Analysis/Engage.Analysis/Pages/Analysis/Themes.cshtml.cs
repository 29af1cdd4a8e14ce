using Engage.Analysis.Corpora;
using Engage.Analysis.Discovery;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine;

namespace Engage.Analysis.Pages;

/// <summary>
/// Theme discovery: start a run (off the request, on a durable queue, by the same command as the API)
/// and see the latest runs.
/// </summary>
public class ThemesModel(IAnalysisStore store, IMessageBus bus) : AnalysisPage(store, bus)
{
    public const int JobsShown = 10;

    [BindProperty] public int? Themes { get; set; }
    [BindProperty] public int? Seed { get; set; }
    public IReadOnlyList<DiscoveryJob> Jobs { get; private set; } = [];
    public int Items { get; private set; }

    protected override async Task<bool> LoadAsync(Guid id)
    {
        await using var session = Store.QuerySession();
        if (!await FindCorpus(session, id)) return false;
        Items = await session.ItemsOf(id).CountAsync();
        Jobs = await session.Query<DiscoveryJob>().Where(j => j.CorpusId == id).OrderByDescending(j => j.RequestedAt).Take(JobsShown).ToListAsync();
        return true;
    }

    public Task<IActionResult> OnGetAsync(Guid id) => Show(id);

    public async Task<IActionResult> OnPostStartAsync(Guid id)
    {
        var jobId = Guid.CreateVersion7();
        if (!await Send(new StartDiscovery(id, jobId, Themes, Seed))) return Response.StatusCode == 404 ? NotFound() : await Refuse(id, null, "discovery-themes");
        Notice = "Theme discovery has started. This page follows it until it is done.";
        return Redirect($"/analysis/{id}/themes/{jobId}");
    }

    public static string Status(DiscoveryJob job) => job.Status switch
    {
        "queued" => "Waiting to start",
        "running" => $"Running: {job.Progress:P0} done",
        "done" => $"Done: {job.Result.Count} candidate themes",
        "failed" => "Could not finish",
        var other => other
    };
}
