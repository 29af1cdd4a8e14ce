using Engage.Analysis.Contracts;
using static Engage.Reporting.Content.ReportWords;

namespace Engage.Reporting.Content;

/// <summary>
/// Opinion-group figures in the words of the Analysis "Opinion groups" page, so a figure always says
/// which way it points: "80% of this group disagree", never a bare percentage under "Agree".
/// </summary>
public static class OpinionWords
{
    /// <summary>
    /// What sets a group apart. The analysis publishes, for each such statement, the share of the group
    /// voting the way the group leans; "agree" or "disagree" says which way that is.
    /// </summary>
    public static string Leaning(StatementFinding s, string who) => $"{Share(s.AgreePercent)} of {who} voted the way that sets it apart";

    /// <summary>A statement every group agrees on: the lowest of the groups' agree shares.</summary>
    public static string Consensus(StatementFinding s, ReportFacts f) => $"At least {Share(s.AgreePercent)} of every group agree";

    /// <summary>A statement the groups split on.</summary>
    public static string Divisive(StatementFinding s, ReportFacts f) => $"On average {Share(s.AgreePercent)} of each group agree";
}
