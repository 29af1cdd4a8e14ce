using System.Text;
using System.Text.Encodings.Web;
using Engage.Analysis.Codebooks;
using Engage.Analysis.Coding;
using Engage.Analysis.Corpora;
using Engage.Analysis.Findings;
using Engage.Platform.Web;
using Engage.Platform.Wording;
using Marten;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine;

namespace Engage.Analysis.Pages;

/// <summary>
/// Reading and coding, 50 compact items a page under the analyst's filters; one item opened shows its
/// marks, quote and memos too. A code is found by typing part of its name. A passage is the words the
/// analyst selected (the script sends their offsets) or, without the script, the words typed in. Forms
/// sent by htmx get back just the item they changed; without JavaScript every form returns to the same
/// filter, page and item.
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
    [BindProperty(SupportsGet = true)] public bool Mine { get; set; }
    /// <summary>Only the items of one double-coding sample.</summary>
    [BindProperty(SupportsGet = true)] public Guid? Sample { get; set; }
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
    /// <summary>Codes as the picker offers them: this analyst's recent codes first, then the codebook's order.</summary>
    public IReadOnlyList<CodeChoice> Choices { get; private set; } = [];
    /// <summary>The bulk coding just made, offered for undoing.</summary>
    [TempData] public Guid? LastBulk { get; set; }
    /// <summary>The one item an htmx request re-renders.</summary>
    private Guid? fragment;
    public bool Detail => Item is not null;
    public bool IsHtmx => Request.Headers.ContainsKey("HX-Request");

    public int Pages => Math.Max(1, (Items.Total + Items.PageSize - 1) / Items.PageSize);

    protected override async Task<bool> LoadAsync(Guid id)
    {
        await using var session = Store.QuerySession();
        if (!await FindCorpus(session, id)) return false;
        Codebook = ViewCodebookEndpoint.View(id, await session.CodebookOf(id));
        Workshop = await session.LoadAsync<CorpusWorkshop>(id);
        // One item put back after a command needs none of the page's filters, quotes or memos.
        if (fragment is null) AttributeNames = await WorkspaceQueries.AttributeNames(session, id, Workshop);

        var q = Q?.Trim();
        if (q is { Length: > 200 }) { Errors.Add("Search for at most 200 characters."); q = null; }
        var attribute = string.IsNullOrWhiteSpace(Attribute) ? null : Attribute;
        if (attribute is not null && string.IsNullOrWhiteSpace(Value)) { Errors.Add($"Enter the value of '{attribute}' to filter by."); attribute = null; }
        Choices = CodePicker.Choices(Codebook, await CodePicker.RecentOf(session, id, Analyst));
        var filter = fragment is { } one ? new ItemFilter(ItemId: one)
            : new ItemFilter(Theme, Code, Uncoded, string.IsNullOrEmpty(q) ? null : q, attribute, attribute is null ? null : Value!.Trim(), Starred, Item, Mine, Sample);
        Items = await BrowseItemsEndpoint.Read(session, id, filter, Math.Max(1, P ?? 1), Analyst);

        // Quotes and memos show on an item opened alone; the list counts them from the item itself.
        if (Detail && fragment is null)
        {
            var ids = Items.Items.Select(i => i.Id).ToArray();
            var nullableIds = ids.Select(i => (Guid?)i).ToArray();
            QuoteOf = (await session.Query<Quote>().Where(x => x.CorpusId == id && ids.Contains(x.ItemId)).ToListAsync()).ToDictionary(x => x.ItemId, x => x.Id);
            Memos = (await session.Query<Memo>().Where(m => m.CorpusId == id && nullableIds.Contains(m.ItemId)).OrderBy(m => m.WrittenAt).ToListAsync())
                .ToLookup(m => m.ItemId!.Value);
        }
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

    /// <summary>The code as typed (<paramref name="code"/>, part of its name) or, from scripts and older forms, by id.</summary>
    public async Task<IActionResult> OnPostApplyAsync(Guid id, Guid itemId, string? code, Guid? codeId, int? start, int? end, string? passage)
    {
        var field = $"code-{itemId}";
        await using (var session = Store.QuerySession())
        {
            var codebook = ViewCodebookEndpoint.View(id, await session.CodebookOf(id));
            if (codeId is null)
                try { codeId = CodePicker.Resolve(CodePicker.Choices(codebook, []), code); }
                catch (RuleBroken broken) { return await Refuse(id, itemId, broken, field); }
            if (start is null && end is null && !string.IsNullOrWhiteSpace(passage))
            {
                var text = (await session.LoadAsync<CorpusItem>(itemId))?.Text ?? "";
                var words = passage.Trim();
                var at = text.IndexOf(words, StringComparison.Ordinal);
                if (at < 0)
                    return await Refuse(id, itemId, new RuleBroken(400, $"The passage \"{words}\" is not in the item's text. Select it in the item, or type it exactly as the item has it, or leave it empty to code the whole item."),
                        $"passage-{itemId}");
                (start, end) = (at, at + words.Length);
            }
        }
        return await RunOn(id, itemId, new ApplyCode(id, itemId, new CodingForm(codeId, start, end), Analyst, AnalystName),
            start is null ? "The code is applied to the whole item." : "The code is applied to the passage.", field);
    }

    public Task<IActionResult> OnPostRemoveAsync(Guid id, Guid itemId, Guid codingId) =>
        RunOn(id, itemId, new RemoveCoding(id, itemId, codingId, Analyst), "Your coding is removed.", $"code-{itemId}");

    /// <summary>Codes every item the current filter selects; the notice that follows offers to undo it.</summary>
    public async Task<IActionResult> OnPostBulkAsync(Guid id, string? bulkCode)
    {
        Guid codeId;
        await using (var session = Store.QuerySession())
        {
            try { codeId = CodePicker.Resolve(CodePicker.Choices(ViewCodebookEndpoint.View(id, await session.CodebookOf(id)), []), bulkCode); }
            catch (RuleBroken broken) { return await Refuse(id, broken, "bulk-code"); }
        }
        var filter = new ItemFilter(Theme, Code, Uncoded, string.IsNullOrWhiteSpace(Q) ? null : Q.Trim(),
            string.IsNullOrWhiteSpace(Attribute) ? null : Attribute, string.IsNullOrWhiteSpace(Attribute) ? null : Value?.Trim(), Starred, null, Mine, Sample);
        var made = await Ask<BulkCodingMade>(new BulkApplyCode(id, codeId, filter, Analyst, AnalystName));
        if (made is null) { FailedField = "bulk-code"; return await Show(id); }
        Notice = $"The code is applied to {Words.Count(made.Items, "item")}" + (made.AlreadyCoded > 0 ? $" ({Words.Count(made.AlreadyCoded, "item")} already had it from you)." : ".");
        LastBulk = made.Id;
        return LocalRedirect($"/analysis/{id}/code{Query()}");
    }

    public Task<IActionResult> OnPostUndoBulkAsync(Guid id, Guid bulkId) =>
        Run(id, new UndoBulkCoding(id, bulkId, Analyst), "The bulk coding is undone: the codes it applied are removed.", $"/analysis/{id}/code{Query()}", "undo-bulk");

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
        RunOn(id, itemId, new FinishSampleItem(id, sampleId, itemId, Analyst), "The item is done in your sample.", $"code-{itemId}");

    /// <summary>
    /// A command on one item. From htmx the answer is that item alone, re-rendered (with the problem beside its form
    /// when a rule was broken); without JavaScript it is the usual redirect back to the item in the list.
    /// </summary>
    private async Task<IActionResult> RunOn(Guid id, Guid itemId, object command, string notice, string field)
    {
        if (!IsHtmx) return await Run(id, command, notice, Back(id, itemId), field);
        if (await Send(command)) Done = notice;
        else FailedField = field;
        return await Fragment(id, itemId);
    }

    private async Task<IActionResult> Refuse(Guid id, Guid itemId, RuleBroken broken, string field)
    {
        if (!IsHtmx) return await Refuse(id, broken, field);
        Refused(broken);
        FailedField = field;
        return await Fragment(id, itemId);
    }

    /// <summary>htmx swaps only what it is given with a success status, so a refused command answers 200 with the problem shown.</summary>
    private async Task<IActionResult> Fragment(Guid id, Guid itemId)
    {
        fragment = itemId;
        if (!await LoadAsync(id) || Items.Items.Count == 0) return NotFound();
        Response.StatusCode = 200;
        return Partial("_CodeItem", new CodeItemContext(this, Items.Items[0]));
    }

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
        if (Mine) Add("mine", "true");
        Add("sample", Sample?.ToString());
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

    /// <summary>
    /// The item's text with each coded passage marked: a light fill in the first code's colour and one stripe
    /// beneath per coding, titled with the code and who applied it. The marks hold the text exactly, so the
    /// script's character offsets are offsets into the stored text.
    /// </summary>
    public static IHtmlContent TextHtml(ItemView item)
    {
        var html = new StringBuilder();
        foreach (var segment in TextSegments.Of(item.Text, item.Codings))
        {
            var text = HtmlEncoder.Default.Encode(segment.Text);
            if (segment.Codings.Count == 0) { html.Append(text); continue; }
            var stripes = string.Join(",", segment.Codings.Select((c, n) => $"inset 0 -{3 * (n + 1)}px 0 {c.Colour}"));
            var title = HtmlEncoder.Default.Encode(string.Join("; ", segment.Codings.Select(c => $"{c.Code} by {c.Coder}")));
            html.Append($"<mark class=\"coding-mark\" style=\"background:{segment.Codings[0].Colour}26;box-shadow:{stripes}\" title=\"{title}\">{text}</mark>");
        }
        return new HtmlString(html.ToString());
    }

    public string ThemeTitle(Guid themeId) => Workshop?.Opened.Themes.FirstOrDefault(t => t.ThemeId == themeId)?.Title ?? "";
}

/// <summary>What the item partial needs: the page (its filter, codes and forms) and the item.</summary>
public sealed record CodeItemContext(CodeModel Page, ItemView Item);
