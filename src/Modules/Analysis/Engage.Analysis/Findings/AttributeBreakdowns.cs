using Engage.Analysis.Breakdowns;
using Engage.Analysis.Contracts;
using Engage.Platform.Disclosure;

namespace Engage.Analysis.Findings;

/// <summary>
/// Counts by attribute through the one small-group rule (<see cref="SmallGroups"/>): a group smaller than
/// the minimum shows as "fewer than N", and further groups as "not shown" where a hidden one could
/// otherwise be worked out from the total; the same rule for every theme, so linked tables agree.
/// </summary>
public static class AttributeBreakdowns
{
    public const string NotGiven = "Not given";

    private static string ValueOf(IReadOnlyDictionary<string, string> person, string attribute) =>
        person.TryGetValue(attribute, out var v) && !string.IsNullOrWhiteSpace(v) ? v : NotGiven;

    public static IReadOnlyList<AttributeCounts> CountsOf(CorpusFacts facts, IEnumerable<IReadOnlyDictionary<string, string>> people)
    {
        var all = people.ToList();
        var minimum = facts.MinimumGroupSize;
        return facts.AttributeNames.Select(name =>
        {
            var groups = all.Select(p => ValueOf(p, name)).GroupBy(v => v).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => (Value: g.Key, Count: g.Count())).ToList();
            var shown = SmallGroups.Cells(groups.Select(g => g.Count).ToList(), minimum);
            return new AttributeCounts(name, groups.Select((g, i) => new GroupCount(g.Value, shown[i].Value, shown[i].Text(minimum))).ToList(), facts.LabelOf(name));
        }).ToList();
    }

    /// <summary>Contributors by their answer to <paramref name="attribute"/>, largest group first, with the rule applied to the group sizes.</summary>
    private static List<(string Value, List<Guid> People, ProtectedCount Size)> GroupsOf(CorpusFacts facts, string attribute)
    {
        var groups = facts.Contributors.GroupBy(c => ValueOf(c.Value, attribute))
            .Select(g => (Value: g.Key, People: g.Select(c => c.Key).ToList()))
            .OrderByDescending(g => g.People.Count).ThenBy(g => g.Value, StringComparer.Ordinal).ToList();
        var sizes = SmallGroups.Cells(groups.Select(g => g.People.Count).ToList(), facts.MinimumGroupSize);
        return groups.Select((g, i) => (g.Value, g.People, sizes[i])).ToList();
    }

    /// <summary>
    /// How many contributors in each group of <paramref name="attribute"/> raised something (authored one of
    /// <paramref name="items"/>), as a share of the group, with Pearson's chi-square over the groups whose
    /// cells are all shown (so the statistic cannot give a hidden cell back).
    /// </summary>
    public static ThemeBreakdown Of(CorpusFacts facts, IReadOnlySet<Guid> items, string attribute)
    {
        var raised = facts.PeopleWhoWrote(items);
        var minimum = facts.MinimumGroupSize;
        var groups = GroupsOf(facts, attribute);
        var counts = SmallGroups.WithinGroups(groups.Select(g => g.People.Count(raised.Contains)).ToList(), groups.Select(g => g.Size).ToList(), minimum);
        var cells = groups.Select((g, i) => new BreakdownCell(g.Value, counts[i].Value, g.Size.Value,
            counts[i].IsShown && g.Size.IsShown ? SmallGroups.Percent(counts[i], g.Size.Count) : null,
            counts[i].Text(minimum), g.Size.Text(minimum))).ToList();

        var shown = groups.Select((g, i) => (g.Size, Raised: counts[i])).Where(x => x.Size.IsShown && x.Raised.IsShown).ToList();
        var table = new long[2, shown.Count];
        for (var i = 0; i < shown.Count; i++) (table[0, i], table[1, i]) = (shown[i].Raised.Count, shown[i].Size.Count - shown[i].Raised.Count);
        var test = shown.Count >= 2 ? ChiSquareTest.Independence(table) : null;
        return new ThemeBreakdown(attribute, cells, test is null ? null : Math.Round(test.Statistic, 3), test?.DegreesOfFreedom ?? 0,
            test is null ? null : Math.Round(test.PValue, 4), facts.LabelOf(attribute));
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
