namespace Engage.Analysis.Reliability;

/// <summary>How the values coders assign relate to one another; it decides how much two different values disagree.</summary>
public enum LevelOfMeasurement
{
    /// <summary>Categories with no order: two values either match or they do not.</summary>
    Nominal,
    /// <summary>Ranked values: disagreement grows with how many coded values lie between them.</summary>
    Ordinal,
    /// <summary>Equal steps: disagreement is the squared difference.</summary>
    Interval,
    /// <summary>Equal steps from an absolute zero: disagreement is relative to the size of the values.</summary>
    Ratio,
}

public static class LevelsOfMeasurement
{
    /// <summary>Reads "nominal", "ordinal", "interval" or "ratio" (any case), as an HTTP request would send it.</summary>
    public static LevelOfMeasurement Parse(string? level) =>
        Enum.TryParse<LevelOfMeasurement>(level?.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : throw new ReliabilityInputException(
                $"Unknown level of measurement '{level}': use nominal, ordinal, interval or ratio.");
}
