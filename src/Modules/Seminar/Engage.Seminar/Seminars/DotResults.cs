namespace Engage.Seminar.Seminars;

public record ThemeResult(Guid ThemeId, string Title, int Rank, int Dots, int Voters,
    IReadOnlyDictionary<string, int> DotsByGroup, IReadOnlyDictionary<string, int> RankByGroup, double Spread, bool Divergent);

/// <summary>
/// Dot-vote results, ranked overall and within each interest group. A theme is divergent when the
/// share of a group's dots it got differs by at least <see cref="DivergenceThreshold"/> between the
/// groups that voted: that is where the professions disagree.
/// </summary>
public static class DotResults
{
    public const double DivergenceThreshold = 0.25;

    private sealed record Row(SeminarTheme Theme, int Dots, int Voters, Dictionary<string, int> ByGroup, double Spread);

    public static IReadOnlyList<ThemeResult> For(Seminar seminar)
    {
        var votes = seminar.Invitees
            .SelectMany(i => i.Dots.Select(d => (i.InterestGroup, Voter: i.Id, Theme: d.Key, Dots: d.Value))).ToList();
        var groupTotals = votes.GroupBy(v => v.InterestGroup).ToDictionary(g => g.Key, g => g.Sum(v => v.Dots));

        var rows = seminar.Themes.Select(t =>
        {
            var mine = votes.Where(v => v.Theme == t.Id).ToList();
            var byGroup = mine.GroupBy(v => v.InterestGroup).ToDictionary(g => g.Key, g => g.Sum(v => v.Dots));
            var shares = groupTotals.Select(g => byGroup.GetValueOrDefault(g.Key) / (double)g.Value).ToList();
            return new Row(t, mine.Sum(v => v.Dots), mine.Select(v => v.Voter).Distinct().Count(), byGroup,
                shares.Count < 2 ? 0 : shares.Max() - shares.Min());
        }).ToList();

        return rows
            .OrderByDescending(r => r.Dots).ThenByDescending(r => r.Voters).ThenBy(r => r.Theme.Title, StringComparer.Ordinal)
            .Select(r => new ThemeResult(r.Theme.Id, r.Theme.Title, Rank(rows, r, x => x.Dots), r.Dots, r.Voters, r.ByGroup,
                groupTotals.Keys.ToDictionary(g => g, g => Rank(rows, r, x => x.ByGroup.GetValueOrDefault(g))),
                Math.Round(r.Spread, 3), r.Spread >= DivergenceThreshold))
            .ToList();
    }

    /// <summary>Competition ranking ("1224"): equal dots share a rank and the next rank skips.</summary>
    private static int Rank(List<Row> rows, Row row, Func<Row, int> dots) => 1 + rows.Count(r => dots(r) > dots(row));
}
