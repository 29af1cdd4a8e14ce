namespace Engage.Analysis.Reliability;

/// <summary>
/// Reliability of a codebook's application: for each code, binary alpha (and Cohen's kappa with two coders),
/// the pooled figure over all codes, and the units on which coders disagreed so analysts can resolve them.
/// </summary>
public static class CodingReliability
{
    /// <exception cref="ReliabilityInputException">Fewer than two coders, a contradictory coding, or no unit
    /// judged by two coders for any code.</exception>
    public static CodingReliabilityReport Assess(IEnumerable<Coding> codings)
    {
        var table = JudgementTable.From(codings);
        if (table.Coders.Count < 2)
            throw new ReliabilityInputException(
                $"Reliability needs at least two coders; the codings come from {table.Coders.Count}.");

        var codes = Enumerable.Range(0, table.Codes.Count).Select(code => ForCode(table, code)).ToList();

        var pooled = table.PooledRatings();
        var overall = KrippendorffAlpha.Assess(pooled, LevelOfMeasurement.Nominal, table.Coders.Count, pooled[0].Count);
        if (overall.PairableUnits == 0)
            throw new ReliabilityInputException(
                $"No unit was coded by two coders or more (of {table.Units.Count} units), so the coders cannot be compared.");

        return new CodingReliabilityReport(
            table.Coders,
            table.Units.Count,
            codes,
            overall,
            PercentAgreement.Assess(pooled)!.Value,
            table.Coders.Count == 2 ? CohenKappa.Assess(pooled[0], pooled[1]) : null);
    }

    private static CodeReliability ForCode(JudgementTable table, int code)
    {
        var ratings = table.Ratings(code);
        return new CodeReliability(
            table.Codes[code],
            KrippendorffAlpha.Assess(ratings, LevelOfMeasurement.Nominal, table.Coders.Count, table.Units.Count),
            PercentAgreement.Assess(ratings),
            table.Coders.Count == 2 ? CohenKappa.Assess(ratings[0], ratings[1]) : null,
            table.Disagreements(code));
    }
}
