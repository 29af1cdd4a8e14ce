using System.Security.Claims;
using Engage.Analysis.Codebooks;
using Engage.Analysis.Corpora;
using Engage.Platform;
using Engage.Platform.Web;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;
using Wolverine.Marten;

namespace Engage.Analysis.Coding;

public record ItemFilter(Guid? ThemeId = null, Guid? CodeId = null, bool Uncoded = false, string? Q = null, string? Attribute = null,
    string? Value = null, bool Starred = false, Guid? ItemId = null, bool UncodedByMe = false, Guid? SampleId = null);

public record CodingView(Guid Id, Guid CodeId, string Code, string Colour, Guid CoderId, string Coder, int CodebookVersion, int? Start, int? End,
    string? Passage, string Source, DateTimeOffset At);

public record ItemView(Guid Id, string? SourceId, Guid ThemeId, Guid? ParentId, string Text, string Pseudonym, DateTimeOffset PublishedAt,
    IReadOnlyDictionary<string, string> Attributes, int Agree, int Disagree, int Pass, string? Kind, bool Starred, int Memos,
    bool Blind, IReadOnlyList<CodingView> Codings);

public record ItemPage(int Total, int Page, int PageSize, IReadOnlyList<ItemView> Items);

/// <summary>
/// Read and filter a corpus for coding: by workshop theme, code (with its subcodes), uncoded, text,
/// an author attribute, starred as a quote, or one item by its id. On an item in a double-coding sample the analyst codes,
/// only their own codings are shown, so their judgement stays independent.
/// </summary>
[MartenStore(typeof(IAnalysisStore))]
[Authorize(Roles = Roles.Analysts)]
public static class BrowseItemsEndpoint
{
    /// <summary>A dense page: analysts moving from NVivo expect to scan a screenful of items, not a handful of cards.</summary>
    public const int PageSize = 50;

    [WolverineGet("/api/analysis/corpora/{id}/items")]
    public static async Task<IResult> Get(Guid id, Guid? themeId, Guid? codeId, bool? uncoded, string? q, string? attribute, string? value, bool? starred,
        Guid? itemId, bool? uncodedByMe, int? page, ClaimsPrincipal user, IQuerySession session)
    {
        if (await session.LoadAsync<Corpus>(id) is null) return ApiDoor.Problem(new RuleBroken(404, "The corpus was not found."));
        if (q is { Length: > 200 }) return ApiDoor.Problem(new RuleBroken(400, "'q' is at most 200 characters."));
        if (attribute is not null != value is not null) return ApiDoor.Problem(new RuleBroken(400, "Give 'attribute' and 'value' together."));
        return Results.Ok(await Read(session, id, new ItemFilter(themeId, codeId, uncoded ?? false, q, attribute, value, starred ?? false, itemId, uncodedByMe ?? false),
            Math.Max(1, page ?? 1), user.Analyst()));
    }

    [WolverineGet("/api/analysis/corpora/{id}/items/{itemId}/history")]
    public static async Task<IResult> History(Guid id, Guid itemId, IQuerySession session) =>
        await session.LoadAsync<CorpusItem>(itemId) is { } item && item.WorkshopId == id
            ? Results.Ok((await session.Events.FetchStreamAsync(itemId)).Select(e => new { version = e.Version, type = e.EventTypeName, data = e.Data, at = e.Timestamp }))
            : ApiDoor.Problem(new RuleBroken(404, "The item was not found in this corpus."));

    /// <summary>The items the filter selects, in the order they were published: the set bulk coding acts on.</summary>
    public static async Task<List<CorpusItem>> Matching(IQuerySession session, Guid corpusId, ItemFilter filter, Guid analyst)
    {
        var codebook = await session.CodebookOf(corpusId);
        var blind = await BlindTo(session, corpusId, analyst);
        var (query, people) = await Filtered(session, corpusId, filter, analyst, codebook, blind);
        var all = await query.OrderBy(i => i.PublishedAt).ToListAsync();
        return filter.Attribute is { } key ? all.Where(i => AttributesOf(i, people).TryGetValue(key, out var v) && v == filter.Value).ToList() : [.. all];
    }

    private static async Task<HashSet<Guid>> BlindTo(IQuerySession session, Guid corpusId, Guid analyst) =>
        (await session.Query<CodingSample>().Where(s => s.CorpusId == corpusId).ToListAsync())
            .Where(s => s.CoderIds.Contains(analyst)).SelectMany(s => s.ItemIds).ToHashSet();

    private static IReadOnlyDictionary<string, string> AttributesOf(CorpusItem i, Dictionary<Guid, CorpusParticipant> people) =>
        i.AuthorId is { } author && people.TryGetValue(author, out var p) ? p.Attributes : i.Attributes;

