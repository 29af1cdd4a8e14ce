using Engage.Analysis.Corpora;
using Engage.Platform;
using Engage.Platform.Web;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Engage.Analysis.Discovery;

public record DiscoveryRequest(int? Themes, int? Seed);

public record DiscoveredThemeView(string Label, IReadOnlyList<string> Terms, IReadOnlyList<Guid> ItemIds, int Size, IReadOnlyList<RepresentativeQuote> Quotes);

/// <summary>One run of theme discovery over a corpus: queued, running (with progress), done or failed. Kept, so a result can be cited.</summary>
public class DiscoveryJob
{
    public Guid Id { get; set; }
    public Guid CorpusId { get; set; }
    public int? Themes { get; set; }
    public int Seed { get; set; }
    /// <summary>"queued", "running", "done" or "failed".</summary>
    public string Status { get; set; } = "queued";
    public double Progress { get; set; }
    public int Items { get; set; }
    public List<DiscoveredThemeView> Result { get; set; } = [];
    public string? Error { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
}

/// <summary>Runs a queued discovery job on a durable local queue, off the request.</summary>
public record RunDiscovery(Guid JobId);

[MartenStore(typeof(IAnalysisStore))]
[Authorize(Roles = Roles.Analysts)]
public static class StartDiscoveryEndpoint
{
    public const int MaxItems = 100_000;

    [WolverinePost("/api/analysis/corpora/{id}/theme-discovery")]
    public static async Task<IResult> Post(Guid id, DiscoveryRequest request, IDocumentSession session, IMessageContext bus, TimeProvider clock)
    {
        if (await session.LoadAsync<Corpus>(id) is null) return ApiDoor.Problem(new RuleBroken(404, "The corpus was not found."));
        var items = await session.ItemsOf(id).CountAsync();
        if (items == 0) return ApiDoor.Problem(new RuleBroken(400, "The corpus is empty: there is nothing to find themes in."));
        if (request.Themes is { } asked && (asked < 1 || asked > items))
            return ApiDoor.Problem(new RuleBroken(400, $"'themes' must be between 1 and the corpus size ({items:N0} items)."));
        if (items > MaxItems) return ApiDoor.Problem(new RuleBroken(400, $"Theme discovery takes at most {MaxItems:N0} items; filter the corpus first."));

        var job = new DiscoveryJob { Id = Guid.CreateVersion7(), CorpusId = id, Themes = request.Themes, Seed = request.Seed ?? 1, Items = items, RequestedAt = clock.GetUtcNow() };
        session.Insert(job);
        // Through the outbox: the job runs even if the host stops right after answering.
        await bus.PublishAsync(new RunDiscovery(job.Id));
        return Results.Accepted($"/api/analysis/corpora/{id}/theme-discovery/{job.Id}", new { jobId = job.Id });
    }

    [WolverineGet("/api/analysis/corpora/{id}/theme-discovery/{jobId}")]
    public static async Task<IResult> Get(Guid id, Guid jobId, IQuerySession session) =>
        await session.LoadAsync<DiscoveryJob>(jobId) is { } job && job.CorpusId == id
            ? Results.Ok(new { jobId = job.Id, job.Status, job.Progress, job.Items, themes = job.Result, job.Error, job.RequestedAt, job.FinishedAt })
            : ApiDoor.Problem(new RuleBroken(404, "The theme discovery job was not found."));
}

[MartenStore(typeof(IAnalysisStore))]
public static class RunDiscoveryHandler
{
    public static async Task Handle(RunDiscovery command, IAnalysisStore store, TimeProvider clock, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        if (await session.LoadAsync<DiscoveryJob>(command.JobId, cancellation) is not { Status: "queued" or "running" } job) return;
        var items = (await session.ItemsOf(job.CorpusId).ToListAsync(cancellation)).Select(i => new TextItem(i.Id, i.Text)).ToList();
        job.Status = "running";
        await Save(store, job, cancellation);

        try
        {
            // Progress is written at most every tenth, each in its own short transaction, so a page polling the job sees it move.
            var progress = new Throttled(0.1, p =>
            {
                job.Progress = Math.Round(p, 2);
                Save(store, job, CancellationToken.None).GetAwaiter().GetResult();
            });
            var found = ThemeDiscovery.Discover(items, new ThemeDiscoveryOptions { ThemeCount = job.Themes, Seed = job.Seed }, progress, cancellation);
            job.Result = found.Themes.Select(t => new DiscoveredThemeView(t.Label, t.TopTerms, t.ItemIds, t.Size, t.Quotes)).ToList();
            job.Status = "done";
            job.Progress = 1;
        }
        catch (DiscoveryInputException e)
        {
            job.Status = "failed";
            job.Error = e.Message;
        }
        job.FinishedAt = clock.GetUtcNow();
        await Save(store, job, cancellation);
    }

    /// <summary>
    /// Reports synchronously (unlike <see cref="Progress{T}"/>, whose posted callbacks could land after
    /// the job is saved as done) and serialised, since discovery reports from parallel workers.
    /// </summary>
    private sealed class Throttled(double step, Action<double> report) : IProgress<double>
    {
        private readonly Lock gate = new();
        private double reported;

        public void Report(double value)
        {
            lock (gate)
            {
                if (value - reported < step) return;
                reported = value;
                report(value);
            }
        }
    }

    private static async Task Save(IAnalysisStore store, DiscoveryJob job, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        session.Store(job);
        await session.SaveChangesAsync(cancellation);
    }
}
