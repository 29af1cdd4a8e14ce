using Engage.Analysis.Reliability;

namespace Engage.Analysis.Suggestions;

/// <summary>For one item and code: did Engage suggest it (by whatever rule the caller chose), and did the analyst apply it.</summary>
public sealed record SuggestionDecision(string ItemId, string Code, bool MachineYes, bool HumanYes);

/// <summary>How far Engage's suggestions of one code agree with the analysts'.</summary>
/// <param name="Kappa">Cohen's kappa between machine and human yes/no; its Kappa is null when both always said the same one thing.</param>
/// <param name="Agreement">Share of items where both said yes or both said no.</param>
public sealed record CodeAgreement(
    string Code,
    KappaResult Kappa,
    double Agreement,
    int Items,
    int BothYes,
    int MachineOnly,
    int HumanOnly,
    int BothNo);

/// <param name="Codes">In ordinal order of the codes.</param>
/// <param name="MacroKappa">Mean of the defined per-code kappas, each code counting once however often it is used; null if none is defined.</param>
public sealed record SuggestionAuditReport(IReadOnlyList<CodeAgreement> Codes, double? MacroKappa);

/// <summary>
/// Treats Engage as a second coder and measures, code by code, its chance-corrected agreement with the
/// analysts: this tells an analyst which codes' suggestions can be trusted and which need checking.
/// </summary>
public static class SuggestionAudit
{
    /// <exception cref="ArgumentException">The same item and code appear twice.</exception>
    public static SuggestionAuditReport Assess(IEnumerable<SuggestionDecision> decisions)
    {
        var seen = new HashSet<(string, string)>();
        var byCode = new SortedDictionary<string, List<SuggestionDecision>>(StringComparer.Ordinal);
        foreach (var decision in decisions)
        {
            if (!seen.Add((decision.ItemId, decision.Code)))
                throw new ArgumentException($"Item '{decision.ItemId}' has two decisions for code '{decision.Code}'.", nameof(decisions));
            if (!byCode.TryGetValue(decision.Code, out var list)) byCode[decision.Code] = list = [];
            list.Add(decision);
        }

        var codes = byCode.Select(kv => Agreement(kv.Key, kv.Value)).ToList();
        var defined = codes.Where(c => c.Kappa.IsDefined).Select(c => c.Kappa.Kappa!.Value).ToList();
        return new SuggestionAuditReport(codes, defined.Count > 0 ? defined.Average() : null);
    }

    private static CodeAgreement Agreement(string code, List<SuggestionDecision> decisions)
    {
        double? YesNo(bool yes) => yes ? 1 : 0;
        var kappa = CohenKappa.Assess(
            decisions.Select(d => YesNo(d.MachineYes)).ToList(),
            decisions.Select(d => YesNo(d.HumanYes)).ToList())!;
        int bothYes = 0, machineOnly = 0, humanOnly = 0, bothNo = 0;
        foreach (var d in decisions)
        {
            if (d.MachineYes && d.HumanYes) bothYes++;
            else if (d.MachineYes) machineOnly++;
            else if (d.HumanYes) humanOnly++;
            else bothNo++;
        }
        return new CodeAgreement(code, kappa, (double)(bothYes + bothNo) / decisions.Count, decisions.Count,
            bothYes, machineOnly, humanOnly, bothNo);
    }
}
