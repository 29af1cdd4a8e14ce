namespace Engage.Analysis.Discovery;

/// <summary>
/// The plain method Engage's theme discovery is measured against: TF-IDF vectors and k-means
/// (k-means++ start, Lloyd iterations), seeded. Kept in the module, not only in the benchmark,
/// so the comparison uses exactly the same tokenisation as the real thing.
/// </summary>
public static class TfidfKMeansBaseline
{
    /// <summary>Returns a cluster number per item, or -1 for items with no usable terms.</summary>
    public static int[] Cluster(IReadOnlyList<TextItem> items, int k, int seed, int maxIterations = 100, CancellationToken ct = default)
    {
        DiscoveryInputException.ThrowIfInvalid(items, k);
        var corpus = EncodedCorpus.Build(items.Select(i => ShortTextTokenizer.Tokenize(i.Text)).ToList(),
            ThemeDiscovery.MinDocumentFrequencyFor(items.Count));
        var x = TfidfVectors.Build(corpus);
        var rows = Enumerable.Range(0, items.Count).Where(d => x.Indices[d].Length > 0).ToArray();
        var labels = Enumerable.Repeat(-1, items.Count).ToArray();
        if (rows.Length == 0) return labels;
        k = Math.Min(k, rows.Length);

        var random = new Random(seed);
        var centres = PlusPlus(x, rows, k, random);
        var dim = x.Dimensions;
        var norms = new double[k];
        var assign = new int[rows.Length];
        Array.Fill(assign, -1);
        for (var it = 0; it < maxIterations; it++)
        {
            ct.ThrowIfCancellationRequested();
            for (var c = 0; c < k; c++) norms[c] = centres[c].Sum(v => v * v);
            var changed = 0;
            for (var r = 0; r < rows.Length; r++)
            {
                // |x - c|² = |x|² + |c|² - 2x·c, and |x| = 1.
                var best = 0;
                var bestDist = double.MaxValue;
                for (var c = 0; c < k; c++)
                {
                    var dist = norms[c] - 2 * x.Dot(rows[r], centres[c]);
                    if (dist < bestDist) { bestDist = dist; best = c; }
                }
                if (assign[r] != best) { assign[r] = best; changed++; }
            }
            if (changed == 0) break;
            var sizes = new int[k];
            foreach (var c in centres) Array.Clear(c);
            for (var r = 0; r < rows.Length; r++) { x.AddTo(rows[r], centres[assign[r]]); sizes[assign[r]]++; }
            for (var c = 0; c < k; c++)
            {
                if (sizes[c] == 0)
                {
                    // An empty cluster restarts on a random point rather than vanishing.
                    x.AddTo(rows[random.Next(rows.Length)], centres[c]);
                    continue;
                }
                for (var j = 0; j < dim; j++) centres[c][j] /= sizes[c];
            }
        }
        for (var r = 0; r < rows.Length; r++) labels[rows[r]] = assign[r];
        return labels;
    }

    private static double[][] PlusPlus(TfidfVectors x, int[] rows, int k, Random random)
    {
        var centres = new double[k][];
        var nearest = new double[rows.Length];
        Array.Fill(nearest, double.MaxValue);
        var first = rows[random.Next(rows.Length)];
        centres[0] = new double[x.Dimensions];
        x.AddTo(first, centres[0]);
        for (var c = 1; c <= k; c++)
        {
            var prev = centres[c - 1];
            var prevNorm = prev.Sum(v => v * v);
            var total = 0.0;
            for (var r = 0; r < rows.Length; r++)
            {
                var dist = Math.Max(0, 1 + prevNorm - 2 * x.Dot(rows[r], prev));
                if (dist < nearest[r]) nearest[r] = dist;
                total += nearest[r];
            }
            if (c == k) break;
            var u = random.NextDouble() * total;
            var pick = rows.Length - 1;
            for (var r = 0; r < rows.Length; r++)
            {
                u -= nearest[r];
                if (u <= 0) { pick = r; break; }
            }
            centres[c] = new double[x.Dimensions];
            x.AddTo(rows[pick], centres[c]);
        }
        return centres;
    }
}
