namespace Engage.Analysis.Reliability;

/// <summary>
/// Fleiss' (1971) kappa: a fixed number of ratings per unit (not necessarily from the same coders),
/// values treated as nominal categories, chance agreement from the pooled distribution of categories.
/// </summary>
public static class FleissKappa
{
    /// <summary>
    /// From coders-by-units ratings. Fleiss' kappa needs the same number of ratings on every unit, so only
    /// the units every coder judged are used; the result's note says how many were left out.
    /// Krippendorff's alpha uses all pairable units and is the better figure when values are missing.
    /// </summary>
    /// <exception cref="ReliabilityInputException">Fewer than two coders, malformed rows, or no unit judged by every coder.</exception>
    public static KappaResult Compute(IReadOnlyList<IReadOnlyList<double?>> ratings)
    {
        var (coders, units) = Ratings.Validate(ratings);
        return Assess(ratings) ?? throw new ReliabilityInputException(
            $"No unit was judged by all {coders} coders (of {units} units); Fleiss' kappa needs the same number " +
            "of ratings on every unit. Use Krippendorff's alpha for data with missing values.");
    }

    /// <summary>
    /// From a units-by-categories table: counts[i][j] is how many raters put unit i in category j,
    /// and every row must add up to the same number of raters (two or more).
    /// </summary>
    public static KappaResult FromCounts(IReadOnlyList<IReadOnlyList<int>> counts)
    {
        if (counts is null || counts.Count == 0)
            throw new ReliabilityInputException("Fleiss' kappa needs at least one unit.");
        var categories = counts[0].Count;
        var raters = counts[0].Sum();
        for (var unit = 0; unit < counts.Count; unit++)
        {
            if (counts[unit].Count != categories)
                throw new ReliabilityInputException(
                    $"Unit {unit + 1} has {counts[unit].Count} categories but unit 1 has {categories}.");
            if (counts[unit].Any(c => c < 0))
                throw new ReliabilityInputException($"Unit {unit + 1} has a negative count.");
            if (counts[unit].Sum() != raters)
                throw new ReliabilityInputException(
                    $"Unit {unit + 1} has {counts[unit].Sum()} ratings but unit 1 has {raters}: " +
                    "Fleiss' kappa needs the same number of ratings on every unit.");
        }
        if (raters < 2)
            throw new ReliabilityInputException($"Fleiss' kappa needs at least two ratings per unit; each unit has {raters}.");

        return FromValidCounts(counts, categories, raters);
    }

    /// <summary>Null when no unit was judged by every coder.</summary>
    internal static KappaResult? Assess(IReadOnlyList<IReadOnlyList<double?>> ratings)
    {
        var complete = Enumerable.Range(0, ratings[0].Count).Where(unit => ratings.All(row => row[unit] is not null)).ToList();
        if (complete.Count == 0) return null;

        var categories = complete.SelectMany(unit => ratings.Select(row => row[unit]!.Value)).Distinct().Order().ToList();
        var counts = complete
            .Select(unit => categories.Select(category => ratings.Count(row => row[unit] == category)).ToList())
            .ToList<IReadOnlyList<int>>();

        var leftOut = ratings[0].Count - complete.Count;
        var result = FromValidCounts(counts, categories.Count, ratings.Count);
        return leftOut == 0 ? result : result with
        {
            Note = Join($"{leftOut} unit(s) not judged by every coder were left out.", result.Note),
        };
    }

    private static KappaResult FromValidCounts(IReadOnlyList<IReadOnlyList<int>> counts, int categories, int raters)
    {
        var units = counts.Count;
        var pairsPerUnit = raters * (raters - 1.0);
        var meanAgreement = counts.Average(row => (row.Sum(c => (double)c * c) - raters) / pairsPerUnit);
        var expected = Enumerable.Range(0, categories)
            .Select(j => counts.Sum(row => row[j]) / ((double)units * raters))
            .Sum(p => p * p);
        var usedCategories = Enumerable.Range(0, categories).Count(j => counts.Any(row => row[j] > 0));
        return KappaResult.From(meanAgreement, expected, units, usedCategories);
    }

    private static string Join(string first, string? second) => second is null ? first : $"{first} {second}";
}
