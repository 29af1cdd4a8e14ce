namespace Engage.Analysis.Reliability;

/// <summary>
/// The share of coder pairs that gave a unit the same value, averaged over pairable units
/// (each unit counts once, however many coders judged it). With two coders and no missing values
/// this is the plain proportion of units they agreed on. It ignores chance agreement: report it
/// beside alpha, never instead of it.
/// </summary>
public static class PercentAgreement
{
    /// <exception cref="ReliabilityInputException">Fewer than two coders, malformed rows, or no unit judged by two coders.</exception>
    public static double Compute(IReadOnlyList<IReadOnlyList<double?>> ratings)
    {
        var (_, units) = Ratings.Validate(ratings);
        return Assess(ratings) ?? throw new ReliabilityInputException(
            $"No unit was judged by two coders or more (of {units} units), so no agreement can be counted.");
    }

    /// <summary>Null when no unit is pairable.</summary>
    internal static double? Assess(IReadOnlyList<IReadOnlyList<double?>> ratings)
    {
        var sum = 0.0;
        var pairableUnits = 0;
        var values = new double[ratings.Count];
        for (var unit = 0; unit < ratings[0].Count; unit++)
        {
            var m = 0;
            foreach (var row in ratings)
                if (row[unit] is { } value) values[m++] = value;
            if (m < 2) continue;

            var agreeing = 0;
            for (var i = 0; i < m; i++)
                for (var j = i + 1; j < m; j++)
                    if (values[i] == values[j]) agreeing++;
            sum += agreeing / (m * (m - 1) / 2.0);
            pairableUnits++;
        }
        return pairableUnits == 0 ? null : sum / pairableUnits;
    }
}
