namespace Engage.Analysis.Reliability;

/// <summary>
/// Krippendorff's coincidence matrix: how often each value was paired with each other value by
/// different coders of the same unit. Each pairable unit (two values or more) contributes
/// m_u (m_u - 1) ordered pairs, each weighted 1 / (m_u - 1), so every pairable value counts once.
/// Units with fewer than two values cannot be paired and are left out entirely, as the method requires.
/// </summary>
internal sealed class CoincidenceMatrix
{
    /// <summary>The distinct pairable values, ascending; the matrix rows and columns follow this order.</summary>
    public double[] Values { get; }
    /// <summary>o_ck.</summary>
    public double[,] Counts { get; }
    /// <summary>n_c: how many pairable values equal Values[c] (the row sums of the matrix).</summary>
    public double[] Marginals { get; }
    /// <summary>n: all pairable values.</summary>
    public double Total { get; }
    public int PairableUnits { get; }

    private CoincidenceMatrix(double[] values, double[,] counts, double[] marginals, double total, int pairableUnits)
    {
        Values = values;
        Counts = counts;
        Marginals = marginals;
        Total = total;
        PairableUnits = pairableUnits;
    }

    public static CoincidenceMatrix From(IReadOnlyList<IReadOnlyList<double?>> ratings)
    {
        var coders = ratings.Count;
        var units = ratings[0].Count;
        var values = DistinctPairableValues(ratings);
        var counts = new double[values.Length, values.Length];
        var inUnit = new int[coders];
        var pairableUnits = 0;

        for (var unit = 0; unit < units; unit++)
        {
            var m = 0;
            for (var coder = 0; coder < coders; coder++)
                if (ratings[coder][unit] is { } value)
                    inUnit[m++] = Array.BinarySearch(values, value);
            if (m < 2) continue;

            pairableUnits++;
            var weight = 1.0 / (m - 1);
            for (var i = 0; i < m; i++)
                for (var j = 0; j < m; j++)
                    if (i != j) counts[inUnit[i], inUnit[j]] += weight;
        }

        var marginals = new double[values.Length];
        var total = 0.0;
        for (var c = 0; c < values.Length; c++)
        {
            for (var k = 0; k < values.Length; k++) marginals[c] += counts[c, k];
            total += marginals[c];
        }
        return new CoincidenceMatrix(values, counts, marginals, total, pairableUnits);
    }

    private static double[] DistinctPairableValues(IReadOnlyList<IReadOnlyList<double?>> ratings)
    {
        var distinct = new HashSet<double>();
        for (var unit = 0; unit < ratings[0].Count; unit++)
        {
            if (Ratings.ValuesIn(ratings, unit) < 2) continue;
            foreach (var row in ratings)
                if (row[unit] is { } value) distinct.Add(value == 0 ? 0 : value); // one zero, not +0 and -0
        }
        var values = distinct.ToArray();
        Array.Sort(values);
        return values;
    }
}
