using Engage.Analysis.Codebooks;
using Engage.Analysis.Coding;
using Engage.Analysis.Corpora;
using Engage.Platform;
using Engage.Platform.Web;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;
using Wolverine.Marten;

namespace Engage.Analysis.Suggestions;

public record SuggestionView(Guid Id, Guid ItemId, string Text, Guid CodeId, string Code, double? Confidence, string Origin, string Queue, string Status);

public record CodeAuditView(Guid CodeId, string Code, double? CohenKappa, double Agreement, int Items, int BothYes, int MachineOnly, int HumanOnly, int BothNo);

public record SuggestionAuditView(int ItemsReviewed, double? MacroKappa, IReadOnlyList<CodeAuditView> Codes, int Pending, int ForReview);

[MartenStore(typeof(IAnalysisStore))]
[Authorize(Roles = Roles.Analysts)]
public static class ReviewSuggestionsEndpoint
{
    public const int Shown = 500;

    /// <param name="queue">"suggested" (confident) or "review" (low confidence, and promoted themes); both when absent.</param>
    [WolverineGet("/api/analysis/corpora/{id}/suggestions")]
    public static async Task<IResult> List(Guid id, string? queue, Guid? codeId, IQuerySession session)
    {
        if (await session.LoadAsync<Corpus>(id) is null) return ApiDoor.Problem(new RuleBroken(404, "The corpus was not found."));
        if (queue is not (null or "suggested" or "review")) return ApiDoor.Problem(new RuleBroken(400, "'queue' must be 'suggested' or 'review'."));
        return Results.Ok(await Pending(session, id, queue, codeId));
    }

    /// <summary>Pending suggestions, most confident first (promoted themes, which have no confidence, last).</summary>
    public static async Task<IReadOnlyList<SuggestionView>> Pending(IQuerySession session, Guid id, string? queue, Guid? codeId)
    {
        var query = session.Query<CodeSuggestionDoc>().Where(s => s.CorpusId == id && s.Status == "pending");
        if (queue is not null) query = query.Where(s => s.Queue == queue);
        if (codeId is { } code) query = query.Where(s => s.CodeId == code);
        var suggestions = await query.OrderByDescending(s => s.Confidence).ThenBy(s => s.SuggestedAt).Take(Shown).ToListAsync();
        var items = (await session.LoadManyAsync<CorpusItem>(suggestions.Select(s => s.ItemId).Distinct())).ToDictionary(i => i.Id);
        var codebook = await session.CodebookOf(id);
        return suggestions.Where(s => items.ContainsKey(s.ItemId)).Select(s => new SuggestionView(s.Id, s.ItemId, items[s.ItemId].Text, s.CodeId,
            codebook.CodeOf(s.CodeId)?.Name ?? "", s.Confidence, s.Origin, s.Queue, s.Status)).ToList();
    }

    [WolverineGet("/api/analysis/corpora/{id}/suggestions/audit")]
    public static async Task<IResult> Audit(Guid id, IQuerySession session) =>
        await session.LoadAsync<Corpus>(id) is null
            ? ApiDoor.Problem(new RuleBroken(404, "The corpus was not found."))
            : Results.Ok(await AuditOf(session, id));

    /// <summary>
    /// How far the model's suggestions agree with analysts, code by code (Cohen's kappa): over every item on
    /// which an analyst decided a model suggestion, the machine said yes to a code when it suggested it with
    /// confidence of at least 0.5, and the analyst said yes when any analyst's coding of the item carries it.
    /// </summary>
    public static async Task<SuggestionAuditView> AuditOf(IQuerySession session, Guid id)
    {
        var model = await session.Query<CodeSuggestionDoc>().Where(s => s.CorpusId == id && s.Origin == "model").ToListAsync();
        var pending = model.Where(s => s.Status == "pending").ToList();
        var reviewed = model.Where(s => s.Status != "pending").Select(s => s.ItemId).ToHashSet();
        if (reviewed.Count == 0) return new SuggestionAuditView(0, null, [], pending.Count, pending.Count(s => s.Queue == "review"));

        var machine = model.Where(s => s.Confidence >= SuggestCodesHandler.Confident).Select(s => (s.ItemId, s.CodeId)).ToHashSet();
        var human = (await session.CodingsOf(id).ToListAsync()).Where(c => reviewed.Contains(c.ItemId)).Select(c => (c.ItemId, c.CodeId)).ToHashSet();
        var codes = model.Select(s => s.CodeId).Distinct().ToList();
        var decisions = reviewed.SelectMany(item => codes.Select(code => new SuggestionDecision(item.ToString(), code.ToString(),
            machine.Contains((item, code)), human.Contains((item, code))))).ToList();
        var codebook = await session.CodebookOf(id);
        var report = SuggestionAudit.Assess(decisions);
        return new SuggestionAuditView(reviewed.Count, report.MacroKappa,
            report.Codes.Select(c => new CodeAuditView(Guid.Parse(c.Code), codebook.CodeOf(Guid.Parse(c.Code))?.Name ?? "", c.Kappa.Kappa, c.Agreement, c.Items,
                c.BothYes, c.MachineOnly, c.HumanOnly, c.BothNo)).ToList(), pending.Count, pending.Count(s => s.Queue == "review"));
    }
}
