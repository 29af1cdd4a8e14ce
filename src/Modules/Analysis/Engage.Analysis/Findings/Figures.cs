using Engage.Analysis.Contracts;
using Engage.Platform.Disclosure;

namespace Engage.Analysis.Findings;

/// <summary>
/// The headline figures of a corpus, each defined once (the definitions are the public "How we count"
/// page) and passed through the small-group rule here, so the Analysis pages, its API and the published
/// analysis (and through it every report format and "what we heard") can only show the same number.
/// </summary>
public static class Figures
{
    public static ParticipationFigures Participation(CorpusFacts facts)
    {
        var minimum = facts.MinimumGroupSize;
        var contributors = facts.Contributors.Keys.ToHashSet();
        var voters = facts.LiveVotes.Select(v => v.ParticipantId).ToHashSet();
        // An uploaded corpus has no registrations: its respondents are its rows.
        var registered = facts.Corpus.WorkshopId is null ? contributors.Count : facts.Participants.Count;
        var tookPart = contributors.Union(voters).Count();
        var people = facts.Corpus.WorkshopId is null
            ? facts.Contributors.Values
            : facts.Participants.Values.Select(p => (IReadOnlyDictionary<string, string>)p.Attributes);
        ProtectedCount r = SmallGroups.One(registered, minimum), t = SmallGroups.One(tookPart, minimum),
            c = SmallGroups.One(contributors.Count, minimum), v = SmallGroups.One(voters.Count, minimum);
        return new ParticipationFigures(r.Value, t.Value, c.Value, v.Value, facts.Items.Count, facts.Items.Count(facts.IsSeed), facts.LiveVotes.Count,
            r.IsShown ? AttributeBreakdowns.CountsOf(facts, people) : [],
            r.Words(minimum), t.Words(minimum), c.Words(minimum), v.Words(minimum));
    }

    /// <summary>How many contributors wrote at least one of the items: shown, or "fewer than N".</summary>
    public static ProtectedCount PeopleRaising(CorpusFacts facts, IReadOnlySet<Guid> itemIds) =>
        SmallGroups.One(facts.PeopleWhoWrote(itemIds).Count, facts.MinimumGroupSize);

    /// <summary>Prevalence: people raising it as a share (0 to 100) of everyone who wrote something; null when either is hidden.</summary>
    public static double? Prevalence(CorpusFacts facts, ProtectedCount people) =>
        SmallGroups.One(facts.Contributors.Count, facts.MinimumGroupSize).IsShown ? SmallGroups.Percent(people, facts.Contributors.Count) : null;

    /// <summary>Support: agree votes as a share (0 to 100) of agree and disagree votes; passes left out. Null with no such votes.</summary>
    public static double? Support(int agree, int disagree) => agree + disagree > 0 ? Math.Round(100.0 * agree / (agree + disagree), 1) : null;

    /// <summary>Agree, disagree and pass as shares (0 to 100) of all the votes, and the way most went.</summary>
    public static (double Agree, double Disagree, double Pass, VoteDirection Direction) Shares(int agree, int disagree, int pass)
    {
        var all = agree + disagree + pass;
        if (all == 0) return (0, 0, 0, VoteDirection.None);
        var direction = agree >= disagree && agree >= pass ? VoteDirection.Agree : disagree >= pass ? VoteDirection.Disagree : VoteDirection.Pass;
        return (Math.Round(100.0 * agree / all, 1), Math.Round(100.0 * disagree / all, 1), Math.Round(100.0 * pass / all, 1), direction);
    }

    /// <summary>The direction's word, as the Opinion groups page writes it.</summary>
    public static string Word(VoteDirection direction) => direction switch
    {
        VoteDirection.Agree => "agree",
        VoteDirection.Disagree => "disagree",
        VoteDirection.Pass => "pass",
        _ => "have not voted"
    };

    /// <summary>The share in the given direction.</summary>
    public static double ShareOf(VoteDirection direction, double agree, double disagree, double pass) => direction switch
    {
        VoteDirection.Agree => agree,
        VoteDirection.Disagree => disagree,
        VoteDirection.Pass => pass,
        _ => 0
    };

    /// <summary>"80% of Group B disagree", "55% of everyone agree".</summary>
    public static string Reading(string who, VoteDirection direction, double agree, double disagree, double pass) =>
        direction == VoteDirection.None ? $"No votes from {who}"
            : $"{Platform.Wording.Words.Percent(ShareOf(direction, agree, disagree, pass) / 100)} of {who} {Word(direction)}";
}
