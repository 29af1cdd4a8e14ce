using Engage.Analysis.Codebooks;
using Engage.Analysis.Coding;
using Engage.Analysis.Corpora;
using Engage.Analysis.Findings;
using Engage.Platform.Web;
using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine;

namespace Engage.Analysis.Pages;

/// <summary>
/// Reading and coding, 25 items a page under the analyst's filters. Every form returns to the same
/// filter, page and item. A passage is given as the words themselves: the page finds them in the item.
/// </summary>
public class CodeModel(IAnalysisStore store, IMessageBus bus) : AnalysisPage(store, bus)
{
    [BindProperty(SupportsGet = true)] public Guid? Theme { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Code { get; set; }
    [BindProperty(SupportsGet = true)] public bool Uncoded { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Attribute { get; set; }
    [BindProperty(SupportsGet = true)] public string? Value { get; set; }
    [BindProperty(SupportsGet = true)] public bool Starred { get; set; }
    /// <summary>One item alone, as a link from a disagreement or a suggestion shows it.</summary>
    [BindProperty(SupportsGet = true)] public Guid? Item { get; set; }
    [BindProperty(SupportsGet = true)] public int? P { get; set; }

    public ItemPage Items { get; private set; } = new(0, 1, BrowseItemsEndpoint.PageSize, []);
    public CodebookView Codebook { get; private set; } = null!;
    public IReadOnlyList<CodeView> ActiveCodes => Codebook.Codes.Where(c => !c.Retired).ToList();
    public CorpusWorkshop? Workshop { get; private set; }
    public IReadOnlyList<string> AttributeNames { get; private set; } = [];
    /// <summary>Starred items' quote ids, to unstar them.</summary>
    public IReadOnlyDictionary<Guid, Guid> QuoteOf { get; private set; } = new Dictionary<Guid, Guid>();
    public ILookup<Guid, Memo> Memos { get; private set; } = Array.Empty<Memo>().ToLookup(m => m.Id);
    /// <summary>For items in a double-coding sample this analyst codes: the sample, and whether they have finished the item.</summary>
    public IReadOnlyDictionary<Guid, (Guid SampleId, bool Done)> Samples { get; private set; } = new Dictionary<Guid, (Guid, bool)>();
    public Guid Me => Analyst;

    public int Pages => Math.Max(1, (Items.Total + Items.PageSize - 1) / Items.PageSize);

    protected override async Task<bool> LoadAsync(Guid id)
    {
        await using var session = Store.QuerySession();
        if (!await FindCorpus(session, id)) return false;
        Codebook = ViewCodebookEndpoint.View(id, await session.CodebookOf(id));
        Workshop = await session.LoadAsync<CorpusWorkshop>(id);
        AttributeNames = await WorkspaceQueries.AttributeNames(session, id, Workshop);

        var q = Q?.Trim();
        if (q is { Length: > 200 }) { Errors.Add("Search for at most 200 characters."); q = null; }
        var attribute = string.IsNullOrWhiteSpace(Attribute) ? null : Attribute;
        if (attribute is not null && string.IsNullOrWhiteSpace(Value)) { Errors.Add($"Enter the value of '{attribute}' to filter by."); attribute = null; }
        var filter = new ItemFilter(Theme, Code, Uncoded, string.IsNullOrEmpty(q) ? null : q, attribute, attribute is null ? null : Value!.Trim(), Starred, Item);
        Items = await BrowseItemsEndpoint.Read(session, id, filter, Math.Max(1, P ?? 1), Analyst);

        var ids = Items.Items.Select(i => i.Id).ToArray();
        var nullableIds = ids.Select(i => (Guid?)i).ToArray();
        QuoteOf = (await session.Query<Quote>().Where(x => x.CorpusId == id && ids.Contains(x.ItemId)).ToListAsync()).ToDictionary(x => x.ItemId, x => x.Id);
        Memos = (await session.Query<Memo>().Where(m => m.CorpusId == id && nullableIds.Contains(m.ItemId)).OrderBy(m => m.WrittenAt).ToListAsync())
            .ToLookup(m => m.ItemId!.Value);
        var blind = Items.Items.Where(i => i.Blind).Select(i => i.Id).ToHashSet();
        if (blind.Count > 0)
        {
            // An item in two of this analyst's samples is finished in the newer one.
            var mine = (await session.Query<CodingSample>().Where(s => s.CorpusId == id).OrderByDescending(s => s.CreatedAt).ToListAsync())
                .Where(s => s.CoderIds.Contains(Analyst)).ToList();
            var sampleOf = blind.ToDictionary(i => i, i => mine.First(s => s.ItemIds.Contains(i)).Id);
            var done = (await session.LoadManyAsync<SampleItemDone>(sampleOf.Select(s => $"{s.Value}:{Analyst}:{s.Key}").ToArray())).Select(d => d.ItemId).ToHashSet();
            Samples = sampleOf.ToDictionary(s => s.Key, s => (s.Value, done.Contains(s.Key)));
        }
        return true;
    }

    public Task<IActionResult> OnGetAsync(Guid id) => Show(id);

    public async Task<IActionResult> OnPostApplyAsync(Guid id, Guid itemId, Guid? codeId, string? passage)
    {
        int? start = null, end = null;
        if (!string.IsNullOrWhiteSpace(passage))
        {
            await using var session = Store.QuerySession();
            var text = (await session.LoadAsync<CorpusItem>(itemId))?.Text ?? "";
            var words = passage.Trim();
            var at = text.IndexOf(words, StringComparison.Ordinal);
            if (at < 0)
                return await Refuse(id, new RuleBroken(400, $"The passage \"{words}\" is not in the item's text. Copy it exactly as the item has it, or leave the passage empty to code the whole item."),
                    $"passage-{itemId}");
            (start, end) = (at, at + words.Length);
        }
        return await Run(id, new ApplyCode(id, itemId, new CodingForm(codeId, start, end), Analyst, AnalystName),
            start is null ? "The code is applied to the whole item." : "The code is applied to the passage.", Back(id, itemId), $"code-{itemId}");
    }

    public Task<IActionResult> OnPostRemoveAsync(Guid id, Guid itemId, Guid codingId) =>
        Run(id, new RemoveCoding(id, itemId, codingId, Analyst), "Your coding is removed.", Back(id, itemId), $"code-{itemId}");

    public Task<IActionResult> OnPostMarkAsync(Guid id, Guid itemId, string? kind) =>
        Run(id, new MarkItem(id, itemId, kind is null or "" or "none" ? null : kind, Analyst),
            kind is null or "" or "none" ? "The item's mark is cleared." : $"The item is marked as {Kind(kind).ToLowerInvariant()}.", Back(id, itemId), $"kind-{itemId}");

    public Task<IActionResult> OnPostStarAsync(Guid id, Guid itemId, string? note) =>
        Run(id, new StarQuote(id, new QuoteForm(itemId, note), Analyst), "The item is starred as a quote.", Back(id, itemId), $"note-{itemId}");

    public Task<IActionResult> OnPostUnstarAsync(Guid id, Guid itemId, Guid quoteId) =>
        Run(id, new UnstarQuote(id, quoteId), "The item is no longer a quote.", Back(id, itemId), $"unstar-{itemId}");

    public Task<IActionResult> OnPostMemoAsync(Guid id, Guid itemId, string? memo) =>
        Run(id, new WriteMemo(id, new MemoForm(itemId, null, memo), Analyst, AnalystName), "Your memo is saved.", Back(id, itemId), $"memo-{itemId}");

    public Task<IActionResult> OnPostDoneAsync(Guid id, Guid itemId, Guid sampleId) =>
        Run(id, new FinishSampleItem(id, sampleId, itemId, Analyst), "The item is done in your sample.", Back(id, itemId), $"code-{itemId}");

    /// <summary>The filter as a query string, without the page number unless <paramref name="page"/> says otherwise.</summary>
    public string Query(int? page = -1)
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        void Add(string key, string? value) { if (!string.IsNullOrEmpty(value)) pairs.Add(new(key, value)); }
        Add("theme", Theme?.ToString());
        Add("code", Code?.ToString());
        if (Uncoded) Add("uncoded", "true");
        Add("q", Q);
        if (!string.IsNullOrWhiteSpace(Attribute)) { Add("attribute", Attribute); Add("value", Value); }
        if (Starred) Add("starred", "true");
        Add("item", Item?.ToString());
        var p = page == -1 ? P : page;
        if (p is > 1) Add("p", p.Value.ToString());
        return QueryString.Create(pairs).ToString();
    }

    /// <summary>Where a form on item <paramref name="itemId"/> posts: its handler, the item, and the current filter and page.</summary>
    public string Action(string handler, Guid itemId, params (string Key, string Value)[] extra)
    {
        var query = QueryString.Create([new("handler", handler), new("itemId", itemId.ToString()), .. extra.Select(e => new KeyValuePair<string, string?>(e.Key, e.Value))]);
        var filter = Query();
        return $"/analysis/{Corpus.Id}/code{query}{(filter.Length > 0 ? "&" + filter[1..] : "")}";
    }

    public string PageLink(int page) => $"/analysis/{Corpus.Id}/code{Query(page)}";

    private string Back(Guid id, Guid itemId) => $"/analysis/{id}/code{Query()}#item-{itemId}";

    public static string Kind(string? kind) => kind switch
    {
        "problem" => "Problem",
        "solution" => "Solution",
        "both" => "Problem and solution",
        _ => "Not marked"
    };

    public string ThemeTitle(Guid themeId) => Workshop?.Opened.Themes.FirstOrDefault(t => t.ThemeId == themeId)?.Title ?? "";
}
