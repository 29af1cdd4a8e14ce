using System.Globalization;

namespace Engage.Platform.Wording;

/// <summary>
/// How Engage writes figures, dates and names for people, in one place, so that a page, the API's
/// messages and every report format say "1 person", "3 December 2026" and "Programme staff" alike.
/// Dates follow the NHS content style guide: day, month in full, year, no leading zero, no "th".
/// </summary>
public static class Words
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>"1 person", "2 people", "1,204 contributions": the number with the noun that agrees with it.</summary>
    public static string Count(long n, string singular, string? plural = null) =>
        $"{n.ToString("N0", English)} {Noun(n, singular, plural)}";

    /// <summary>The noun alone in the form that agrees with <paramref name="n"/>.</summary>
    public static string Noun(long n, string singular, string? plural = null) =>
        n == 1 ? singular : plural ?? Plural(singular);

    /// <summary>"3 December 2026".</summary>
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", English);

    /// <summary>"3 December 2026" for the day the instant falls on in UK time.</summary>
    public static string Date(DateTimeOffset instant) => Date(DateOnly.FromDateTime(UkTime(instant).DateTime));

    /// <summary>"3 December 2026 at 2:05pm" in UK time, the NHS style for a time of day.</summary>
    public static string DateTime(DateTimeOffset instant)
    {
        var local = UkTime(instant);
        var hour = local.Hour % 12 == 0 ? 12 : local.Hour % 12;
        var time = local.Minute == 0 ? $"{hour}{(local.Hour < 12 ? "am" : "pm")}" : $"{hour}:{local.Minute:00}{(local.Hour < 12 ? "am" : "pm")}";
        return $"{Date(DateOnly.FromDateTime(local.DateTime))} at {time}";
    }

    /// <summary>"From 1 March 2026 to 14 March 2026", or "On 1 March 2026" when both days are one.</summary>
    public static string DateRange(DateOnly from, DateOnly to) =>
        from == to ? $"On {Date(from)}" : $"From {Date(from)} to {Date(to)}";

    /// <summary>"45%", "4.5%" under 10%, "less than 1%" for a share that rounds to nothing but is not nothing.</summary>
    public static string Percent(double share)
    {
        var p = share * 100;
        if (p > 0 && p < 0.5) return "less than 1%";
        return p < 10 && Math.Round(p, 1) != Math.Round(p) ? $"{p.ToString("0.0", English)}%" : $"{Math.Round(p).ToString("0", English)}%";
    }

    /// <summary>"Programme staff" for the role key <c>ProgrammeStaff</c>.</summary>
    public static string Role(string role) => role switch
    {
        Roles.Admin => "Admin",
        Roles.ProgrammeStaff => "Programme staff",
        Roles.Facilitator => "Facilitator",
        Roles.Analyst => "Analyst",
        Roles.Moderator => "Moderator",
        Roles.Participant => "Participant",
        _ => Humanise(role)
    };

    /// <summary>"Years in practice" for a key such as <c>yearsInPractice</c> or <c>years_in_practice</c>, when no label was given.</summary>
    public static string Humanise(string key)
    {
        if (string.IsNullOrWhiteSpace(key)) return key;
        var words = new List<string>();
        var current = new System.Text.StringBuilder();
        for (var i = 0; i < key.Length; i++)
        {
            var c = key[i];
            var boundary = c is '_' or '-' or ' ' ||
                           (char.IsUpper(c) && i > 0 && (char.IsLower(key[i - 1]) || (i + 1 < key.Length && char.IsLower(key[i + 1]))));
            if (boundary && current.Length > 0) { words.Add(current.ToString()); current.Clear(); }
            if (c is not ('_' or '-' or ' ')) current.Append(c);
        }
        if (current.Length > 0) words.Add(current.ToString());
        // Acronyms (NHS, ACP) keep their capitals; other words are lower case after the first.
        var text = string.Join(' ', words.Select(w => w.All(char.IsUpper) && w.Length > 1 ? w : w.ToLowerInvariant()));
        return char.ToUpperInvariant(text[0]) + text[1..];
    }

    private static string Plural(string singular) => singular switch
    {
        "person" => "people",
        "Person" => "People",
        "reply" => "replies",
        "child" => "children",
        _ when singular.EndsWith('y') && singular.Length > 1 && !"aeiou".Contains(singular[^2]) => singular[..^1] + "ies",
        _ when singular.EndsWith('s') || singular.EndsWith("sh") || singular.EndsWith("ch") || singular.EndsWith('x') => singular + "es",
        _ => singular + "s"
    };

    private static DateTimeOffset UkTime(DateTimeOffset instant)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById("Europe/London", out var london) ? london : TimeZoneInfo.Utc;
        return TimeZoneInfo.ConvertTime(instant, zone);
    }
}
