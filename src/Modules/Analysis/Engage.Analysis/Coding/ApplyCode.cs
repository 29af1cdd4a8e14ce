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

public record CodingForm(Guid? CodeId, int? Start, int? End);
public record ApplyCode(Guid CorpusId, Guid ItemId, CodingForm Form, Guid CoderId, string CoderName, string Source = "analyst");
public record RemoveCoding(Guid CorpusId, Guid ItemId, Guid CodingId, Guid CoderId);
public record MarkItem(Guid CorpusId, Guid ItemId, string? Kind, Guid By);
public record CodingMade(Guid Id, int CodebookVersion);

public static class CodingRules
{
    public static readonly string[] Kinds = ["problem", "solution", "both"];

    public static CorpusItem Item(CorpusItem? item, Guid corpusId)
    {
        RuleBroken.Unless(item is not null && item.WorkshopId == corpusId, "The item was not found in this corpus.", 404);
        return item!;
    }

    public static async Task<(CorpusItem?, Codebook, List<AppliedCode>)> ItemInContext(this IQuerySession session, Guid corpusId, Guid itemId)
    {
        var batch = session.CreateBatchQuery();
        var item = batch.Load<CorpusItem>(itemId);
        var codebook = batch.Load<Codebook>(corpusId);
        var codings = batch.Query<AppliedCode>().Where(x => x.ItemId == itemId).ToList();
        await batch.Execute();
        return (await item, await codebook ?? new Codebook { Id = corpusId }, [.. await codings]);
    }

    /// <summary>Checks a coding against the item, the codebook and the coder's own codings, and appends it to the item's stream.</summary>
    public static CodingMade Apply(ApplyCode command, CorpusItem? item, Codebook codebook, List<AppliedCode> codings, IDocumentSession session, DateTimeOffset now)
    {
        var found = CodingRules.Item(item, command.CorpusId);
        RuleBroken.Unless(command.Form.CodeId is not null, "Choose the code to apply.");
        var code = CodebookRules.ActiveCode(codebook, command.Form.CodeId!.Value);
        var (start, end) = (command.Form.Start, command.Form.End);
        RuleBroken.Unless(start is null == end is null, "A passage needs both its start and its end (or neither, to code the whole item).");
        if (start is { } s && end is { } e)
        {
            RuleBroken.Unless(s >= 0 && e <= found.Text.Length && s < e, $"The span must lie within the item's text (0 to {found.Text.Length}) and not be empty.");
            // A span never splits a surrogate pair, so exports in code points (REFI-QDA) stay exact.
            RuleBroken.Unless(!char.IsLowSurrogate(found.Text[s]) && (e == found.Text.Length || !char.IsLowSurrogate(found.Text[e])), "The span splits a character.");
        }
        RuleBroken.Unless(!codings.Any(c => c.CoderId == command.CoderId && c.CodeId == code.Id && c.Start == start && c.End == end),
            "You have already applied this code here.", 409);

        var applied = new CodeApplied(Guid.CreateVersion7(), command.CorpusId, found.Id, code.Id, command.CoderId, command.CoderName,
            codebook.Version, start, end, command.Source, now);
        session.Events.Append(found.Id, applied);
        return new CodingMade(applied.CodingId, applied.CodebookVersion);
    }
}

/// <summary>An analyst codes an item, whole or a span of it. Each analyst codes independently: the same coder cannot apply the same code to the same span twice.</summary>
[MartenStore(typeof(IAnalysisStore))]
public static class ApplyCodeHandler
{
    public static Task<(CorpusItem?, Codebook, List<AppliedCode>)> LoadAsync(ApplyCode command, IQuerySession session) =>
        session.ItemInContext(command.CorpusId, command.ItemId);

    public static CodingMade Handle(ApplyCode command, CorpusItem? item, Codebook codebook, List<AppliedCode> codings, IDocumentSession session, DateTimeOffset now) =>
        CodingRules.Apply(command, item, codebook, codings, session, now);
}

[MartenStore(typeof(IAnalysisStore))]
public static class RemoveCodingHandler
{
    public static Task<(CorpusItem?, Codebook, List<AppliedCode>)> LoadAsync(RemoveCoding command, IQuerySession session) =>
        session.ItemInContext(command.CorpusId, command.ItemId);

    /// <summary>Analysts remove only their own codings: another coder's judgement is theirs to change.</summary>
    public static void Handle(RemoveCoding command, CorpusItem? item, Codebook codebook, List<AppliedCode> codings, IDocumentSession session, DateTimeOffset now)
    {
        CodingRules.Item(item, command.CorpusId);
        var coding = codings.FirstOrDefault(c => c.Id == command.CodingId);
        RuleBroken.Unless(coding is not null, "The coding was not found on this item.", 404);
        RuleBroken.Unless(coding!.CoderId == command.CoderId, "Only the analyst who applied a code can remove it.", 403);
        session.Events.Append(command.ItemId, new CodingRemoved(coding.Id, command.CorpusId, command.ItemId, command.CoderId, now));
    }
}

[MartenStore(typeof(IAnalysisStore))]
public static class MarkItemHandler
{
    public static Task<CorpusItem?> LoadAsync(MarkItem command, IQuerySession session) => session.LoadAsync<CorpusItem>(command.ItemId);

    public static void Handle(MarkItem command, CorpusItem? item, IDocumentSession session, DateTimeOffset now)
    {
        CodingRules.Item(item, command.CorpusId);
        RuleBroken.Unless(command.Kind is null || CodingRules.Kinds.Contains(command.Kind), $"An item is marked as one of {string.Join(", ", CodingRules.Kinds)}, or not marked.");
        session.Events.Append(command.ItemId, new ItemMarked(command.CorpusId, command.ItemId, command.Kind, command.By, now));
    }
}

public record MarkForm(string? Kind);

[Authorize(Roles = Roles.Analysts)]
public static class CodingEndpoint
{
    [WolverinePost("/api/analysis/corpora/{id}/items/{itemId}/codings")]
    public static Task<IResult> Post(Guid id, Guid itemId, CodingForm form, ClaimsPrincipal user, IMessageBus bus) =>
        ApiDoor.Invoke<CodingMade>(bus, new ApplyCode(id, itemId, form, user.Analyst(), user.Identity?.Name ?? "Analyst"),
            made => Results.Created($"/api/analysis/corpora/{id}/items/{itemId}", new { id = made.Id, codebookVersion = made.CodebookVersion }));

    [WolverineDelete("/api/analysis/corpora/{id}/items/{itemId}/codings/{codingId}")]
    public static Task<IResult> Delete(Guid id, Guid itemId, Guid codingId, ClaimsPrincipal user, IMessageBus bus) =>
        ApiDoor.Invoke(bus, new RemoveCoding(id, itemId, codingId, user.Analyst()), Results.NoContent());

    [WolverinePut("/api/analysis/corpora/{id}/items/{itemId}/mark")]
    public static Task<IResult> Mark(Guid id, Guid itemId, MarkForm form, ClaimsPrincipal user, IMessageBus bus) =>
        ApiDoor.Invoke(bus, new MarkItem(id, itemId, form.Kind, user.Analyst()), Results.NoContent());
}
