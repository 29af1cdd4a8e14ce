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

/// <summary>An analyst's note on an item, on a code, or on the corpus as a whole (neither).</summary>
public class Memo
{
    public Guid Id { get; set; }
    public Guid CorpusId { get; set; }
    public Guid? ItemId { get; set; }
    public Guid? CodeId { get; set; }
    public string Text { get; set; } = "";
    public Guid AuthorId { get; set; }
    public string AuthorName { get; set; } = "";
    public DateTimeOffset WrittenAt { get; set; }
    public DateTimeOffset? RevisedAt { get; set; }
}

public record MemoForm(Guid? ItemId, Guid? CodeId, string? Text);

[MartenStore(typeof(IAnalysisStore))]
[Authorize(Roles = Roles.Analysts)]
public static class MemosEndpoint
{
    public const int MaxLength = 20_000;

    [WolverineGet("/api/analysis/corpora/{id}/memos")]
    public static async Task<IReadOnlyList<Memo>> List(Guid id, Guid? itemId, Guid? codeId, IQuerySession session)
    {
        var query = session.Query<Memo>().Where(m => m.CorpusId == id);
        if (itemId is { } item) query = query.Where(m => m.ItemId == item);
        if (codeId is { } code) query = query.Where(m => m.CodeId == code);
        return await query.OrderBy(m => m.WrittenAt).Take(1000).ToListAsync();
    }

    [WolverinePost("/api/analysis/corpora/{id}/memos")]
    public static async Task<IResult> Post(Guid id, MemoForm form, ClaimsPrincipal user, IDocumentSession session, DateTimeOffset now)
    {
        if (await Check(id, form, session) is { } problem) return ApiDoor.Problem(problem);
        var memo = new Memo
        {
            Id = Guid.CreateVersion7(), CorpusId = id, ItemId = form.ItemId, CodeId = form.CodeId, Text = form.Text!.Trim(),
            AuthorId = user.Analyst(), AuthorName = user.Identity?.Name ?? "Analyst", WrittenAt = now
        };
        session.Insert(memo);
        return ApiDoor.Created($"/api/analysis/corpora/{id}/memos/{memo.Id}", memo.Id);
    }

    /// <summary>A memo is its author's: others answer with a memo of their own.</summary>
    [WolverinePut("/api/analysis/corpora/{id}/memos/{memoId}")]
    public static async Task<IResult> Put(Guid id, Guid memoId, MemoForm form, ClaimsPrincipal user, IDocumentSession session, DateTimeOffset now)
    {
        if (await session.LoadAsync<Memo>(memoId) is not { } memo || memo.CorpusId != id) return ApiDoor.Problem(new RuleBroken(404, "The memo was not found."));
        if (memo.AuthorId != user.Analyst()) return ApiDoor.Problem(new RuleBroken(403, "Only a memo's author can change it."));
        if (await Check(id, form with { ItemId = memo.ItemId, CodeId = memo.CodeId }, session) is { } problem) return ApiDoor.Problem(problem);
        memo.Text = form.Text!.Trim();
        memo.RevisedAt = now;
        session.Store(memo);
        return Results.Ok(memo);
    }

    private static async Task<RuleBroken?> Check(Guid corpusId, MemoForm form, IQuerySession session)
    {
        if (await session.LoadAsync<Corpus>(corpusId) is null) return new RuleBroken(404, "The corpus was not found.");
        var text = form.Text?.Trim() ?? "";
        if (text.Length is 0 or > MaxLength) return new RuleBroken(400, $"'text' is required (at most {MaxLength:N0} characters).");
        if (form.ItemId is not null && form.CodeId is not null) return new RuleBroken(400, "A memo is about an item or a code, not both.");
        if (form.ItemId is { } i && (await session.LoadAsync<CorpusItem>(i))?.WorkshopId != corpusId)
            return new RuleBroken(400, "'itemId' is not an item of this corpus.");
        if (form.CodeId is { } code && (await session.CodebookOf(corpusId)).CodeOf(code) is null)
            return new RuleBroken(400, "'codeId' is not a code of this corpus's codebook.");
        return null;
    }
}
