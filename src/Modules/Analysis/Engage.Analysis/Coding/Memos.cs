using System.Security.Claims;
using Engage.Analysis.Codebooks;
using Engage.Analysis.Corpora;
using Engage.Platform;
using Engage.Platform.Web;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine;
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

public record WriteMemo(Guid CorpusId, MemoForm Form, Guid By, string ByName);
public record ReviseMemo(Guid CorpusId, Guid MemoId, string? Text, Guid By);

public static class MemoRules
{
    public const int MaxLength = 20_000;

    public static async Task<string> Check(IQuerySession session, Guid corpusId, MemoForm form)
    {
        await CodebookRules.CorpusExists(session, corpusId);
        var text = form.Text?.Trim() ?? "";
        RuleBroken.Unless(text.Length is > 0 and <= MaxLength, $"A memo needs text, at most {MaxLength:N0} characters.");
        RuleBroken.Unless(form.ItemId is null || form.CodeId is null, "A memo is about an item or a code, not both.");
        if (form.ItemId is { } item)
            RuleBroken.Unless((await session.LoadAsync<CorpusItem>(item))?.WorkshopId == corpusId, "The item the memo is about is not in this corpus.");
        if (form.CodeId is { } code)
            RuleBroken.Unless((await session.CodebookOf(corpusId)).CodeOf(code) is not null, "The code the memo is about is not in this corpus's codebook.");
        return text;
    }
}

[MartenStore(typeof(IAnalysisStore))]
public static class WriteMemoHandler
{
    public static async Task<Guid> Handle(WriteMemo command, IDocumentSession session, DateTimeOffset now)
    {
        var text = await MemoRules.Check(session, command.CorpusId, command.Form);
        var memo = new Memo
        {
            Id = Guid.CreateVersion7(), CorpusId = command.CorpusId, ItemId = command.Form.ItemId, CodeId = command.Form.CodeId, Text = text,
            AuthorId = command.By, AuthorName = command.ByName, WrittenAt = now
        };
        session.Insert(memo);
        return memo.Id;
    }
}

/// <summary>A memo is its author's: others answer with a memo of their own.</summary>
[MartenStore(typeof(IAnalysisStore))]
public static class ReviseMemoHandler
{
    public static async Task Handle(ReviseMemo command, IDocumentSession session, DateTimeOffset now)
    {
        var memo = await session.LoadAsync<Memo>(command.MemoId);
        RuleBroken.Unless(memo is not null && memo.CorpusId == command.CorpusId, "The memo was not found.", 404);
        RuleBroken.Unless(memo!.AuthorId == command.By, "Only a memo's author can change it.", 403);
        memo.Text = await MemoRules.Check(session, command.CorpusId, new MemoForm(memo.ItemId, memo.CodeId, command.Text));
        memo.RevisedAt = now;
        session.Store(memo);
    }
}

[MartenStore(typeof(IAnalysisStore))]
[Authorize(Roles = Roles.Analysts)]
public static class MemosEndpoint
{
    [WolverineGet("/api/analysis/corpora/{id}/memos")]
    public static async Task<IReadOnlyList<Memo>> List(Guid id, Guid? itemId, Guid? codeId, IQuerySession session)
    {
        var query = session.Query<Memo>().Where(m => m.CorpusId == id);
        if (itemId is { } item) query = query.Where(m => m.ItemId == item);
        if (codeId is { } code) query = query.Where(m => m.CodeId == code);
        return await query.OrderBy(m => m.WrittenAt).Take(1000).ToListAsync();
    }

    [WolverinePost("/api/analysis/corpora/{id}/memos")]
    public static Task<IResult> Post(Guid id, MemoForm form, ClaimsPrincipal user, IMessageBus bus) =>
        ApiDoor.Invoke<Guid>(bus, new WriteMemo(id, form, user.Analyst(), user.Identity?.Name ?? "Analyst"),
            memo => ApiDoor.Created($"/api/analysis/corpora/{id}/memos/{memo}", memo));

    [WolverinePut("/api/analysis/corpora/{id}/memos/{memoId}")]
    public static Task<IResult> Put(Guid id, Guid memoId, MemoForm form, ClaimsPrincipal user, IMessageBus bus) =>
        ApiDoor.Invoke(bus, new ReviseMemo(id, memoId, form.Text, user.Analyst()), Results.NoContent());
}
