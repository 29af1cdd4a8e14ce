using Engage.Platform.Web;

namespace Engage.Seminar.Seminars;

/// <summary>The seminar's rules, pure so they can be tested by calling them.</summary>
public static class SeminarRules
{
    public const int DefaultDots = 5;
    public const int MaxDots = 20;
    public const int MaxStatement = 2000;
    public const int MaxShortText = 200;
    public const int MaxLongText = 4000;

    /// <summary>Who must be in the room for the Advanced Clinical Practice conversation (editable per seminar).</summary>
    public static readonly string[] DefaultInterestGroups =
    [
        "Nursing", "Midwifery", "Allied health professions", "Pharmacy", "Paramedics", "Medicine",
        "Professional bodies", "Regulators", "Employers", "Education providers", "Commissioners", "Patients and the public"
    ];

    public static void Require(bool condition, string detail, int status = 400) => RuleBroken.Unless(condition, detail, status);

    public static string Text(string? value, string field, int max, bool required = true) =>
        RuleBroken.Text(value, field, Asked.GetValueOrDefault(field) ?? RuleBroken.Spoken(field), max, required);

    /// <summary>What each field asks for, in the words of the error message ("Enter the problem").</summary>
    private static readonly Dictionary<string, string> Asked = new()
    {
        ["title"] = "a title", ["purpose"] = "the purpose", ["venue"] = "the venue", ["joiningLink"] = "the joining link",
        ["description"] = "a description", ["agenda.time"] = "the time of the agenda item", ["agenda.title"] = "the agenda item",
        ["agenda.lead"] = "who leads the agenda item", ["email"] = "an email address", ["name"] = "a name", ["organisation"] = "the organisation",
        ["role"] = "the role", ["text"] = "the problem", ["whyItMatters"] = "why it matters", ["whoIsAffected"] = "who is affected",
        ["interestGroup"] = "an interest group", ["interestGroups"] = "the interest groups"
    };

    public static string[] Texts(string[]? values, string field, int min, int maxCount, int maxLength)
    {
        var texts = (values ?? []).Select(v => Text(v, field, maxLength)).ToArray();
        Require(texts.Length >= min && texts.Length <= maxCount, $"'{field}' takes {min} to {maxCount} entries.");
        return texts;
    }

    public static Seminar Found(Seminar? seminar) =>
        seminar ?? throw new RuleBroken(404, "The seminar was not found.");

    public static void NotConcluded(Seminar seminar, string what) =>
        Require(seminar.Status != SeminarStatus.Concluded, $"The seminar has concluded; {what}.", 409);

    public static string InterestGroupOf(Seminar seminar, string? group)
    {
        var text = Text(group, "interestGroup", 100);
        return seminar.InterestGroups.FirstOrDefault(g => string.Equals(g, text, StringComparison.OrdinalIgnoreCase))
               ?? throw new RuleBroken(400, $"'interestGroup' must be one of this seminar's groups: {string.Join(", ", seminar.InterestGroups)}.");
    }

    /// <summary>An attendee's dots: whole, non-negative, on this seminar's candidate themes, within the allowance.</summary>
    public static Dictionary<Guid, int> Dots(Seminar seminar, IReadOnlyDictionary<Guid, int>? dots)
    {
        var placed = (dots ?? new Dictionary<Guid, int>()).Where(d => d.Value != 0).ToDictionary();
        Require(placed.Values.All(v => v > 0), "Dots cannot be negative.");
        var unknown = placed.Keys.Where(id => seminar.ThemeOf(id) is null).ToList();
        Require(unknown.Count == 0, $"Dots can only go on this seminar's candidate themes; unknown: {string.Join(", ", unknown)}.");
        var total = placed.Values.Sum();
        Require(total <= seminar.DotsPerAttendee,
            $"You placed {total} dots; each attendee has {seminar.DotsPerAttendee}.", 409);
        return placed;
    }

    /// <summary>The statements a theme carries into the workshop: those it groups and the duplicates merged into them.</summary>
    public static IEnumerable<ProblemStatement> StatementsOf(Seminar seminar, SeminarTheme theme) =>
        seminar.Problems.Where(p => theme.ProblemIds.Contains(p.Id) || (p.MergedInto is { } kept && theme.ProblemIds.Contains(kept)));
}
