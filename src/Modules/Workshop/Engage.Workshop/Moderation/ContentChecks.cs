using System.Text.RegularExpressions;

namespace Engage.Workshop.Moderation;

/// <summary>
/// The automatic checks before publication. Anything they find holds the contribution for a
/// moderator: contact personal data must never appear in public, and a false alarm only costs a
/// moderator's glance. Each finding names its reason, for the moderator and the transparency counts.
/// </summary>
public static partial class ContentChecks
{
    public const string Email = "email address";
    public const string Phone = "phone number";
    public const string NhsNumber = "NHS number";
    public const string Link = "link";
    public const string Language = "offensive language";

    public static IReadOnlyList<string> Find(string text, IReadOnlyCollection<string> offensiveWords)
    {
        var found = new List<string>();
        if (EmailPattern().IsMatch(text)) found.Add(Email);
        var nhs = TenDigits().Matches(text).Where(m => IsNhsNumber(m.Value)).ToList();
        if (nhs.Count > 0) found.Add(NhsNumber);
        var withoutNhs = nhs.Aggregate(text, (t, m) => t.Replace(m.Value, " "));
        if (PhonePattern().IsMatch(withoutNhs)) found.Add(Phone);
        if (LinkPattern().IsMatch(text)) found.Add(Link);
        if (offensiveWords.Count > 0 && Words().Matches(text).Any(w => offensiveWords.Contains(w.Value, StringComparer.OrdinalIgnoreCase)))
            found.Add(Language);
        return found;
    }

    /// <summary>Modulus 11 check on the tenth digit, as the NHS number is defined.</summary>
    public static bool IsNhsNumber(string candidate)
    {
        var digits = candidate.Where(char.IsAsciiDigit).Select(c => c - '0').ToArray();
        if (digits.Length != 10 || digits.All(d => d == digits[0])) return false;
        var sum = 0;
        for (var i = 0; i < 9; i++) sum += digits[i] * (10 - i);
        var check = 11 - sum % 11;
        if (check == 11) check = 0;
        return check != 10 && check == digits[9];
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+\s*(@|\(at\)|\[at\])\s*[A-Za-z0-9.-]+\.[A-Za-z]{2,}", RegexOptions.IgnoreCase)]
    private static partial Regex EmailPattern();

    // UK numbers: +44 or 0, then 9 or 10 more digits, with spaces, dashes or brackets between groups.
    [GeneratedRegex(@"(?<!\d)(?:\+44\s?\(?0?\)?|\(?0)(?:[\s\-\)]*\d){9,10}(?!\d)")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"(?<!\d)\d{3}[\s-]?\d{3}[\s-]?\d{4}(?!\d)")]
    private static partial Regex TenDigits();

    [GeneratedRegex(@"https?://|www\.|\b[a-z0-9-]+\.(?:com|org|net|uk|io|info|biz|co)\b", RegexOptions.IgnoreCase)]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"[\p{L}']+")]
    private static partial Regex Words();
}

/// <summary>Moderation settings (section "Moderation"): the offensive-word list, one entry per word.</summary>
public sealed class ModerationOptions
{
    public List<string> OffensiveWords { get; set; } = [];
}
