namespace Engage.Analysis.Reliability;

/// <summary>
/// Checks on reliability data in its canonical form: one row per coder, one column per unit,
/// null where a coder did not judge a unit.
/// </summary>
internal static class Ratings
{
    public static (int Coders, int Units) Validate(IReadOnlyList<IReadOnlyList<double?>>? ratings)
    {
        if (ratings is null || ratings.Count < 2)
            throw new ReliabilityInputException(
                $"Reliability needs at least two coders; {ratings?.Count ?? 0} coder row(s) were given.");

        var units = ratings[0]?.Count ?? 0;
        for (var coder = 0; coder < ratings.Count; coder++)
        {
            var row = ratings[coder] ?? throw new ReliabilityInputException($"Coder {coder + 1} has no row of ratings.");
            if (row.Count != units)
                throw new ReliabilityInputException(
                    $"Coder {coder + 1} has {row.Count} ratings but coder 1 has {units}: every coder's row must cover " +
                    "the same units, with null where a coder did not judge a unit.");
            for (var unit = 0; unit < units; unit++)
                if (row[unit] is { } value && !double.IsFinite(value))
                    throw new ReliabilityInputException($"Coder {coder + 1}, unit {unit + 1}: {value} is not a number.");
        }
        return (ratings.Count, units);
    }

    public static void RejectNegativeForRatio(IReadOnlyList<IReadOnlyList<double?>> ratings, LevelOfMeasurement level)
    {
        if (level != LevelOfMeasurement.Ratio) return;
        for (var coder = 0; coder < ratings.Count; coder++)
            for (var unit = 0; unit < ratings[coder].Count; unit++)
                if (ratings[coder][unit] < 0)
                    throw new ReliabilityInputException(
                        $"Coder {coder + 1}, unit {unit + 1}: {ratings[coder][unit]} is negative, " +
                        "but ratio data start from an absolute zero. Use the interval level instead.");
    }

    /// <summary>How many coders judged the unit: a unit needs two to be pairable.</summary>
    public static int ValuesIn(IReadOnlyList<IReadOnlyList<double?>> ratings, int unit)
    {
        var count = 0;
        for (var coder = 0; coder < ratings.Count; coder++)
            if (ratings[coder][unit] is not null) count++;
        return count;
    }
}
