using Engage.Methods.Vectors;

namespace Engage.Methods.Clustering;

public sealed record ClusterCountChoice(int K, IReadOnlyDictionary<int, double> SilhouetteByK, int SampleSize);

/// <summary>
/// Chooses how many clusters a set of embeddings holds: k-means for each candidate k on a seeded
/// sample, scored by the mean silhouette (Rousseeuw 1987) under cosine distance; the best-scoring k
/// wins. Unlike a word-count model's estimate, it looks only at the geometry of the vectors, so a
/// longer text (more words, bigger vocabulary) does not inflate the count.
/// </summary>
public static class ClusterCount
{
    public static ClusterCountChoice Choose(VectorSet set, int minK, int maxK, int seed, int sampleSize = 2_000, CancellationToken cancellation = default)
    {
        var rows = Sample(set.Count, sampleSize, seed);
        var sample = set.Subset(rows);
        var n = sample.Count;
        maxK = Math.Min(maxK, n - 1);
        minK = Math.Max(2, Math.Min(minK, maxK));
        if (maxK < 2) return new ClusterCountChoice(1, new Dictionary<int, double>(), n);

        // The sample's cosine matrix once (2,000 x 2,000 floats is 16 MB); every candidate k reuses it.
        var gram = new float[n * n];
        Parallel.For(0, n, i =>
        {
            for (var j = 0; j < n; j++) gram[i * n + j] = VectorMath.Dot(sample[i], sample[j]);
        });

        var scores = new Dictionary<int, double>();
        for (var k = minK; k <= maxK; k++)
        {
            cancellation.ThrowIfCancellationRequested();
            var partition = KMeans.Run(sample, k, Seeds.Mix(seed, k, 0xc0c0), restarts: 2, cancellation: cancellation);
            scores[k] = Silhouette(gram, n, partition.Assignments, k);
        }
        // Ties go to the smaller k: fewer themes are easier for an analyst to review.
        var best = scores.OrderByDescending(s => s.Value).ThenBy(s => s.Key).First().Key;
        return new ClusterCountChoice(best, scores, n);
    }

    /// <summary>Mean silhouette under cosine distance (1 - cos); a row alone in its cluster scores 0.</summary>
    public static double Silhouette(float[] gram, int n, int[] z, int k)
    {
        var sizes = new int[k];
        foreach (var c in z) sizes[c]++;
        var total = 0.0;
        Parallel.For(0, n, () => 0.0, (i, _, local) =>
        {
            var sum = new double[k];
            for (var j = 0; j < n; j++) if (j != i) sum[z[j]] += 1 - gram[i * n + j];
            var own = z[i];
            if (sizes[own] <= 1) return local;
            var a = sum[own] / (sizes[own] - 1);
            var b = double.MaxValue;
            for (var c = 0; c < k; c++) if (c != own && sizes[c] > 0) b = Math.Min(b, sum[c] / sizes[c]);
            if (b == double.MaxValue) return local;
            var s = Math.Max(a, b) == 0 ? 0 : (b - a) / Math.Max(a, b);
            return local + s;
        }, local => { lock (sizes) total += local; });
        return total / n;
    }

    /// <summary>A seeded sample of row numbers, in ascending order (all rows when there are few).</summary>
    public static int[] Sample(int count, int size, int seed)
    {
        if (count <= size) return Enumerable.Range(0, count).ToArray();
        var random = new Random(Seeds.Mix(seed, 0, 0x5a5a));
        var rows = Enumerable.Range(0, count).ToArray();
        for (var i = 0; i < size; i++)
        {
            var j = i + random.Next(count - i);
            (rows[i], rows[j]) = (rows[j], rows[i]);
        }
        var chosen = rows[..size];
        Array.Sort(chosen);
        return chosen;
    }
}
