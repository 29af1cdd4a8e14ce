using Engage.Methods.Clustering;
using Engage.Methods.Terms;
using Engage.Methods.Vectors;

namespace Engage.Analysis.Discovery;

/// <summary>
/// Theme discovery by meaning: k-means over the contributions' sentence embeddings, so "no protected
/// study time" and "my trust will not release me for training" can share a theme although they share no
/// word. Without a requested count, the count is the one with the best silhouette on a seeded sample
/// (<see cref="ClusterCount"/>). Each theme is named by its class-based TF-IDF terms and shown through the
/// texts nearest its centre. Pure: the same vectors, options and seed always give the same themes.
/// </summary>
public static class MeaningThemeDiscovery
{
    public const int MinAutomaticThemes = 2;

    public static ThemeDiscoveryResult Discover(
        IReadOnlyList<TextItem> items,
        IReadOnlyList<float[]> embeddings,
        ThemeDiscoveryOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new ThemeDiscoveryOptions();
        DiscoveryInputException.ThrowIfInvalid(items, options.ThemeCount);
        if (embeddings.Count != items.Count) throw new ArgumentException("Every item needs its embedding.", nameof(embeddings));

        // Blank texts embed to the same point as each other and mean nothing: they stay unassigned.
        var rows = Enumerable.Range(0, items.Count).Where(i => !string.IsNullOrWhiteSpace(items[i].Text)).ToArray();
        if (rows.Length == 0)
            throw new DiscoveryInputException("None of the contributions has any text to analyse.");
        var set = VectorSet.From(rows.Select(i => embeddings[i]).ToList());

        var k = options.ThemeCount is { } asked
            ? Math.Min(asked, rows.Length)
            : rows.Length <= MinAutomaticThemes ? 1 : ClusterCount.Choose(set, MinAutomaticThemes, Math.Min(options.MaxThemes, rows.Length - 1), options.Seed, cancellation: cancellationToken).K;
        var partition = KMeans.Run(set, k, options.Seed, restarts: Math.Max(1, Math.Min(options.Restarts, 4)), cancellation: cancellationToken);

        var assignments = Enumerable.Repeat(-1, items.Count).ToArray();
        for (var r = 0; r < rows.Length; r++) assignments[rows[r]] = partition.Assignments[r];
        var themes = Describe(items, set, rows, partition, options);
        var unassigned = Enumerable.Range(0, items.Count).Where(d => assignments[d] < 0).Select(d => items[d].Id).ToList();
        return new ThemeDiscoveryResult(themes, unassigned);
    }

    private static List<DiscoveredTheme> Describe(IReadOnlyList<TextItem> items, VectorSet set, int[] rows, Partition partition, ThemeDiscoveryOptions options)
    {
        var tokens = rows.Select(i => (IReadOnlyList<string>)ShortTextTokenizer.Tokenize(items[i].Text)).ToList();
        var terms = ClassTfidf.TopTerms(tokens, partition.Assignments, partition.K, options.TopTermCount);
        var members = Enumerable.Range(0, rows.Length).GroupBy(r => partition.Assignments[r])
            .Select(g => (Cluster: g.Key, Rows: g.ToArray()))
            // Largest first; equal sizes by first member, so numbering is stable.
            .OrderByDescending(g => g.Rows.Length).ThenBy(g => g.Rows[0])
            .ToList();

        var themes = new List<DiscoveredTheme>(members.Count);
        for (var t = 0; t < members.Count; t++)
        {
            var (cluster, memberRows) = members[t];
            var top = terms[cluster].Select(w => w.Term).ToList();
            var label = top.Count == 0 ? $"Theme {t + 1}" : string.Join(", ", top.Take(3));
            themes.Add(new DiscoveredTheme(t + 1, label, top, memberRows.Select(r => items[rows[r]].Id).ToList(), memberRows.Length,
                CentralQuotes(items, set, rows, memberRows, partition.Centres[cluster], options.QuoteCount)));
        }
        return themes;
    }

    /// <summary>The members nearest the theme's centre in meaning; repeated wordings appear once.</summary>
    private static List<RepresentativeQuote> CentralQuotes(IReadOnlyList<TextItem> items, VectorSet set, int[] rows, int[] memberRows, ReadOnlySpan<float> centre, int count)
    {
        var c = centre.ToArray();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var quotes = new List<RepresentativeQuote>(count);
        foreach (var (r, sim) in memberRows.Select(r => (r, sim: VectorMath.Dot(set[r], c))).OrderByDescending(x => x.sim).ThenBy(x => x.r))
        {
            var item = items[rows[r]];
            if (!seen.Add(item.Text.Trim())) continue;
            quotes.Add(new RepresentativeQuote(item.Id, item.Text, Math.Round(sim, 4)));
            if (quotes.Count == count) break;
        }
        return quotes;
    }
}
