namespace Engage.Analysis.Findings;

/// <summary>
/// How a quote's author is named: by as many of the attribution attributes (e.g. role, profession,
/// region) as still describe a group of at least the minimum size among those who contributed, dropping
/// the least telling first; "A participant" when no combination is large enough.
/// </summary>
public static class Attribution
{
    public const string Anonymous = "A participant";
    /// <summary>A seed statement is the programme team's, not a participant's.</summary>
    public const string ProgrammeTeam = "Programme team";

    public static string Of(CorpusFacts facts, Corpora.CorpusItem item)
    {
        if (facts.IsSeed(item)) return ProgrammeTeam;
        var attributes = facts.AttributesOf(item);
        var keys = facts.Settings.AttributionAttributes.Where(k => attributes.TryGetValue(k, out var v) && !string.IsNullOrWhiteSpace(v)).ToList();
        foreach (var subset in SubsetsLargestFirst(keys))
        {
            var group = facts.Contributors.Values.Count(other => subset.All(k => other.TryGetValue(k, out var v) && v == attributes[k]));
            if (group >= facts.MinimumGroupSize) return string.Join(", ", subset.Select(k => attributes[k]));
        }
        return Anonymous;
    }

    /// <summary>Every non-empty subset, larger first and, at equal size, keeping earlier (more telling) attributes.</summary>
    private static IEnumerable<List<string>> SubsetsLargestFirst(List<string> keys) =>
        Enumerable.Range(1, (1 << keys.Count) - 1)
            .Select(mask => keys.Where((_, i) => (mask & (1 << i)) != 0).ToList())
            .OrderByDescending(s => s.Count)
            .ThenBy(s => string.Join(",", s.Select(k => keys.IndexOf(k).ToString("D2"))), StringComparer.Ordinal);
}
