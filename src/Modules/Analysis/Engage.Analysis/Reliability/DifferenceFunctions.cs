namespace Engage.Analysis.Reliability;

/// <summary>
/// The squared differences δ²(c, k) of Krippendorff (2011), one per level of measurement,
/// tabulated over the values present in the coincidence matrix.
/// </summary>
internal static class DifferenceFunctions
{
    public static double[,] Tabulate(CoincidenceMatrix matrix, LevelOfMeasurement level)
    {
        var values = matrix.Values;
        var table = new double[values.Length, values.Length];
        var ranks = level == LevelOfMeasurement.Ordinal ? CumulativeMarginals(matrix.Marginals) : null;

        for (var c = 0; c < values.Length; c++)
            for (var k = c + 1; k < values.Length; k++)
                table[c, k] = table[k, c] = level switch
                {
                    LevelOfMeasurement.Nominal => 1.0,
                    LevelOfMeasurement.Ordinal => Ordinal(ranks!, matrix.Marginals, c, k),
                    LevelOfMeasurement.Interval => Square(values[c] - values[k]),
                    LevelOfMeasurement.Ratio => Ratio(values[c], values[k]),
                    _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
                };
        return table;
    }

    /// <summary>
    /// (Σ_{g=c..k} n_g − (n_c + n_k) / 2)²: two ranks differ by how many coded values lie between them,
    /// counting each end half, so ordinal alpha depends on the order of the values and not their spacing.
    /// </summary>
    private static double Ordinal(double[] cumulative, double[] marginals, int c, int k)
    {
        var between = cumulative[k + 1] - cumulative[c];
        return Square(between - (marginals[c] + marginals[k]) / 2);
    }

    /// <summary>((c − k) / (c + k))²; two zeros do not differ.</summary>
    private static double Ratio(double c, double k) => c + k == 0 ? 0 : Square((c - k) / (c + k));

    /// <summary>cumulative[i] = n_0 + … + n_(i−1), so a run g = c..k sums to cumulative[k+1] − cumulative[c].</summary>
    private static double[] CumulativeMarginals(double[] marginals)
    {
        var cumulative = new double[marginals.Length + 1];
        for (var g = 0; g < marginals.Length; g++) cumulative[g + 1] = cumulative[g] + marginals[g];
        return cumulative;
    }

    private static double Square(double x) => x * x;
}
