namespace Engage.Analysis.OpinionGroups;

/// <summary>Agree, disagree and seen counts per group and statement.</summary>
internal sealed class GroupStatistics
{
    public required int Groups { get; init; }
    public required int[,] Agree { get; init; }
    public required int[,] Disagree { get; init; }
    public required int[,] Seen { get; init; }

    public static GroupStatistics Count(VoteMatrix m, int[] labels, int k)
    {
        var agree = new int[k, m.ColumnCount];
        var disagree = new int[k, m.ColumnCount];
        var seen = new int[k, m.ColumnCount];
        for (var r = 0; r < m.Rows; r++)
            for (var i = m.RowStart[r]; i < m.RowStart[r + 1]; i++)
            {
                int g = labels[r], c = m.Columns[i], v = m.Votes[i];
                seen[g, c]++;
                if (v > 0) agree[g, c]++;
                else if (v < 0) disagree[g, c]++;
            }
        return new GroupStatistics { Groups = k, Agree = agree, Disagree = disagree, Seen = seen };
    }

    /// <summary>Smoothed agree probability (Laplace: one agree and one other vote before any are seen).</summary>
    public double AgreeProbability(int g, int c) => (Agree[g, c] + 1.0) / (Seen[g, c] + 2.0);

    public int TotalSeen(int c)
    {
        var s = 0;
        for (var g = 0; g < Groups; g++) s += Seen[g, c];
        return s;
    }
}

/// <summary>
/// Polis's measures of what a group stands for. For a group and statement: pa = (agrees + 1) / (seen + 2)
/// in the group, the same outside it; representativeness ra = pa_in / pa_out, kept only when a
/// one-proportion test says the group leans that way and a two-proportion test says it leans more
/// than the rest (both z &gt; 1.2816, 90%). Ranked by ra × z_ra × pa × z_pa, as Polis does.
/// </summary>
internal static class Representativeness
{
    private const double Z90 = 1.2816;

    public static List<RepresentativeStatement> For(GroupStatistics s, VoteMatrix m, int g, int count)
    {
        var candidates = new List<(RepresentativeStatement Statement, double Metric)>();
        for (var c = 0; c < m.ColumnCount; c++)
        {
            int seenIn = s.Seen[g, c], seenOut = 0, agreeOut = 0, disagreeOut = 0;
            for (var o = 0; o < s.Groups; o++)
            {
                if (o == g) continue;
                seenOut += s.Seen[o, c];
                agreeOut += s.Agree[o, c];
                disagreeOut += s.Disagree[o, c];
            }
            if (seenIn == 0) continue;
            var agree = Measure(s.Agree[g, c], seenIn, agreeOut, seenOut);
            var disagree = Measure(s.Disagree[g, c], seenIn, disagreeOut, seenOut);
            var (direction, best) = agree.Metric >= disagree.Metric ? ("agree", agree) : ("disagree", disagree);
            var significant = best.ZIn > Z90 && best.ZRatio > Z90;
            candidates.Add((new RepresentativeStatement(m.Contributions[c], direction, Math.Round(best.PIn, 6), Math.Round(best.POut, 6),
                Math.Round(best.Ratio, 6), Math.Round(best.ZRatio, 6), seenIn, significant), best.Metric));
        }
        var ranked = candidates.OrderByDescending(x => x.Statement.Significant).ThenByDescending(x => x.Metric)
            .ThenBy(x => x.Statement.ContributionId).Select(x => x.Statement).ToList();
        var significantOnes = ranked.Where(r => r.Significant).Take(count).ToList();
        // With no significant statement a group still gets its single strongest one, marked as such.
        return significantOnes.Count > 0 ? significantOnes : ranked.Take(1).ToList();
    }

    private static (double PIn, double POut, double Ratio, double ZIn, double ZRatio, double Metric) Measure(int succIn, int nIn, int succOut, int nOut)
    {
        var pIn = (succIn + 1.0) / (nIn + 2.0);
        var pOut = (succOut + 1.0) / (nOut + 2.0);
        var ratio = pIn / pOut;
        var zIn = PropTest(succIn, nIn);
        var zRatio = TwoPropTest(succIn, succOut, nIn, nOut);
        var metric = ratio * Math.Max(0, zRatio) * pIn * Math.Max(0, zIn);
        return (pIn, pOut, ratio, zIn, zRatio, metric);
    }

    /// <summary>Does the group lean this way more often than not? (Polis's prop-test, with the +1 prior.)</summary>
    private static double PropTest(int succ, int n)
    {
        double s = succ + 1, t = n + 1;
        return 2 * Math.Sqrt(t) * (s / t - 0.5);
    }

    /// <summary>Does the group lean this way more than everyone else? Two-proportion z-test with the +1 prior.</summary>
    private static double TwoPropTest(int succIn, int succOut, int nIn, int nOut)
    {
        double s1 = succIn + 1, s2 = succOut + 1, n1 = nIn + 1, n2 = nOut + 1;
        var p1 = s1 / n1;
        var p2 = s2 / n2;
        var pooled = (s1 + s2) / (n1 + n2);
        if (pooled >= 1 || pooled <= 0) return 0;
        return (p1 - p2) / Math.Sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
    }

    public static List<ConsensusStatement> Consensus(GroupStatistics s, VoteMatrix m, OpinionGroupOptions o)
    {
        var result = new List<ConsensusStatement>();
        for (var c = 0; c < m.ColumnCount; c++)
        {
            var agree = Enumerable.Range(0, s.Groups).Select(g => Math.Round(s.AgreeProbability(g, c), 6)).ToList();
            // The prior keeps a group that barely saw the statement at 0.5, below any sensible threshold.
            if (agree.Min() >= o.ConsensusThreshold)
                result.Add(new ConsensusStatement(m.Contributions[c], agree, agree.Min(), s.TotalSeen(c)));
        }
        return result.OrderByDescending(x => x.LowestAgree).ThenByDescending(x => x.Votes).ThenBy(x => x.ContributionId)
            .Take(o.ConsensusCount).ToList();
    }

    public static List<DivisiveStatement> Divisive(GroupStatistics s, VoteMatrix m, OpinionGroupOptions o)
    {
        if (s.Groups < 2) return [];
        var result = new List<DivisiveStatement>();
        for (var c = 0; c < m.ColumnCount; c++)
        {
            var agree = Enumerable.Range(0, s.Groups).Select(g => Math.Round(s.AgreeProbability(g, c), 6)).ToList();
            var spread = agree.Max() - agree.Min();
            if (spread >= o.DivisiveMinSpread)
                result.Add(new DivisiveStatement(m.Contributions[c], agree, Math.Round(spread, 6), s.TotalSeen(c)));
        }
        return result.OrderByDescending(x => x.Spread).ThenByDescending(x => x.Votes).ThenBy(x => x.ContributionId)
            .Take(o.DivisiveCount).ToList();
    }
}
