namespace Engage.Analysis.Reliability;

/// <summary>A kappa: (P_o − P_e) / (1 − P_e), agreement beyond what chance would give.</summary>
/// <param name="Kappa">Null when undefined: chance alone would give full agreement (P_e = 1), see <see cref="Note"/>.</param>
/// <param name="ObservedAgreement">P_o.</param>
/// <param name="ExpectedAgreement">P_e.</param>
/// <param name="Units">The units the kappa was computed on (see <see cref="Note"/> for units left out).</param>
public sealed record KappaResult(
    double? Kappa,
    double ObservedAgreement,
    double ExpectedAgreement,
    int Units,
    int Categories,
    string? Note)
{
    public bool IsDefined => Kappa is not null;

    internal const string NoVariationNote =
        "Only one category was used, so chance alone would give full agreement (P_e = 1) and kappa is undefined.";

    internal static KappaResult From(double observed, double expected, int units, int categories, string? note = null) =>
        expected >= 1
            ? new KappaResult(null, observed, expected, units, categories, Join(note, NoVariationNote))
            : new KappaResult((observed - expected) / (1 - expected), observed, expected, units, categories, note);

    private static string Join(string? first, string second) => first is null ? second : $"{first} {second}";
}
