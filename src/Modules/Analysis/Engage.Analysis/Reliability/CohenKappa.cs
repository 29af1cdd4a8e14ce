namespace Engage.Analysis.Reliability;

/// <summary>
/// Cohen's (1960) kappa for exactly two coders, on the units both of them judged. Values are treated as
/// nominal categories; chance agreement uses each coder's own distribution of categories.
/// </summary>
public static class CohenKappa
{
    /// <param name="ratings">Exactly two rows, one per coder; null where a coder did not judge a unit.</param>
    /// <exception cref="ReliabilityInputException">Not exactly two coders, malformed rows, or no unit both coders judged.</exception>
    public static KappaResult Compute(IReadOnlyList<IReadOnlyList<double?>> ratings)
    {
        var (coders, units) = Ratings.Validate(ratings);
        if (coders != 2)
            throw new ReliabilityInputException(
                $"Cohen's kappa compares exactly two coders; {coders} were given. Use Fleiss' kappa or Krippendorff's alpha.");
        return Assess(ratings[0], ratings[1]) ?? throw new ReliabilityInputException(
            $"The two coders judged no unit in common (of {units} units), so Cohen's kappa cannot be computed.");
    }

    public static KappaResult Compute(IReadOnlyList<double?> first, IReadOnlyList<double?> second) =>
        Compute([first, second]);

    /// <summary>Null when the coders share no unit.</summary>
    internal static KappaResult? Assess(IReadOnlyList<double?> first, IReadOnlyList<double?> second)
    {
        var firstCounts = new Dictionary<double, int>();
        var secondCounts = new Dictionary<double, int>();
        int units = 0, agreeing = 0;
        for (var unit = 0; unit < first.Count; unit++)
        {
            if (first[unit] is not { } a || second[unit] is not { } b) continue;
            units++;
            if (a == b) agreeing++;
            firstCounts[a] = firstCounts.GetValueOrDefault(a) + 1;
            secondCounts[b] = secondCounts.GetValueOrDefault(b) + 1;
        }
        if (units == 0) return null;

        var expected = 0.0;
        foreach (var (category, count) in firstCounts)
            expected += (double)count / units * secondCounts.GetValueOrDefault(category) / units;
        var categories = firstCounts.Keys.Union(secondCounts.Keys).Count();
        return KappaResult.From((double)agreeing / units, expected, units, categories);
    }
}