    private static async Task<(IQueryable<CorpusItem>, Dictionary<Guid, CorpusParticipant>)> Filtered(IQuerySession session, Guid corpusId, ItemFilter filter,
        Guid analyst, Codebooks.Codebook codebook, HashSet<Guid> blind)
    {
        var query = session.ItemsOf(corpusId);
        if (filter.ItemId is { } only) query = query.Where(i => i.Id == only);
        if (filter.ThemeId is { } theme) query = query.Where(i => i.ThemeId == theme);
        if (filter.SampleId is { } sampleId)
        {
            var sample = await session.LoadAsync<CodingSample>(sampleId);
            var inSample = sample is not null && sample.CorpusId == corpusId ? sample.ItemIds.ToArray() : [];
            query = query.Where(i => inSample.Contains(i.Id));
        }
        if (!string.IsNullOrWhiteSpace(filter.Q)) query = query.Where(i => i.Text.Contains(filter.Q.Trim(), StringComparison.OrdinalIgnoreCase));
        if (filter.CodeId is { } code)
        {
            var codes = codebook.Codes.Where(c => codebook.IsWithin(c.Id, code)).Select(c => c.Id).ToArray();
            var coded = (await session.CodingsOf(corpusId).Where(c => codes.Contains(c.CodeId)).ToListAsync())
                .Where(c => !blind.Contains(c.ItemId) || c.CoderId == analyst).Select(c => c.ItemId).Distinct().ToList();
            query = query.Where(i => coded.Contains(i.Id));
        }
        if (filter.Uncoded)
        {
            var coded = await session.CodingsOf(corpusId).Select(c => c.ItemId).Distinct().ToListAsync();
            query = query.Where(i => !coded.Contains(i.Id));
        }
        if (filter.UncodedByMe)
        {
            var mine = await session.CodingsOf(corpusId).Where(c => c.CoderId == analyst).Select(c => c.ItemId).Distinct().ToListAsync();
            query = query.Where(i => !mine.Contains(i.Id));
        }
        if (filter.Starred)
        {
            var starred = await session.Query<Findings.Quote>().Where(x => x.CorpusId == corpusId).Select(x => x.ItemId).ToListAsync();
            query = query.Where(i => starred.Contains(i.Id));
        }
        // Attributes live on the author for workshop items and on the item for uploads, so that filter runs in memory.
        var people = filter.Attribute is null ? new Dictionary<Guid, CorpusParticipant>()
            : (await session.Query<CorpusParticipant>().Where(p => p.WorkshopId == corpusId).ToListAsync()).ToDictionary(p => p.Id);
        return (query, people);
    }

    public static async Task<ItemPage> Read(IQuerySession session, Guid corpusId, ItemFilter filter, int page, Guid analyst)
    {
        var codebook = await session.CodebookOf(corpusId);
        var blind = await BlindTo(session, corpusId, analyst);
        var (query, people) = await Filtered(session, corpusId, filter, analyst, codebook, blind);

        List<CorpusItem> items;
        int total;
        if (filter.Attribute is { } key)
        {
            var all = (await query.OrderBy(i => i.PublishedAt).ToListAsync())
                .Where(i => AttributesOf(i, people).TryGetValue(key, out var v) && v == filter.Value).ToList();
            total = all.Count;
            items = all.Skip((page - 1) * PageSize).Take(PageSize).ToList();
        }
        else
        {
            total = await query.CountAsync();
            items = [.. await query.OrderBy(i => i.PublishedAt).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync()];
            var authors = items.Select(i => i.AuthorId).OfType<Guid>().Distinct().ToArray();
            people = (await session.LoadManyAsync<CorpusParticipant>(authors)).Where(p => p.WorkshopId == corpusId).ToDictionary(p => p.Id);
        }

        var ids = items.Select(i => i.Id).ToArray();
        var votes = await session.Query<CorpusVote>().Where(v => ids.Contains(v.ContributionId)).ToListAsync();
        var codings = await session.Query<AppliedCode>().Where(c => ids.Contains(c.ItemId)).ToListAsync();
        var marks = (await session.LoadManyAsync<ItemMark>(ids)).ToDictionary(m => m.Id, m => m.Kind);
        var quotes = (await session.Query<Findings.Quote>().Where(x => ids.Contains(x.ItemId)).Select(x => x.ItemId).ToListAsync()).ToHashSet();
        var onPage = ids.Select(i => (Guid?)i).ToArray();
        var memos = (await session.Query<Memo>().Where(m => m.CorpusId == corpusId && onPage.Contains(m.ItemId)).Select(m => m.ItemId!.Value).ToListAsync())
            .GroupBy(x => x).ToDictionary(g => g.Key, g => g.Count());

        return new ItemPage(total, page, PageSize, items.Select(i =>
        {
            var own = votes.Where(v => v.ContributionId == i.Id).ToList();
            var isBlind = blind.Contains(i.Id);
            return new ItemView(i.Id, i.SourceId, i.ThemeId, i.ParentId, i.Text, i.Pseudonym, i.PublishedAt, AttributesOf(i, people),
                own.Count(v => v.Value == "agree"), own.Count(v => v.Value == "disagree"), own.Count(v => v.Value == "pass"),
                marks.GetValueOrDefault(i.Id), quotes.Contains(i.Id), memos.GetValueOrDefault(i.Id), isBlind,
                codings.Where(c => c.ItemId == i.Id && (!isBlind || c.CoderId == analyst)).OrderBy(c => c.At)
                    .Select(c => View(c, codebook, i.Text)).ToList());
        }).ToList());
    }

    public static CodingView View(AppliedCode c, Codebook codebook, string text)
    {
        var code = codebook.CodeOf(c.CodeId);
        return new CodingView(c.Id, c.CodeId, code?.Name ?? "(unknown)", code?.Colour ?? "#425563", c.CoderId, c.CoderName, c.CodebookVersion,
            c.Start, c.End, c.Start is { } s && c.End is { } e && e <= text.Length ? text[s..e] : null, c.Source, c.At);
    }
}
