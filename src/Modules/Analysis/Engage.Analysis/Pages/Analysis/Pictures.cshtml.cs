using Engage.Analysis.Contracts;
using Engage.Analysis.Corpora;
using Engage.Analysis.Findings;
using Engage.Analysis.Pictures;
using Microsoft.AspNetCore.Mvc;
using Wolverine;

namespace Engage.Analysis.Pages;

/// <summary>
/// The conversation as pictures, each drawn on the server with its numbers in a table beside it: themes by
/// an attribute (chi-square marked), codes that occur together, and theme prevalence over the workshop's
/// days. Every figure obeys the workshop's minimum group size.
/// </summary>
public class PicturesModel(IAnalysisStore store, IMessageBus bus) : AnalysisPage(store, bus)
{
    /// <summary>Lines drawn over time: more than this many become unreadable.</summary>
    public const int ThemesOverTime = 6;

    [BindProperty(SupportsGet = true)] public string? By { get; set; }

    public IReadOnlyList<string> AttributeNames { get; private set; } = [];
    public MinimumGroup Minimum { get; private set; } = new(1);
    public IReadOnlyList<(string Theme, ThemeBreakdown Breakdown)> ThemeRows { get; private set; } = [];
    public string? ThemeAttributeSvg { get; private set; }
    public CoOccurrencePicture? CoOccurrence { get; private set; }
    public IReadOnlyList<DateOnly> Days { get; private set; } = [];
    public IReadOnlyList<int> DayContributors { get; private set; } = [];
    public IReadOnlyList<PrevalenceLine> Lines { get; private set; } = [];
    public string? PrevalenceSvg { get; private set; }

    protected override async Task<bool> LoadAsync(Guid id)
    {
        await using var session = Store.QuerySession();
        if (!await FindCorpus(session, id)) return false;
        var facts = await CorpusFacts.LoadAsync(session, id, HttpContext.RequestAborted);
        Minimum = new MinimumGroup(facts.MinimumGroupSize);
        var themes = ThemeFindings.Build(facts, OpinionAnalysis.None);
        AttributeNames = facts.AttributeNames;

        if (AttributeNames.Count > 0)
        {
            if (By is not null && !AttributeNames.Contains(By)) Errors.Add($"Choose one of the attributes: {string.Join(", ", AttributeNames)}.");
            var by = By is not null && AttributeNames.Contains(By) ? By : AttributeNames[0];
            By = by;
            ThemeRows = themes.Select(t => (t.Title, t.Breakdowns.First(b => b.Attribute == by))).ToList();
            if (ThemeRows.Count > 0) ThemeAttributeSvg = ThemeAttributePicture.Svg(by, ThemeRows, Minimum.Size);
        }

        var (codes, counts) = AttributeBreakdowns.CoOccurrence(facts);
        if (codes.Count >= 2)
            CoOccurrence = CoOccurrencePicture.Of(codes.Select(c => facts.Codebook.CodeOf(c)!.Name).ToList(), counts, Minimum);

        OverTime(facts, themes);
        return true;
    }

    private void OverTime(CorpusFacts facts, IReadOnlyList<FindingTheme> themes)
    {
        if (facts.Items.Count == 0 || themes.Count == 0) return;
        // Days as the workshop's people lived them: UK time, as every date Engage shows.
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById("Europe/London", out var london) ? london : TimeZoneInfo.Utc;
        var dayOf = facts.Items.ToDictionary(i => i.Id, i => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(i.PublishedAt, zone).DateTime));
        var first = dayOf.Values.Min();
        var last = dayOf.Values.Max();
        Days = Enumerable.Range(0, last.DayNumber - first.DayNumber + 1).Select(first.AddDays).ToList();
        var byDay = facts.Items.GroupBy(i => dayOf[i.Id]).ToDictionary(g => g.Key, g => g.ToList());
        DayContributors = Days.Select(d => byDay.GetValueOrDefault(d)?.Select(facts.PersonOf).OfType<Guid>().Distinct().Count() ?? 0).ToList();
        Lines = themes.OrderByDescending(t => t.People).Take(ThemesOverTime).Select((t, n) =>
        {
            var items = facts.ItemsUnder(t.ThemeId);
            return new PrevalenceLine(t.Title, n, Days.Select((d, k) =>
            {
                var people = byDay.GetValueOrDefault(d)?.Where(i => items.Contains(i.Id)).Select(facts.PersonOf).OfType<Guid>().Distinct().Count() ?? 0;
                var all = DayContributors[k];
                // A day of too few contributors, or too few raising the theme, is not shown at all.
                var hidden = all == 0 || Minimum.Hides(all) || (people > 0 && Minimum.Hides(people));
                return (people, hidden ? (double?)null : 100.0 * people / all);
            }).ToList());
        }).ToList();
        PrevalenceSvg = Prevalence.Draw("prevalence-map", Days, DayContributors, Lines);
    }

    public Task<IActionResult> OnGetAsync(Guid id) => Show(id);

    public string Cell(BreakdownCell cell) =>
        cell.GroupSize is null ? $"fewer than {Minimum.Size} people in the group"
        : cell.Count is null ? $"fewer than {Minimum.Size} of {cell.GroupSize}"
        : $"{cell.Count} of {cell.GroupSize} ({Math.Round(cell.Percent ?? 0, 1)}%)";
}
