using Engage.Analysis.Corpora;
using Engage.Analysis.Discovery;
using Engage.Platform.Web;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Marten.Publishing;
using Wolverine.Runtime;

namespace Engage.Analysis.Pages;

/// <summary>
/// Theme discovery: start a run (off the request, on a durable queue) and see the latest runs. The run is
/// started by the API's own endpoint, given a session enlisted in Wolverine's outbox as it is under HTTP,
/// so the job and its queued work commit together.
/// </summary>
public class ThemesModel(IAnalysisStore store, IMessageContext messages, OutboxedSessionFactory<IAnalysisStore> sessions, TimeProvider clock)
    : AnalysisPage(store, messages)
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
        await using var session = sessions.OpenSession((MessageContext)messages);
        var result = await StartDiscoveryEndpoint.Post(id, new DiscoveryRequest(Themes, Seed), session, messages, clock);
        if (result is ProblemHttpResult problem)
            return problem.StatusCode == 404 ? NotFound() : await Refuse(id, new RuleBroken(problem.StatusCode, problem.ProblemDetails.Detail ?? "Theme discovery could not start."), "discovery-themes");
        var job = session.PendingChanges.InsertsFor<DiscoveryJob>().Single();
        await session.SaveChangesAsync(HttpContext.RequestAborted);
        Notice = "Theme discovery has started. This page follows it until it is done.";
        return Redirect($"/analysis/{id}/themes/{job.Id}");
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
