namespace Engage.Analysis.Discovery;

/// <summary>A contribution as theme discovery sees it.</summary>
public sealed record TextItem(Guid Id, string Text);

public sealed record ThemeDiscoveryOptions
{
    /// <summary>How many themes to find; null lets the method choose (up to <see cref="MaxThemes"/>).</summary>
    public int? ThemeCount { get; init; }
    public int Seed { get; init; } = 1;
    /// <summary>Upper bound when the count is chosen automatically.</summary>
    public int MaxThemes { get; init; } = 40;
    public int Iterations { get; init; } = 30;
    /// <summary>Independent sampling runs; the most probable one wins. Runs go in parallel.</summary>
    public int Chains { get; init; } = 2;
    /// <summary>Seeded k-means restarts in the first stage; the most probable after refinement is kept.</summary>
    public int Restarts { get; init; } = 8;
    public int TopTermCount { get; init; } = 10;
    public int QuoteCount { get; init; } = 5;
}

public sealed record RepresentativeQuote(Guid ItemId, string Text, double Similarity);

public sealed record DiscoveredTheme(
    int Number,
    string Label,
    IReadOnlyList<string> TopTerms,
    IReadOnlyList<Guid> ItemIds,
    int Size,
    IReadOnlyList<RepresentativeQuote> Quotes);

/// <summary>
/// Candidate themes, largest first. <see cref="Unassigned"/> holds contributions with no usable
/// words (for example "+1" or "ok"), which no method can place.
/// </summary>
public sealed record ThemeDiscoveryResult(IReadOnlyList<DiscoveredTheme> Themes, IReadOnlyList<Guid> Unassigned)
{
    /// <summary>Theme number per input item, in input order; -1 when unassigned.</summary>
    public int[] ThemeOf(IReadOnlyList<TextItem> items)
    {
        var byId = new Dictionary<Guid, int>();
        foreach (var t in Themes) foreach (var id in t.ItemIds) byId[id] = t.Number;
        return items.Select(i => byId.GetValueOrDefault(i.Id, -1)).ToArray();
    }
}

/// <summary>
/// Finds candidate themes in short contributions for an analyst to review. Pure: no database,
/// no clock; the same items, options and seed always give the same themes.
/// </summary>
public static class ThemeDiscovery
{
    // GSDMM's published defaults for counting themes; a smoother word prior for the refinement,
    // where a larger beta keeps one shared everyday word from pulling a text across (measured on
    // the labelled short-text sets, see bench/AnalysisBench/README.md).
    private const double Alpha = 0.1;
    private const double Beta = 0.1;
    private const double RefineBeta = 0.5;
    private const int RefineIterations = 30;
    private const int SettleSweeps = 10;

    public static ThemeDiscoveryResult Discover(
        IReadOnlyList<TextItem> items,
        ThemeDiscoveryOptions? options = null,
        IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new ThemeDiscoveryOptions();
        DiscoveryInputException.ThrowIfInvalid(items, options.ThemeCount);

        var tokenized = items.Select(i => ShortTextTokenizer.Tokenize(i.Text)).ToList();
        var corpus = EncodedCorpus.Build(tokenized, MinDocumentFrequencyFor(items.Count));
        var usable = corpus.Documents.Count(d => d.Length > 0);
        if (usable == 0)
            throw new DiscoveryInputException("None of the contributions has words that can be analysed (only numbers, symbols or very common words).");

        var vectors = TfidfVectors.Build(corpus);
        var plan = new Plan(options, progress, cancellationToken);
        var k = options.ThemeCount is { } asked
            ? Math.Min(asked, usable)
            : EstimateThemeCount(corpus, Math.Min(options.MaxThemes, usable), usable, plan);
        var assignments = Partition(corpus, vectors, k, plan);

        var themes = ThemeDescriber.Describe(items, corpus, vectors, assignments, options.TopTermCount, options.QuoteCount);
        var unassigned = Enumerable.Range(0, items.Count).Where(d => assignments[d] < 0).Select(d => items[d].Id).ToList();
        progress?.Report(1.0);
        return new ThemeDiscoveryResult(themes, unassigned);
    }

