using Engage.Methods.Vectors;

namespace Engage.Methods.Clustering;

/// <summary>A partition of a vector set: the cluster of each row, the clusters' unit centres, and the summed cosine of rows to their centres.</summary>
public sealed record Partition(int[] Assignments, VectorSet Centres, double Cohesion)
{
    public int K => Centres.Count;
}

/// <summary>
/// Spherical k-means (cosine) over unit vectors, started with k-means++ and run from several seeded
/// restarts, the most cohesive kept. Reproducible: the same rows, k and seed give the same partition
/// whatever the number of threads, because each row's assignment is independent and centres are
/// summed in row order.
/// </summary>
public static class KMeans
{
    public static Partition Run(VectorSet set, int k, int seed, int restarts = 4, int maxIterations = 50, CancellationToken cancellation = default)
    {
        if (set.Count == 0) throw new ArgumentException("There are no vectors to cluster.");
        if (k < 1) throw new ArgumentOutOfRangeException(nameof(k), "k must be at least 1.");
        k = Math.Min(k, set.Count);
        Partition? best = null;
        for (var r = 0; r < Math.Max(1, restarts); r++)
        {
            var run = Once(set, k, new Random(Seeds.Mix(seed, r)), maxIterations, cancellation);
            // Ties break on the restart number, never on timing.
            if (best is null || run.Cohesion > best.Cohesion) best = run;
        }
        return best!;
    }

    private static Partition Once(VectorSet set, int k, Random random, int maxIterations, CancellationToken cancellation)
    {
        var centres = SeedPlusPlus(set, k, random);
        var z = new int[set.Count];
        Array.Fill(z, -1);
        var fit = new float[set.Count];
        for (var it = 0; it < maxIterations; it++)
        {
            cancellation.ThrowIfCancellationRequested();
            var changed = Assign(set, centres, z, fit);
            if (changed == 0 && it > 0) break;
            centres = Centres(set, z, k, fit);
        }
        Assign(set, centres, z, fit);
        double cohesion = 0;
        foreach (var f in fit) cohesion += f;
        return new Partition(z, centres, cohesion);
    }

    /// <summary>Each row to its most similar centre; returns how many rows moved.</summary>
    public static int Assign(VectorSet set, VectorSet centres, int[] z, float[] fit)
    {
        var changed = 0;
        Parallel.For(0, set.Count, () => 0, (i, _, local) =>
        {
            var row = set[i];
            var best = 0;
            var bestSim = float.MinValue;
            for (var c = 0; c < centres.Count; c++)
            {
                var s = VectorMath.Dot(row, centres[c]);
                if (s > bestSim) { bestSim = s; best = c; }
            }
            fit[i] = bestSim;
            if (z[i] != best) { z[i] = best; local++; }
            return local;
        }, local => Interlocked.Add(ref changed, local));
        return changed;
    }

    /// <summary>Mean direction of each cluster; an emptied cluster restarts on the row that fits its own centre worst (deterministic).</summary>
    private static VectorSet Centres(VectorSet set, int[] z, int k, float[] fit)
    {
        var centres = new VectorSet(k, set.Dimensions);
        var sizes = new int[k];
        for (var i = 0; i < set.Count; i++)
        {
            sizes[z[i]]++;
            VectorMath.Add(centres.Row(z[i]), set[i]);
        }
        var taken = new HashSet<int>();
        for (var c = 0; c < k; c++)
        {
            if (sizes[c] > 0) continue;
            var worst = -1;
            for (var i = 0; i < set.Count; i++)
                if (!taken.Contains(i) && sizes[z[i]] > 1 && (worst < 0 || fit[i] < fit[worst])) worst = i;
            if (worst < 0) continue;
            taken.Add(worst);
            set[worst].CopyTo(centres.Row(c));
        }
        for (var c = 0; c < k; c++) VectorMath.Normalize(centres.Row(c));
        return centres;
    }

    /// <summary>k-means++ (Arthur and Vassilvitskii 2007): each new centre drawn in proportion to the squared distance to the nearest chosen one.</summary>
    private static VectorSet SeedPlusPlus(VectorSet set, int k, Random random)
    {
        var centres = new VectorSet(k, set.Dimensions);
        var first = random.Next(set.Count);
        set[first].CopyTo(centres.Row(0));
        var nearest = new double[set.Count];
        for (var i = 0; i < set.Count; i++) nearest[i] = Distance(set[i], set[first]);
        for (var c = 1; c < k; c++)
        {
            double total = 0;
            foreach (var d in nearest) total += d;
            var pick = set.Count - 1;
            if (total > 0)
            {
                var u = random.NextDouble() * total;
                for (var i = 0; i < set.Count; i++)
                {
                    u -= nearest[i];
                    if (u <= 0) { pick = i; break; }
                }
            }
            else pick = random.Next(set.Count);
            set[pick].CopyTo(centres.Row(c));
            var centre = centres[c].ToArray();
            Parallel.For(0, set.Count, i => nearest[i] = Math.Min(nearest[i], Distance(set[i], centre)));
        }
        return centres;
    }

    /// <summary>Squared Euclidean distance between unit vectors: 2 - 2 cos.</summary>
    private static double Distance(ReadOnlySpan<float> a, ReadOnlySpan<float> b) => Math.Max(0, 2 - 2 * VectorMath.Dot(a, b));
}

/// <summary>Stable seeds for streams derived from one seed (HashCode is randomised per process, so it cannot serve).</summary>
public static class Seeds
{
    public static int Mix(int seed, int stream, int salt = 0x5eed)
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
}
