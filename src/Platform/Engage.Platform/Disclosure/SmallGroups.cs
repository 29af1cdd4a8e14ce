using Engage.Platform.Wording;

namespace Engage.Platform.Disclosure;

/// <summary>Why a count of people is shown or not (docs/disclosure-control.md).</summary>
public enum Suppression
{
    /// <summary>Shown: nobody, or at least the minimum.</summary>
    None,
    /// <summary>Primary: between 1 and the minimum less one; printed "fewer than N".</summary>
    FewerThanMinimum,
    /// <summary>Secondary (complementary): large enough, but hidden so a smaller cell cannot be worked out by subtraction; printed "not shown".</summary>
    Complementary
}

/// <summary>A count of people with what the rule decided about it.</summary>
public readonly record struct ProtectedCount(int Count, Suppression Suppression)
{
    public bool IsShown => Suppression == Suppression.None;

    /// <summary>The count, or null when it must not leave the module.</summary>
    public int? Value => IsShown ? Count : null;

    /// <summary>What to print: "12", "fewer than 10" or "not shown".</summary>
    public string Text(int minimum) => Suppression switch
    {
        Suppression.None => Count.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("en-GB")),
        Suppression.FewerThanMinimum => $"fewer than {minimum}",
        _ => "not shown"
    };

    /// <summary>What to print with the noun: "12 people", "1 person", "fewer than 10 people", "not shown".</summary>
    public string Words(int minimum, string singular = "person", string? plural = null) => Suppression switch
    {
        Suppression.None => Wording.Words.Count(Count, singular, plural),
        Suppression.FewerThanMinimum => $"fewer than {minimum} {Wording.Words.Noun(minimum, singular, plural)}",
        _ => "not shown"
    };
}

/// <summary>
/// The one small-group rule every figure about people passes through where it leaves a module (the
/// Workshop dashboard, Analysis's pages, API and published analysis, and so every report format).
/// A count of people is shown only when it is 0 or at least the minimum group size. Where counts are
/// cells of a table whose total is shown, hiding one cell is not enough (the total less the others gives
/// it back), so further cells are hidden, smallest first, until at least two are hidden and together they
/// describe at least the minimum; a table where that cannot be done has a total under the minimum, which
/// the same rule hides. The rule is the workshop's policy, not a page's: pages and renderers print the
/// outcome and never decide it again.
/// </summary>
public static class SmallGroups
{
    public const int DefaultMinimum = 10;

    /// <summary>Is a count of people allowed out on its own? 0 describes nobody; 1 to minimum-1 could point at someone.</summary>
    public static bool Shows(int count, int minimum) => count == 0 || count >= minimum;

    /// <summary>One count with nothing beside it that adds up to a shown total.</summary>
    public static ProtectedCount One(int count, int minimum) =>
        new(count, Shows(count, minimum) ? Suppression.None : Suppression.FewerThanMinimum);

    /// <summary>
    /// Cells that add up to a shown total (people by region; people in each opinion group): primary
    /// suppression of every cell under the minimum, then complementary suppression of the smallest shown
    /// cells until the hidden ones are at least two and together describe at least the minimum.
    /// <paramref name="alsoHidden"/> marks cells already hidden for another reason (e.g. by a linked table).
    /// </summary>
    public static IReadOnlyList<ProtectedCount> Cells(IReadOnlyList<int> counts, int minimum, IReadOnlyList<bool>? alsoHidden = null)
    {
        var result = counts.Select((c, i) => alsoHidden is not null && alsoHidden[i] && Shows(c, minimum)
            ? new ProtectedCount(c, Suppression.Complementary)
            : One(c, minimum)).ToArray();
        Complete(result, minimum);
        return result;
    }

    /// <summary>
    /// Counts of people in groups whose sizes are known (e.g. contributors in each region who raised a
    /// theme): a count is hidden when it, or the rest of its group (size less count), is between 1 and the
    /// minimum less one, since "11 of the 12 midwives" also says what the twelfth did; a group whose size is
    /// hidden hides its count. Then complementary suppression down the column, whose total is shown.
    /// </summary>
    public static IReadOnlyList<ProtectedCount> WithinGroups(IReadOnlyList<int> counts, IReadOnlyList<ProtectedCount> groupSizes, int minimum)
    {
        var result = counts.Select((c, i) =>
            !groupSizes[i].IsShown ? new ProtectedCount(c, Shows(c, minimum) ? Suppression.Complementary : Suppression.FewerThanMinimum)
            : !Shows(c, minimum) ? new ProtectedCount(c, Suppression.FewerThanMinimum)
            : !Shows(groupSizes[i].Count - c, minimum) ? new ProtectedCount(c, Suppression.Complementary)
            : new ProtectedCount(c, Suppression.None)).ToArray();
        Complete(result, minimum);
        return result;
    }

    /// <summary>Hide the smallest shown non-zero cells until no hidden cell can be worked out from the total and the others.</summary>
    private static void Complete(ProtectedCount[] cells, int minimum)
    {
        while (true)
        {
            var hidden = cells.Where(c => !c.IsShown).ToList();
            var hiddenSum = hidden.Sum(c => c.Count);
            // Nothing hidden, or the hidden cells already describe at least the minimum between at least two of them.
            if (hiddenSum == 0 || (hidden.Count >= 2 && hiddenSum >= minimum)) return;
            var next = Enumerable.Range(0, cells.Length).Where(i => cells[i].IsShown && cells[i].Count > 0)
                .OrderBy(i => cells[i].Count).ThenBy(i => i).Cast<int?>().FirstOrDefault();
            // No shown non-zero cell left: every person is in a hidden cell, so the total is all they add up to,
            // and the total is itself a count of people that passes (or fails) the rule on its own.
            if (next is not { } n) return;
            cells[n] = cells[n] with { Suppression = Suppression.Complementary };
        }
    }

    /// <summary>"12 people", "fewer than 10 people": one count of people in words, through the rule.</summary>
    public static string People(int count, int minimum) => One(count, minimum).Words(minimum);

    /// <summary>A share (0 to 100, one decimal) of a shown count in a shown base; null when either is hidden or the base is 0.</summary>
    public static double? Percent(ProtectedCount part, int whole) =>
        part.IsShown && whole > 0 ? Math.Round(100.0 * part.Count / whole, 1) : null;

    /// <summary>"45%" or "not shown", through <see cref="Words.Percent"/>.</summary>
    public static string PercentText(double? percent) => percent is { } p ? Words.Percent(p / 100) : "not shown";
}

