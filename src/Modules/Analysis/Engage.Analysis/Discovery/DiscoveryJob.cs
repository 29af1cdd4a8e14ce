using Engage.Analysis.Corpora;
using Engage.Analysis.Embeddings;
using Engage.Embeddings;
using Engage.Platform;
using Engage.Platform.Web;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Engage.Analysis.Discovery;

/// <summary>Method: "meaning" (sentence embeddings; the default when a model is configured) or "words" (the lexical method).</summary>
public record DiscoveryRequest(int? Themes, int? Seed, string? Method = null);

public static class DiscoveryMethods
{
    public const string Meaning = "meaning";
    public const string Words = "words";
}

public record DiscoveredThemeView(string Label, IReadOnlyList<string> Terms, IReadOnlyList<Guid> ItemIds, int Size, IReadOnlyList<RepresentativeQuote> Quotes);

/// <summary>One run of theme discovery over a corpus: queued, running (with progress), done or failed. Kept, so a result can be cited.</summary>
public class DiscoveryJob
{
    public Guid Id { get; set; }
    public Guid CorpusId { get; set; }
    public int? Themes { get; set; }
    public int Seed { get; set; }
    /// <summary>"meaning" or "words" (<see cref="DiscoveryMethods"/>); jobs from before embeddings are "words".</summary>
    public string Method { get; set; } = DiscoveryMethods.Words;
    /// <summary>The embedding model a "meaning" job used, so a cited result says what produced it.</summary>
    public string? Model { get; set; }
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

/// <summary>Queues a discovery run; the caller names the job so it can follow it.</summary>
public record StartDiscovery(Guid CorpusId, Guid JobId, int? Themes, int? Seed, string? Method = null);

[MartenStore(typeof(IAnalysisStore))]
public static class StartDiscoveryHandler
{
    public const int MaxItems = 100_000;

    /// <summary>The job and its queued run commit together: it runs even if the host stops right after answering.</summary>
    public static async Task<(IMartenOp, RunDiscovery)> Handle(StartDiscovery command, IDocumentSession session, TextEmbeddings embeddings, DateTimeOffset now)
    {
        var method = command.Method?.Trim().ToLowerInvariant() ?? (embeddings.Enabled ? DiscoveryMethods.Meaning : DiscoveryMethods.Words);
        RuleBroken.Unless(method is DiscoveryMethods.Meaning or DiscoveryMethods.Words, "'method' must be \"meaning\" or \"words\".");
        RuleBroken.Unless(method == DiscoveryMethods.Words || embeddings.Enabled,
            "Theme discovery by meaning needs a sentence-embedding model, and embeddings are switched off here (Embeddings:Model = Off): use \"words\".");
        RuleBroken.Unless(await session.LoadAsync<Corpus>(command.CorpusId) is not null, "The corpus was not found.", 404);
        var items = await session.ItemsOf(command.CorpusId).CountAsync();
        RuleBroken.Unless(items > 0, "The corpus is empty: there is nothing to find themes in.");
        RuleBroken.Unless(command.Themes is not { } asked || (asked >= 1 && asked <= items),
            $"The number of themes must be between 1 and the number of items ({items:N0}).");
        RuleBroken.Unless(items <= MaxItems, $"Theme discovery takes at most {MaxItems:N0} items; filter the corpus first.");

        var job = new DiscoveryJob
        {
            Id = command.JobId, CorpusId = command.CorpusId, Themes = command.Themes, Seed = command.Seed ?? 1, Items = items, RequestedAt = now,
            Method = method, Model = method == DiscoveryMethods.Meaning ? embeddings.ModelName : null
        };
        return (MartenOps.Insert(job), new RunDiscovery(job.Id));
    }
}

[MartenStore(typeof(IAnalysisStore))]
[Authorize(Roles = Roles.Analysts)]
public static class StartDiscoveryEndpoint
{
    [WolverinePost("/api/analysis/corpora/{id}/theme-discovery")]
    public static Task<IResult> Post(Guid id, DiscoveryRequest request, IMessageBus bus)
    {
        var jobId = Guid.CreateVersion7();
        return ApiDoor.Invoke(bus, new StartDiscovery(id, jobId, request.Themes, request.Seed, request.Method),
            Results.Accepted($"/api/analysis/corpora/{id}/theme-discovery/{jobId}", new { jobId }));
    }

    [WolverineGet("/api/analysis/corpora/{id}/theme-discovery/{jobId}")]
    public static async Task<IResult> Get(Guid id, Guid jobId, IQuerySession session) =>
        await session.LoadAsync<DiscoveryJob>(jobId) is { } job && job.CorpusId == id
            ? Results.Ok(new { jobId = job.Id, job.Method, job.Model, job.Status, job.Progress, job.Items, themes = job.Result, job.Error, job.RequestedAt, job.FinishedAt })
            : ApiDoor.Problem(new RuleBroken(404, "The theme discovery job was not found."));
}

[MartenStore(typeof(IAnalysisStore))]
public static class RunDiscoveryHandler
{
    public static async Task Handle(RunDiscovery command, IAnalysisStore store, TextEmbeddings embeddings, TimeProvider clock, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        if (await session.LoadAsync<DiscoveryJob>(command.JobId, cancellation) is not { Status: "queued" or "running" } job) return;
        var corpusItems = await session.ItemsOf(job.CorpusId).ToListAsync(cancellation);
        var items = corpusItems.Select(i => new TextItem(i.Id, i.Text)).ToList();
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
            var options = new ThemeDiscoveryOptions { ThemeCount = job.Themes, Seed = job.Seed };
            ThemeDiscoveryResult found;
            if (job.Method == DiscoveryMethods.Meaning && embeddings.Enabled)
            {
                // Items that arrived before the model was on, or came in an upload, are embedded now and kept.
                await using var writer = store.LightweightSession();
                var vectors = await ItemEmbeddings.ForItemsAsync(writer, embeddings, job.CorpusId, corpusItems, cancellation);
                await writer.SaveChangesAsync(cancellation);
                progress.Report(0.5);
                found = MeaningThemeDiscovery.Discover(items, vectors, options, cancellation);
            }
            else found = ThemeDiscovery.Discover(items, options, progress, cancellation);
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
