using Engage.Analysis.Breakdowns;
using Engage.Analysis.Contracts;

namespace Engage.Analysis.Findings;

/// <summary>
/// Counts by attribute with small groups suppressed: a group smaller than the minimum, or a cell
/// naming fewer people than the minimum (but not none), is shown as null, never as a number.
/// </summary>
public static class AttributeBreakdowns
{
    public static IReadOnlyList<AttributeCounts> CountsOf(CorpusFacts facts, IEnumerable<IReadOnlyDictionary<string, string>> people)
    {
        var all = people.ToList();
        return facts.AttributeNames.Select(name => new AttributeCounts(name, all
            .Select(p => p.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v : "Not given")
            .GroupBy(v => v).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new GroupCount(g.Key, g.Count() >= facts.MinimumGroupSize ? g.Count() : null)).ToList())).ToList();
    }

    /// <summary>
    /// How many contributors in each group of <paramref name="attribute"/> raised something (authored one of
    /// <paramref name="items"/>), as a share of the group, with Pearson's chi-square over the groups that can be shown.
    /// </summary>
    public static ThemeBreakdown Of(CorpusFacts facts, IReadOnlySet<Guid> items, string attribute)
    {
        var raised = facts.Items.Where(i => items.Contains(i.Id)).Select(CorpusFacts.RespondentOf).ToHashSet();
        var groups = facts.Contributors
            .GroupBy(c => c.Value.TryGetValue(attribute, out var v) && !string.IsNullOrWhiteSpace(v) ? v : "Not given")
            .Select(g => (Value: g.Key, Size: g.Count(), Raised: g.Count(c => raised.Contains(c.Key))))
            .OrderByDescending(g => g.Size).ThenBy(g => g.Value, StringComparer.Ordinal).ToList();
        var minimum = facts.MinimumGroupSize;
        var cells = groups.Select(g => g.Size < minimum || g.Raised > 0 && g.Raised < minimum
            ? new BreakdownCell(g.Value, null, g.Size < minimum ? null : g.Size, null)
            : new BreakdownCell(g.Value, g.Raised, g.Size, Math.Round(100.0 * g.Raised / g.Size, 1))).ToList();

        var shown = groups.Where(g => g.Size >= minimum).ToList();
        var table = new long[2, shown.Count];
        for (var i = 0; i < shown.Count; i++) (table[0, i], table[1, i]) = (shown[i].Raised, shown[i].Size - shown[i].Raised);
        var test = shown.Count >= 2 ? ChiSquareTest.Independence(table) : null;
        return new ThemeBreakdown(attribute, cells, test is null ? null : Math.Round(test.Statistic, 3), test?.DegreesOfFreedom ?? 0,
            test is null ? null : Math.Round(test.PValue, 4));
    }

    /// <summary>Items coded with both codes of each pair (diagonal: items with the code), codes in codebook order.</summary>
    public static (IReadOnlyList<Guid> Codes, int[,] Counts) CoOccurrence(CorpusFacts facts)
    {
        var codes = facts.Codebook.Active.Select(c => c.Id).ToList();
        var direct = codes.ToDictionary(c => c, c => facts.Codings.Where(x => x.CodeId == c).Select(x => x.ItemId).ToHashSet());
        var counts = new int[codes.Count, codes.Count];
        for (var a = 0; a < codes.Count; a++)
            for (var b = a; b < codes.Count; b++)
                counts[a, b] = counts[b, a] = a == b ? direct[codes[a]].Count : direct[codes[a]].Count(direct[codes[b]].Contains);
        return (codes, counts);
    }
}
