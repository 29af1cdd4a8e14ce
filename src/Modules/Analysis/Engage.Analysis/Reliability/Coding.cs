namespace Engage.Analysis.Reliability;

/// <summary>
/// One coder's judgement of whether a code applies to a unit (a contribution, a passage).
/// Coders may record only the codes they applied: a coder who recorded anything on a unit is taken
/// to have said "no" to every code not recorded there, while a coder with no coding on a unit did not
/// judge it (missing). Record Present = false to say "no" on a unit where no code applies.
/// </summary>
public sealed record Coding(string UnitId, string CoderId, string Code, bool Present = true);

public sealed record CoderJudgement(string CoderId, bool Present);

/// <summary>A unit on which the coders who judged a code did not all say the same; for analysts to resolve.</summary>
public sealed record CodeDisagreement(string UnitId, string Code, IReadOnlyList<CoderJudgement> Judgements);

/// <summary>How reliably one code was applied: binary (nominal) alpha over the units at least two coders judged.</summary>
/// <param name="PercentAgreement">Null when no unit was judged by two coders.</param>
/// <param name="CohenKappa">Only with exactly two coders; null otherwise or when they judged no unit in common.</param>
public sealed record CodeReliability(
    string Code,
    AlphaResult Alpha,
    double? PercentAgreement,
    KappaResult? CohenKappa,
    IReadOnlyList<CodeDisagreement> Disagreements);

/// <summary>
/// Per-code reliability and an overall figure. The overall figures treat every (unit, code) pair as one
/// yes/no judgement, so a code applied often weighs more than a rare one.
/// </summary>
/// <param name="Coders">In ordinal order of their ids.</param>
/// <param name="Codes">In ordinal order of the codes.</param>
public sealed record CodingReliabilityReport(
    IReadOnlyList<string> Coders,
    int Units,
    IReadOnlyList<CodeReliability> Codes,
    AlphaResult OverallAlpha,
    double OverallPercentAgreement,
    KappaResult? OverallCohenKappa)
{
    /// <summary>Every disagreement, code by code, units in the order they first appear in the codings.</summary>
    public IEnumerable<CodeDisagreement> Disagreements => Codes.SelectMany(code => code.Disagreements);
}
