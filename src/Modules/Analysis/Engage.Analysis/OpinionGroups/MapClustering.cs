namespace Engage.Analysis.OpinionGroups;

/// <summary>k-means on the 2-D opinion map for each k in a range, keeping the k with the best mean silhouette.</summary>
internal static class MapClustering
{
    private const int Restarts = 10;

    public static (int[] Labels, int K, double Silhouette) Choose(double[,] points, int minK, int maxK, int seed, CancellationToken ct)
    {
        var n = points.GetLength(0);
        if (n < 3) return (new int[n], 1, 0);
        minK = Math.Max(2, minK);
        maxK = Math.Min(maxK, n - 1);
        if (maxK < minK) return (new int[n], 1, 0);

        (int[] Labels, int K, double Silhouette) best = (new int[n], 1, double.NegativeInfinity);
        for (var k = minK; k <= maxK; k++)
        {
            ct.ThrowIfCancellationRequested();
            var labels = KMeans(points, k, seed);
            var s = Silhouette(points, labels, k, seed);
            // Strictly better only: on a tie the simpler answer (fewer groups) stands.
            if (s > best.Silhouette + 1e-12) best = (labels, k, s);
        }
        return (Relabel(best.Labels, best.K), best.K, best.Silhouette);
    }

    /// <summary>Best (least within-group spread) of several seeded k-means++ runs.</summary>
    private static int[] KMeans(double[,] x, int k, int seed)
    {
        var n = x.GetLength(0);
        int[]? bestLabels = null;
        var bestInertia = double.MaxValue;
        for (var run = 0; run < Restarts; run++)
        {
            var random = new Random(seed * 7919 + k * 104729 + run);
            var cx = new double[k];
            var cy = new double[k];
            var first = random.Next(n);
            cx[0] = x[first, 0];
            cy[0] = x[first, 1];
            var nearest = new double[n];
            for (var i = 0; i < n; i++) nearest[i] = Sq(x[i, 0] - cx[0], x[i, 1] - cy[0]);
            for (var c = 1; c < k; c++)
            {
                var total = nearest.Sum();
                var u = random.NextDouble() * total;
                var pick = n - 1;
                for (var i = 0; i < n; i++)
                {
                    u -= nearest[i];
                    if (u <= 0) { pick = i; break; }
                }
                cx[c] = x[pick, 0];
                cy[c] = x[pick, 1];
                for (var i = 0; i < n; i++) nearest[i] = Math.Min(nearest[i], Sq(x[i, 0] - cx[c], x[i, 1] - cy[c]));
            }

            var labels = new int[n];
            Array.Fill(labels, -1);
            var inertia = 0.0;
            for (var it = 0; it < 300; it++)
            {
                var changed = false;
                inertia = 0;
                for (var i = 0; i < n; i++)
                {
                    var b = 0;
                    var bd = double.MaxValue;
                    for (var c = 0; c < k; c++)
                    {
                        var d = Sq(x[i, 0] - cx[c], x[i, 1] - cy[c]);
                        if (d < bd) { bd = d; b = c; }
                    }
                    inertia += bd;
                    if (labels[i] != b) { labels[i] = b; changed = true; }
                }
                if (!changed) break;
                var sx = new double[k];
                var sy = new double[k];
                var size = new int[k];
                for (var i = 0; i < n; i++) { sx[labels[i]] += x[i, 0]; sy[labels[i]] += x[i, 1]; size[labels[i]]++; }
                for (var c = 0; c < k; c++)
                    if (size[c] > 0) { cx[c] = sx[c] / size[c]; cy[c] = sy[c] / size[c]; }
            }
            if (inertia < bestInertia - 1e-12) { bestInertia = inertia; bestLabels = labels; }
        }
        return bestLabels!;
    }

    /// <summary>Participants whose silhouette is averaged: all of them up to this many, else a seeded sample of this size.</summary>
    internal const int SilhouetteSample = 3_000;

    /// <summary>
    /// Mean silhouette (Rousseeuw 1987); a participant alone in a group scores 0. Exact up to
    /// <see cref="SilhouetteSample"/> participants; beyond, the mean over a seeded sample of them (each still
    /// measured against everyone), since the exact mean costs n² distances per k.
    /// </summary>
    internal static double Silhouette(double[,] x, int[] labels, int k, int seed = 1)
    {
        var n = x.GetLength(0);
        var size = new int[k];
        foreach (var l in labels) size[l]++;
        if (size.Count(s => s > 0) < 2) return 0;
        var measured = Enumerable.Range(0, n).ToArray();
        if (n > SilhouetteSample)
        {
            new Random(seed).Shuffle(measured);
            measured = measured[..SilhouetteSample];
        }
        var sums = new double[k];
        var total = 0.0;
        foreach (var i in measured)
        {
            Array.Clear(sums);
            for (var j = 0; j < n; j++)
                if (j != i) sums[labels[j]] += Math.Sqrt(Sq(x[i, 0] - x[j, 0], x[i, 1] - x[j, 1]));
            var own = labels[i];
            if (size[own] <= 1) continue;
            var a = sums[own] / (size[own] - 1);
            var b = double.MaxValue;
            for (var c = 0; c < k; c++)
                if (c != own && size[c] > 0) b = Math.Min(b, sums[c] / size[c]);
            var denom = Math.Max(a, b);
            total += denom > 0 ? (b - a) / denom : 0;
        }
        return total / measured.Length;
    }

    /// <summary>Groups numbered by size, largest first (then by first member), so numbering does not depend on the k-means start.</summary>
    private static int[] Relabel(int[] labels, int k)
    {
        var order = Enumerable.Range(0, k)
            .Select(c => (c, size: labels.Count(l => l == c), first: Array.IndexOf(labels, c)))
            .Where(t => t.size > 0)
            .OrderByDescending(t => t.size).ThenBy(t => t.first)
            .Select((t, i) => (t.c, i)).ToDictionary(t => t.c, t => t.i);
        return labels.Select(l => order[l]).ToArray();
    }

    private static double Sq(double dx, double dy) => dx * dx + dy * dy;
}
