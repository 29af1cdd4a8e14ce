using Engage.Analysis.Contracts;
using static Engage.Reporting.Content.ReportWords;

namespace Engage.Reporting.Content;

/// <summary>
/// Opinion-group figures in the words of the Analysis "Opinion groups" page, so a figure always says
/// which way it points ("80% of Group A disagree"), never a bare percentage under "Agree". The analysis
/// carries each reading; these words are for messages frozen before it did.
/// </summary>
public static class OpinionWords
{
    public static string Word(VoteDirection direction) => direction switch
    {
        VoteDirection.Agree => "agree",
        VoteDirection.Disagree => "disagree",
        VoteDirection.Pass => "pass",
        _ => "no votes"
    };

    /// <summary>A group's shares of all its votes on a theme (0 to 100) and the way most went; from the counts when an older analysis did not carry them.</summary>
    public static (double? Agree, double? Disagree, double? Pass, VoteDirection Direction) Shares(GroupView v)
    {
        var all = v.Agree + v.Disagree + v.Pass;
        if (all == 0) return (null, null, null, VoteDirection.None);
        if (v.DisagreePercent is { } d && v.PassPercent is { } p && v.AgreePercent is { } a) return (a, d, p, v.Direction);
        double Of(int n) => Math.Round(100.0 * n / all, 1);
        var direction = v.Agree >= v.Disagree && v.Agree >= v.Pass ? VoteDirection.Agree : v.Disagree >= v.Pass ? VoteDirection.Disagree : VoteDirection.Pass;
        return (Of(v.Agree), Of(v.Disagree), Of(v.Pass), direction);
    }

    /// <summary>"80% of Group A disagree": the analysis's reading of a statement.</summary>
    public static string Reading(StatementFinding s, string who) =>
        !string.IsNullOrWhiteSpace(s.Reading) ? s.Reading
        : s.Direction != VoteDirection.None ? $"{Share(s.Direction == VoteDirection.Disagree ? s.DisagreePercent : s.Direction == VoteDirection.Pass ? s.PassPercent : s.AgreePercent)} of {who} {Word(s.Direction)}"
        // An older analysis published the share voting the way the group leans, without saying which way.
        : $"{Share(s.AgreePercent)} of {who} voted the way that sets it apart";

    /// <summary>Each group's reading of a consensus or divisive statement: "Group A: 85% agree; Group B: 20% agree".</summary>
    public static string ByGroup(StatementFinding s) =>
        (s.ByGroup ?? []).Count == 0 ? "not shown" : string.Join("; ", s.ByGroup!.Select(g => g.Reading));

    /// <summary>The agree and disagree shares shown side by side. An older analysis did not carry real shares, so they are "not measured".</summary>
    public static string AgreeShare(StatementFinding s) => Legacy(s) ? "not measured" : Share(s.AgreePercent);

    public static string DisagreeShare(StatementFinding s) => Legacy(s) ? "not measured" : Share(s.DisagreePercent);

    private static bool Legacy(StatementFinding s) => s.Direction == VoteDirection.None && string.IsNullOrEmpty(s.Reading) && s.ByGroup is null;
}
