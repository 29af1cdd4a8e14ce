using System.Globalization;
using Engage.Analysis.Codebooks;
using Engage.Analysis.Contracts;
using Engage.Analysis.Findings;
using Microsoft.AspNetCore.Mvc;
using Wolverine;

namespace Engage.Analysis.Pages;

public record BreakdownLine(Guid Id, string Name, int Depth, ThemeBreakdown Breakdown);

/// <summary>
/// What the analysis shows so far, computed from the corpus as it is now: themes with prevalence,
/// issues, solutions and sentiment; any theme or code broken down by an attribute (small groups
/// suppressed, with chi-square); which codes occur together; and the quotes with their attribution.
/// </summary>
public class FindingsModel(IAnalysisStore store, IMessageBus bus, FindingsCache cache) : AnalysisPage(store, bus)
{
    [BindProperty(SupportsGet = true)] public string? By { get; set; }
    [BindProperty(SupportsGet = true)] public string? Of { get; set; }

    public IReadOnlyList<FindingTheme> Themes { get; private set; } = [];
    public IReadOnlyList<string> AttributeNames { get; private set; } = [];
    public int MinimumGroupSize { get; private set; }
    public int Contributors { get; private set; }
    public IReadOnlyList<BreakdownLine> Breakdown { get; private set; } = [];
    public IReadOnlyList<CodeView> CoCodes { get; private set; } = [];
    public int[,] CoCounts { get; private set; } = new int[0, 0];
    public IReadOnlyList<QuoteView> Quotes { get; private set; } = [];
    public IReadOnlyDictionary<Guid, CodeView> Codes { get; private set; } = new Dictionary<Guid, CodeView>();
    public bool ThemesAreCodes { get; private set; }

    protected override async Task<bool> LoadAsync(Guid id)
    {
        await using var session = Store.QuerySession();
        if (!await FindCorpus(session, id)) return false;
        // Read and computed once per corpus version, not per request (FindingsCache).
        var facts = await cache.FactsAsync(id, HttpContext.RequestAborted);
        // Opinion groups' views on each theme are not shown here, so they are not computed.
        Themes = await cache.GetAsync(id, "themes", f => ThemeFindings.Build(f, OpinionAnalysis.None), HttpContext.RequestAborted);
        ThemesAreCodes = facts.Codebook.Active.Any(c => c.ParentId is null);
        AttributeNames = facts.AttributeNames;
        MinimumGroupSize = facts.MinimumGroupSize;
        Contributors = facts.Contributors.Count;
        ContributorsShown = Figures.Participation(facts).ContributorsShown;
        Labels = facts.AttributeNames.ToDictionary(a => a, facts.LabelOf);
        var view = ViewCodebookEndpoint.View(id, facts.Codebook);
        Codes = view.Codes.ToDictionary(c => c.Id);

        if (!string.IsNullOrWhiteSpace(By))
        {
            if (!AttributeNames.Contains(By))
                Errors.Add(AttributeNames.Count == 0 ? "The items have no attributes to break down by." : $"Choose one of the attributes: {string.Join(", ", AttributeNames)}.");
            else if (Of == "codes")
                Breakdown = view.Codes.Where(c => !c.Retired).Select(c => new BreakdownLine(c.Id, c.Name, c.Depth, AttributeBreakdowns.Of(facts, facts.ItemsWith(c.Id), By))).ToList();
            else
                Breakdown = Themes.Select(t => new BreakdownLine(t.ThemeId, t.Title, 0, t.Breakdowns.First(b => b.Attribute == By))).ToList();
        }

        var (codes, counts) = await cache.GetAsync(id, "co-occurrence", AttributeBreakdowns.CoOccurrence, HttpContext.RequestAborted);
        CoCodes = codes.Select(c => Codes[c]).ToList();
        CoCounts = counts;
        Quotes = await cache.GetAsync(id, "quotes", f => f.Quotes.Select(f.ViewOf).OfType<QuoteView>().ToList(), HttpContext.RequestAborted);
        return true;
    }

    public Task<IActionResult> OnGetAsync(Guid id) => Show(id);

    public async Task<IActionResult> OnGetBreakdownCsvAsync(Guid id)
    {
        await using var session = Store.QuerySession();
        return await Deliver(await FindingsEndpoint.BreakdownCsv(id, By, Of, session, cache));
    }

    public async Task<IActionResult> OnGetCodingsAsync(Guid id)
    {
        await using var session = Store.QuerySession();
        return await Deliver(await FindingsEndpoint.CodingsCsv(id, session, cache));
    }

    public Task<IActionResult> OnPostUnstarAsync(Guid id, Guid quoteId) =>
        Run(id, new UnstarQuote(id, quoteId), "The item is no longer a quote.", $"/analysis/{id}/findings#quotes", $"unstar-{quoteId}");

    /// <summary>A breakdown cell in words, as the rule left it: suppressed cells never show a number.</summary>
    public string Cell(BreakdownCell cell) =>
        cell.GroupSize is null ? $"group {cell.GroupSizeShown}"
        : cell.Count is null ? $"{cell.Shown} of {cell.GroupSize:N0}"
        : $"{cell.Count:N0} of {cell.GroupSize:N0} ({Engage.Platform.Disclosure.SmallGroups.PercentText(cell.Percent)})";

    public string ContributorsShown { get; private set; } = "";
    public IReadOnlyDictionary<string, string> Labels { get; private set; } = new Dictionary<string, string>();
    public string LabelOf(string attribute) => Labels.GetValueOrDefault(attribute) ?? Engage.Platform.Wording.Words.Humanise(attribute);

    public static string Number(double? value, string format) => value?.ToString(format, CultureInfo.InvariantCulture) ?? "–";
}
