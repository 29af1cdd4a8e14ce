namespace Engage.Analysis.Reliability;

/// <summary>Every figure the engine can give for one set of coders-by-units ratings.</summary>
/// <param name="KrippendorffAlpha">Null when undefined (no variation); <see cref="Notes"/> says why.</param>
/// <param name="CohenKappa">Only with exactly two coders; values treated as nominal categories.</param>
/// <param name="FleissKappa">Only on the units every coder judged; null when there are none. Values treated as nominal categories.</param>
/// <param name="Units">All units given, pairable or not.</param>
public sealed record ReliabilitySummary(
    LevelOfMeasurement Level,
    double? KrippendorffAlpha,
    double PercentAgreement,
    double? CohenKappa,
    double? FleissKappa,
    int Units,
    int PairableUnits,
    int Coders,
    IReadOnlyList<string> Notes);

public static class RatingsReliability
{
    /// <param name="ratings">One row per coder, one column per unit; null where a coder did not judge a unit.</param>
    /// <exception cref="ReliabilityInputException">Fewer than two coders, malformed rows, negative ratio values,
    /// or no unit judged by two coders.</exception>
    public static ReliabilitySummary Summarise(IReadOnlyList<IReadOnlyList<double?>> ratings, LevelOfMeasurement level)
    {
        var alpha = KrippendorffAlpha.Compute(ratings, level);
        var cohen = ratings.Count == 2 ? CohenKappa.Assess(ratings[0], ratings[1]) : null;
        var fleiss = FleissKappa.Assess(ratings);

        var notes = new List<string>();
        if (alpha.Note is not null) notes.Add($"Krippendorff's alpha: {alpha.Note}");
        if (cohen?.Note is not null) notes.Add($"Cohen's kappa: {cohen.Note}");
        if (fleiss is null) notes.Add("Fleiss' kappa: no unit was judged by every coder.");
        else if (fleiss.Note is not null) notes.Add($"Fleiss' kappa: {fleiss.Note}");

        return new ReliabilitySummary(
            level,
            alpha.Alpha,
            PercentAgreement.Assess(ratings)!.Value,
            cohen?.Kappa,
            fleiss?.Kappa,
            alpha.Units,
            alpha.PairableUnits,
            alpha.Coders,
            notes);
    }
}
