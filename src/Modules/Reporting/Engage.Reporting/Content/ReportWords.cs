using Engage.Platform;
using Engage.Platform.Wording;

namespace Engage.Reporting.Content;

/// <summary>
/// A figure the analysis held back under the small-group rule (docs/disclosure-control.md), with the words it
/// carries for it: "fewer than 10", or "not shown" where it was hidden so a smaller one cannot be worked out.
/// Written the same in every format, never as a number.
/// </summary>
public sealed record Suppressed(string Text)
{
    public override string ToString() => Text;
}

/// <summary>
/// How the report writes its figures, in one place (with <see cref="Words"/>): counts with the noun that
/// agrees, shares as <see cref="Words.Percent"/> shows them, and held-back figures as "fewer than N". The
/// data tables carry each share rounded exactly as the sentences show it, so the two never disagree.
/// </summary>
public static class ReportWords
{
    public static string People(long n) => Words.Count(n, "person", "people");

    public static string Number(long n) => n.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));

    /// <summary>A count, or the analysis's words for it where it was held back ("fewer than 10", "not shown").</summary>
    public static string Count(int? n, int minimum, string? shown = null) => n is { } v ? Number(v) : Held(minimum, shown).Text;

    /// <summary>"12 people", or the analysis's words where the count was held back ("fewer than 10 people").</summary>
    public static string People(int? n, int minimum, string? shown) =>
        n is { } v ? People(v) : !string.IsNullOrWhiteSpace(shown) ? shown : $"fewer than {minimum} people";

    /// <summary>What a held-back figure reads: the analysis's words without a trailing noun, else "fewer than N".</summary>
    public static Suppressed Held(int minimum, string? shown)
    {
        var text = string.IsNullOrWhiteSpace(shown) ? $"fewer than {minimum}" : shown.Trim();
        foreach (var noun in new[] { " people", " person" })
            if (text.EndsWith(noun)) text = text[..^noun.Length];
        return new Suppressed(text);
    }

    /// <summary>A percentage (0 to 100) as the report writes it: "45%", "4.5%", "less than 1%".</summary>
    public static string Share(double percent) => double.IsFinite(percent) ? Words.Percent(percent / 100) : "not measured";

    public static string Share(double? percent, string otherwise = "not shown") => percent is { } p ? Share(p) : otherwise;

    /// <summary>The number a data table holds for a share: the same rounding <see cref="Share(double)"/> shows.</summary>
    public static double? ShareValue(double? percent)
    {
        if (percent is not { } p || !double.IsFinite(p)) return null;
        return (p > 0 && p < 0.5) || (p < 10 && Math.Round(p, 1) != Math.Round(p)) ? Math.Round(p, 1) : Math.Round(p);
    }

    public static string Decimal(double? value, string format) =>
        value is { } v && double.IsFinite(v) ? v.ToString(format, System.Globalization.CultureInfo.InvariantCulture) : "not measured";

    public static string PValue(double? p) => p is not { } v ? "not measured" : v < 0.001 ? "< 0.001" : $"= {v.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>A profile answer or attribution as words: a role key such as <c>ProgrammeStaff</c> reads "Programme staff".</summary>
    public static string Value(string value) =>
        Roles.Staff.Contains(value) || value == Roles.Participant ? Words.Role(value) : value;

    /// <summary>An attribution such as "ProgrammeStaff, North West", each part as words.</summary>
    public static string Attribution(string? attribution) =>
        string.IsNullOrWhiteSpace(attribution) ? "" : string.Join(", ", attribution.Split(',').Select(p => Value(p.Trim())));

    /// <summary>"supervision" inside a sentence, keeping capitals of acronyms and names ("NHS band").</summary>
    public static string InSentence(string label) =>
        label.Length > 1 && char.IsUpper(label[0]) && !char.IsUpper(label[1]) && !label.Split(' ')[0].Skip(1).Any(char.IsUpper)
            ? char.ToLowerInvariant(label[0]) + label[1..] : label;

    public static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
