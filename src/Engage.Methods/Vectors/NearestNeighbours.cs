namespace Engage.Methods.Vectors;

public readonly record struct Neighbour(int Index, float Similarity);

/// <summary>
/// Exact nearest neighbours by cosine over unit vectors: a brute-force scan with SIMD dot products.
/// At 100,000 x 384 one query is about 38 million multiply-adds, a few milliseconds on one core, so no
/// approximate index (and none of its recall loss) is needed at Engage's sizes.
/// </summary>
public static class NearestNeighbours
{
    /// <summary>The <paramref name="take"/> rows most similar to <paramref name="query"/> at or above <paramref name="minimum"/>, best first; ties go to the lower index.</summary>
    public static IReadOnlyList<Neighbour> Find(VectorSet set, ReadOnlySpan<float> query, int take, float minimum = float.MinValue, Func<int, bool>? include = null)
    {
        if (take <= 0 || set.Count == 0) return [];
        if (query.Length != set.Dimensions) throw new ArgumentException($"The query has {query.Length} dimensions, the set {set.Dimensions}.");
        // A small sorted buffer beats a heap for the handful of neighbours a page shows.
        var best = new List<Neighbour>(take + 1);
        for (var i = 0; i < set.Count; i++)
        {
            var s = VectorMath.Dot(set[i], query);
            if (s < minimum || (best.Count == take && s <= best[^1].Similarity)) continue;
            if (include is not null && !include(i)) continue;
            var at = best.Count;
            while (at > 0 && best[at - 1].Similarity < s) at--;
            best.Insert(at, new Neighbour(i, s));
            if (best.Count > take) best.RemoveAt(take);
        }
        return best;
    }
}
