namespace Engage.Analysis.Reliability;

/// <summary>
/// Krippendorff's alpha = 1 − D_o / D_e, computed from the coincidence matrix as in Krippendorff (2011),
/// "Computing Krippendorff's Alpha-Reliability": any number of coders, missing values, four levels.
/// </summary>
/// <param name="Alpha">Null when undefined: every pairable value is the same, so D_e = 0 (see <see cref="Note"/>).</param>
/// <param name="ObservedDisagreement">D_o = Σ o_ck δ²_ck / n.</param>
/// <param name="ExpectedDisagreement">D_e = Σ n_c n_k δ²_ck / (n (n − 1)): what coders choosing at random from the same values would disagree.</param>
/// <param name="PairableValues">n: the values in units that at least two coders judged.</param>
public sealed record AlphaResult(
    LevelOfMeasurement Level,
    double? Alpha,
    double ObservedDisagreement,
    double ExpectedDisagreement,
    int Coders,
    int Units,
    int PairableUnits,
    int PairableValues,
    string? Note)
{
    public bool IsDefined => Alpha is not null;
}

public static class KrippendorffAlpha
{
    public const string NoVariationNote =
        "Every coder gave every pairable unit the same value, so there is no variation to disagree about: " +
        "expected disagreement is 0 and alpha is undefined (0/0). The coders agree perfectly, but these data " +
        "cannot show that their agreement is better than chance; code units that differ to measure it.";

    public const string NoPairableUnitNote = "No unit was judged by two coders or more, so nothing can be compared.";

    /// <param name="ratings">One row per coder, one column per unit; null where a coder did not judge a unit.</param>
    /// <exception cref="ReliabilityInputException">Fewer than two coders, rows of different lengths, non-numbers,
    /// negative ratio values, or no unit judged by two coders.</exception>
    public static AlphaResult Compute(IReadOnlyList<IReadOnlyList<double?>> ratings, LevelOfMeasurement level)
    {
        var (coders, units) = Ratings.Validate(ratings);
        Ratings.RejectNegativeForRatio(ratings, level);
        var result = Assess(ratings, level, coders, units);
        return result.PairableUnits > 0
            ? result
            : throw new ReliabilityInputException(
                $"No unit was judged by two coders or more (of {units} units): alpha compares coders' values " +
                "within a unit, so at least one unit needs two values.");
    }

    /// <summary>For data already validated; reports an empty result rather than throwing when nothing is pairable.</summary>
    internal static AlphaResult Assess(IReadOnlyList<IReadOnlyList<double?>> ratings, LevelOfMeasurement level, int coders, int units)
    {
        var matrix = CoincidenceMatrix.From(ratings);
        if (matrix.PairableUnits == 0)
            return new AlphaResult(level, null, 0, 0, coders, units, 0, 0, NoPairableUnitNote);

        var delta = DifferenceFunctions.Tabulate(matrix, level);
        double observed = 0, expected = 0;
        for (var c = 0; c < matrix.Values.Length; c++)
            for (var k = 0; k < matrix.Values.Length; k++)
            {
                observed += matrix.Counts[c, k] * delta[c, k];
                expected += matrix.Marginals[c] * matrix.Marginals[k] * delta[c, k];
            }

        var n = matrix.Total;
        var observedDisagreement = observed / n;
        var expectedDisagreement = expected / (n * (n - 1));
        var pairableValues = (int)Math.Round(n);

        return expectedDisagreement == 0
            ? new AlphaResult(level, null, observedDisagreement, 0, coders, units, matrix.PairableUnits, pairableValues, NoVariationNote)
            : new AlphaResult(level, 1 - observedDisagreement / expectedDisagreement, observedDisagreement,
                expectedDisagreement, coders, units, matrix.PairableUnits, pairableValues, null);
    }
}
