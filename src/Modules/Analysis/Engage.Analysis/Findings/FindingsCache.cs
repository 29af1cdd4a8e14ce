using System.Collections.Concurrent;
using Marten;

namespace Engage.Analysis.Findings;

/// <summary>
/// Findings computed once per corpus version (<see cref="CorpusVersions"/>) and kept in memory until the
/// corpus changes, instead of being computed on every request: at 100,000 contributions and 400,000
/// votes, reading the corpus and computing its findings takes seconds, while reading the version takes
/// one indexed row. It wraps the computation, it does not change it: callers pass what to compute from
/// <see cref="CorpusFacts"/> and a name for it. Requests that arrive while a version is being computed
/// wait for that one computation. Each host process keeps its own copy; the version lives in the
/// database, so all of them agree on when a copy is stale.
/// </summary>
public sealed class FindingsCache(IAnalysisStore store)
{
    /// <summary>Corpora kept at once: a large corpus's facts take a few hundred MB, so the least recently read go first.</summary>
    public const int CorporaKept = 3;

    private readonly ConcurrentDictionary<Guid, Entry> _entries = new();

    /// <summary>The corpus's facts as of its current version; shared, so callers only read them.</summary>
    public async Task<CorpusFacts> FactsAsync(Guid corpusId, CancellationToken cancellation = default) =>
        await (await EntryAsync(corpusId, cancellation)).Facts.Value.WaitAsync(cancellation);

    /// <summary><paramref name="compute"/> applied to the corpus's current facts, computed once per version and <paramref name="name"/>.</summary>
    public async Task<T> GetAsync<T>(Guid corpusId, string name, Func<CorpusFacts, T> compute, CancellationToken cancellation = default) where T : notnull
    {
        var entry = await EntryAsync(corpusId, cancellation);
        var product = entry.Products.GetOrAdd(name, _ => new Lazy<Task<object>>(async () =>
        {
            var facts = await entry.Facts.Value;
            // One computation at a time on one corpus's shared facts: their lazily built indexes are not thread-safe to build.
            await entry.Gate.WaitAsync();
            try { return compute(facts); }
            finally { entry.Gate.Release(); }
        }));
        try { return (T)await product.Value.WaitAsync(cancellation); }
        catch when (product.Value.IsFaulted)
        {
            entry.Products.TryRemove(new KeyValuePair<string, Lazy<Task<object>>>(name, product));
            throw;
        }
    }

    private async Task<Entry> EntryAsync(Guid corpusId, CancellationToken cancellation)
    {
        string version;
        await using (var session = store.QuerySession()) version = await CorpusVersions.ReadAsync(session, corpusId, cancellation);
        var entry = _entries.AddOrUpdate(corpusId, _ => new Entry(version, Load(corpusId)),
            (_, current) => current.Version == version && !current.Facts.Value.IsFaulted ? current : new Entry(version, Load(corpusId)));
        entry.LastRead = Environment.TickCount64;
        foreach (var old in _entries.OrderByDescending(e => e.Value.LastRead).Skip(CorporaKept)) _entries.TryRemove(old);
        return entry;
    }

    /// <summary>Loaded on its own session and not cancelled with the request that asked first: other requests share it.</summary>
    private Lazy<Task<CorpusFacts>> Load(Guid corpusId) => new(async () =>
    {
        await using var session = store.QuerySession();
        var facts = await CorpusFacts.LoadAsync(session, corpusId);
        // Build the lazily built indexes now, before the facts are shared, so concurrent readers only read them.
        facts.ItemOf(Guid.Empty);
        facts.ItemsWith(Guid.Empty);
        _ = facts.Contributors;
        return facts;
    });

    private sealed class Entry(string version, Lazy<Task<CorpusFacts>> facts)
    {
        public string Version { get; } = version;
        public Lazy<Task<CorpusFacts>> Facts { get; } = facts;
        public ConcurrentDictionary<string, Lazy<Task<object>>> Products { get; } = new();
        public SemaphoreSlim Gate { get; } = new(1, 1);
        public long LastRead { get; set; }
    }
}
