namespace Engage.Analysis.Breakdowns;

/// <summary>Pearson's chi-square test of independence on a contingency table.</summary>
/// <param name="Statistic">Sum over cells of (observed − expected)² / expected; no continuity correction.</param>
/// <param name="DegreesOfFreedom">(rows − 1)(columns − 1), counting only rows and columns with some count.</param>
/// <param name="PValue">Probability of a statistic at least this large under independence.</param>
/// <param name="MinimumExpected">The smallest expected count; the chi-square approximation is poor when it is small.</param>
/// <param name="CellsExpectedBelowFive">Cochran's rule of thumb wants this to be at most a fifth of the cells.</param>
public sealed record ChiSquareResult(
    double Statistic,
    int DegreesOfFreedom,
    double PValue,
    double MinimumExpected,
    int CellsExpectedBelowFive);

public static class ChiSquareTest
{
    /// <summary>
    /// Tests whether rows and columns are independent (e.g. whether a theme's share differs by region).
    /// Rows and columns that are entirely zero say nothing about independence and would give expected
    /// counts of zero, so they are dropped first.
    /// </summary>
    /// <param name="observed">Counts, rows by columns; none negative.</param>
    /// <returns>Null when fewer than two rows or two columns have any count: there is nothing to compare.</returns>
    /// <exception cref="ArgumentException">A count is negative.</exception>
    public static ChiSquareResult? Independence(long[,] observed)
    {
        var rows = Kept(observed, byRow: true);
        var columns = Kept(observed, byRow: false);
        if (rows.Count < 2 || columns.Count < 2) return null;

        var rowTotals = rows.Select(r => columns.Sum(c => (double)observed[r, c])).ToArray();
        var columnTotals = columns.Select(c => rows.Sum(r => (double)observed[r, c])).ToArray();
        var total = rowTotals.Sum();

        double statistic = 0, minimumExpected = double.MaxValue;
        var belowFive = 0;
        for (var i = 0; i < rows.Count; i++)
            for (var j = 0; j < columns.Count; j++)
            {
                var expected = rowTotals[i] * columnTotals[j] / total;
                var difference = observed[rows[i], columns[j]] - expected;
                statistic += difference * difference / expected;
                minimumExpected = Math.Min(minimumExpected, expected);
                if (expected < 5) belowFive++;
            }

        var degreesOfFreedom = (rows.Count - 1) * (columns.Count - 1);
        return new ChiSquareResult(statistic, degreesOfFreedom, ChiSquaredDistribution.UpperTail(statistic, degreesOfFreedom),
            minimumExpected, belowFive);
    }

    private static List<int> Kept(long[,] observed, bool byRow)
    {
        var (outer, inner) = byRow ? (observed.GetLength(0), observed.GetLength(1)) : (observed.GetLength(1), observed.GetLength(0));
        var kept = new List<int>();
        for (var i = 0; i < outer; i++)
        {
            var any = false;
            for (var j = 0; j < inner; j++)
            {
                var count = byRow ? observed[i, j] : observed[j, i];
                if (count < 0) throw new ArgumentException($"Counts cannot be negative; found {count}.", nameof(observed));
                any |= count > 0;
            }
            if (any) kept.Add(i);
        }
        return kept;
    }
}
