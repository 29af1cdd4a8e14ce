namespace Engage.Analysis.Reliability;

/// <summary>Labelled ratings turned into numbers: Ratings holds, for each value, its index in Labels.</summary>
public sealed record LabelledRatings(IReadOnlyList<IReadOnlyList<double?>> Ratings, IReadOnlyList<string> Labels);

/// <summary>
/// Lets coders' categories be words ("agree", "neutral", …) while the engine works on numbers.
/// </summary>
public static class CategoryLabels
{
    /// <summary>
    /// Maps each label to a number. Without an order the labels are numbered alphabetically, which is
    /// only meaningful for nominal alpha. For ordinal alpha pass the labels in rank order: each becomes its
    /// rank, and ordinal alpha depends only on that order. Interval and ratio need real numbers, not labels.
    /// </summary>
    /// <param name="labels">One row per coder, one column per unit; null or empty where a coder did not judge a unit.</param>
    /// <param name="order">The labels from lowest to highest rank, if they have one.</param>
    public static LabelledRatings ToRatings(IReadOnlyList<IReadOnlyList<string?>> labels, IReadOnlyList<string>? order = null)
    {
        var used = labels.SelectMany(row => row).Where(label => !string.IsNullOrEmpty(label)).Select(label => label!);
        var known = order ?? used.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var label in known)
            if (!index.TryAdd(label, index.Count))
                throw new ReliabilityInputException($"The label '{label}' appears twice in the order given.");

        var ratings = labels
            .Select(row => (IReadOnlyList<double?>)row.Select(label => ValueOf(label, index)).ToList())
            .ToList();
        return new LabelledRatings(ratings, known.ToList());
    }

    private static double? ValueOf(string? label, Dictionary<string, int> index) =>
        string.IsNullOrEmpty(label) ? null
        : index.TryGetValue(label, out var value) ? value
        : throw new ReliabilityInputException($"The label '{label}' is not in the order given.");
}
