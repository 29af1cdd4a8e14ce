namespace Engage.Analysis.Discovery;

/// <summary>
/// k-means on the unit sphere (cosine similarity) over TF-IDF rows, started with greedy k-means++.
/// Idf weighting lets rare, telling words shape the first partition; the mixture model then
/// refines it. Centres are stored word-major so scoring a text against every centre reads memory in order.
/// </summary>
internal static class SphericalKMeans
{
    public sealed record Partition(int[] Assignments, double Cohesion);

    /// <summary>Clusters the rows that have terms; others get -1. Cohesion is the summed cosine of texts to their centres.</summary>
    public static Partition Run(TfidfVectors x, int k, Random random, int maxIterations, CancellationToken ct)
    {
        var n = x.Indices.Length;
        var rows = Enumerable.Range(0, n).Where(d => x.Indices[d].Length > 0).ToArray();
        var z = Enumerable.Repeat(-1, n).ToArray();
        k = Math.Min(k, rows.Length);
        var centres = new double[x.Dimensions * k];
        Seed(x, rows, k, centres, random);

        var sims = new double[k];
        var cohesion = 0.0;
        for (var it = 0; it < maxIterations; it++)
        {
            ct.ThrowIfCancellationRequested();
            var changed = 0;
            cohesion = 0;
            var weakest = -1;
            var weakestSim = double.MaxValue;
            foreach (var d in rows)
            {
                Similarities(x, d, centres, k, sims);
                var best = 0;
                for (var c = 1; c < k; c++) if (sims[c] > sims[best]) best = c;
                cohesion += sims[best];
                if (sims[best] < weakestSim) { weakestSim = sims[best]; weakest = d; }
                if (z[d] != best) { z[d] = best; changed++; }
            }
            if (changed == 0) break;
            Update(x, rows, z, k, centres, weakest);
        }
        return new Partition(z, cohesion);
    }

    private static void Similarities(TfidfVectors x, int d, double[] centres, int k, double[] sims)
    {
        Array.Clear(sims);
        var idx = x.Indices[d];
        var val = x.Values[d];
        for (var i = 0; i < idx.Length; i++)
        {
            var row = idx[i] * k;
            var v = val[i];
            for (var c = 0; c < k; c++) sims[c] += v * centres[row + c];
        }
    }

    private static void Update(TfidfVectors x, int[] rows, int[] z, int k, double[] centres, int weakest)
    {
        Array.Clear(centres);
        var sizes = new int[k];
        foreach (var d in rows)
        {
            sizes[z[d]]++;
            AddColumn(x, d, centres, k, z[d]);
        }
        for (var c = 0; c < k; c++)
        {
            // An emptied centre restarts on the text that fits its own centre worst, a deterministic choice.
            if (sizes[c] == 0) AddColumn(x, weakest, centres, k, c);
        }
        var norms = new double[k];
        for (var i = 0; i < centres.Length; i++) norms[i % k] += centres[i] * centres[i];
        for (var c = 0; c < k; c++) norms[c] = norms[c] > 0 ? 1 / Math.Sqrt(norms[c]) : 0;
        for (var i = 0; i < centres.Length; i++) centres[i] *= norms[i % k];
    }

    private static void AddColumn(TfidfVectors x, int d, double[] centres, int k, int c)
    {
        var idx = x.Indices[d];
        var val = x.Values[d];
        for (var i = 0; i < idx.Length; i++) centres[idx[i] * k + c] += val[i];
    }

    /// <summary>Greedy k-means++: of a few candidates drawn in proportion to distance, keep the one that lowers the total most.</summary>
    private static void Seed(TfidfVectors x, int[] rows, int k, double[] centres, Random random)
    {
        var trials = 2 + (int)Math.Log(k);
        var nearest = new double[rows.Length];
        var first = rows[random.Next(rows.Length)];
        for (var r = 0; r < rows.Length; r++) nearest[r] = Distance(x, rows[r], first);
        AddColumn(x, first, centres, k, 0);
        var candidate = new double[rows.Length];
        var bestCandidate = new double[rows.Length];
        for (var c = 1; c < k; c++)
        {
            var total = nearest.Sum();
            var bestPotential = double.MaxValue;
            var bestDoc = -1;
            for (var t = 0; t < trials; t++)
            {
                var u = random.NextDouble() * total;
                var pick = rows.Length - 1;
                for (var r = 0; r < rows.Length; r++)
                {
                    u -= nearest[r];
                    if (u <= 0) { pick = r; break; }
                }
                var potential = 0.0;
                for (var r = 0; r < rows.Length; r++)
                {
                    candidate[r] = Math.Min(nearest[r], Distance(x, rows[r], rows[pick]));
                    potential += candidate[r];
                }
                if (potential < bestPotential)
                {
                    bestPotential = potential;
                    bestDoc = rows[pick];
                    (bestCandidate, candidate) = (candidate, bestCandidate);
                }
            }
            Array.Copy(bestCandidate, nearest, nearest.Length);
            AddColumn(x, bestDoc, centres, k, c);
        }
    }

    /// <summary>1 - cosine between two unit rows (both sorted by word id).</summary>
    private static double Distance(TfidfVectors x, int a, int b)
    {
        var ia = x.Indices[a];
        var ib = x.Indices[b];
        var va = x.Values[a];
        var vb = x.Values[b];
        double dot = 0;
        for (int i = 0, j = 0; i < ia.Length && j < ib.Length;)
        {
            if (ia[i] == ib[j]) dot += va[i++] * vb[j++];
            else if (ia[i] < ib[j]) i++;
            else j++;
        }
        return Math.Max(0, 1 - dot);
    }
}