    /// <summary>
    /// Two stages. Spherical k-means on TF-IDF (the most cohesive of several seeded restarts) finds
    /// a first partition in which rare, telling words count most. The Dirichlet multinomial mixture
    /// then moves each text to the theme whose word distribution explains it best, which repairs
    /// texts that k-means misplaces because a short text's vector has only a handful of non-zeros.
    /// </summary>
    private static int[] Partition(EncodedCorpus corpus, TfidfVectors vectors, int k, Plan plan)
    {
        var restarts = Math.Max(1, plan.Options.Restarts);
        var runs = new SphericalKMeans.Partition[restarts];
        Parallel.For(0, restarts, plan.Parallel, r =>
        {
            runs[r] = SphericalKMeans.Run(vectors, k, new Random(SeedOf(plan.Options.Seed, r, 0x6b6d)), 100, plan.Token);
            plan.Step();
        });
        // Ties break on the restart number, never on which thread finished first.
        var best = 0;
        for (var r = 1; r < restarts; r++) if (runs[r].Cohesion > runs[best].Cohesion) best = r;

        var model = new Gsdmm(corpus, k, Alpha, RefineBeta);
        model.StartFrom(runs[best].Assignments);
        model.Refine(RefineIterations, plan.Token);
        return model.Assignments;
    }

    /// <summary>
    /// GSDMM run from an upper bound: clusters that lose all their texts stay empty, so the number
    /// left (after tiny ones are dissolved) is the data's own estimate of how many themes there are.
    /// </summary>
    private static int EstimateThemeCount(EncodedCorpus corpus, int upperBound, int usable, Plan plan)
    {
        var o = plan.Options;
        var chains = Math.Max(1, o.Chains);
        var results = new (double LogJoint, int Count)[chains];
        Parallel.For(0, chains, plan.Parallel, chain =>
        {
            var model = new Gsdmm(corpus, upperBound, Alpha, Beta);
            // Chain seeds derive from the one seed, so a run is reproducible whatever the thread timing.
            var random = new Random(SeedOf(o.Seed, chain, 0x5eed));
            model.StartRandom(random);
            model.Sample(o.Iterations, random, plan.Step, plan.Token);
            model.Settle(SettleSweeps, plan.Token);
            model.DissolveSmallClusters(MinThemeSize(usable));
            results[chain] = (model.LogJoint(), model.NonEmptyClusters);
        });
        // Ties break on the chain number, never on which thread finished first.
        var best = 0;
        for (var i = 1; i < chains; i++) if (results[i].LogJoint > results[best].LogJoint) best = i;
        return results[best].Count;
    }

    /// <summary>A stable mix of the run's seed and a stream number (HashCode is randomised per process, so it cannot serve).</summary>
    private static int SeedOf(int seed, int stream, int salt)
    {
        unchecked
        {
            var h = (ulong)(uint)seed * 0x9E3779B97F4A7C15UL ^ (ulong)(uint)stream * 0xC2B2AE3D27D4EB4FUL ^ (ulong)(uint)salt;
            h ^= h >> 33;
            h *= 0xFF51AFD7ED558CCDUL;
            h ^= h >> 33;
            return (int)(h & 0x7FFFFFFF);
        }
    }

    /// <summary>Options, progress and cancellation for one run.</summary>
    private sealed class Plan(ThemeDiscoveryOptions options, IProgress<double>? progress, CancellationToken token)
    {
        private readonly int _totalSteps = Math.Max(1, options.Restarts) + (options.ThemeCount is null ? Math.Max(1, options.Chains) * options.Iterations : 0);
        private int _done;
        public ThemeDiscoveryOptions Options => options;
        public CancellationToken Token => token;
        public ParallelOptions Parallel { get; } = new() { CancellationToken = token, MaxDegreeOfParallelism = Environment.ProcessorCount };
        public void Step() => progress?.Report(0.95 * Interlocked.Increment(ref _done) / _totalSteps);
    }

    /// <summary>A theme of a handful of texts in a large corpus is noise to an analyst; its texts join their nearest theme.</summary>
    internal static int MinThemeSize(int usableItems) => Math.Max(2, (int)Math.Ceiling(usableItems * 0.005));

    /// <summary>Words used once cannot link two texts; drop them once the corpus is large enough for that to be safe.</summary>
    internal static int MinDocumentFrequencyFor(int items) => items >= 200 ? 2 : 1;
}
