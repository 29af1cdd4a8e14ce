using System.Security.Claims;
using Engage.Analysis.Codebooks;
using Engage.Platform;
using Engage.Platform.Web;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Engage.Analysis.Coding;

public sealed record BulkCodedItem(Guid ItemId, Guid CodingId);

/// <summary>
/// One analyst applied one code to every item a filter selected, in one action: one event on the bulk
/// coding's own stream, holding the filter and every item with the coding made on it, so the action can be
/// read back and undone as a whole. Items the analyst had already given this code whole are left out.
/// </summary>
public sealed record CodeAppliedInBulk(Guid BulkId, Guid CorpusId, Guid CodeId, Guid CoderId, string CoderName, int CodebookVersion,
    ItemFilter Filter, IReadOnlyList<BulkCodedItem> Items, DateTimeOffset At);

/// <summary>The bulk coding taken back: the codings it made that still stood are removed.</summary>
public sealed record BulkCodingUndone(Guid BulkId, Guid CorpusId, Guid CoderId, IReadOnlyList<Guid> CodingIds, DateTimeOffset At);

/// <summary>A bulk coding as it stands, folded from its stream.</summary>
public class BulkCoding
{
    public Guid Id { get; set; }
    public Guid CorpusId { get; set; }
    public Guid CodeId { get; set; }
    public Guid CoderId { get; set; }
    public List<BulkCodedItem> Items { get; set; } = [];
    public DateTimeOffset At { get; set; }
    public DateTimeOffset? UndoneAt { get; set; }

    public static BulkCoding Create(CodeAppliedInBulk e) =>
        new() { Id = e.BulkId, CorpusId = e.CorpusId, CodeId = e.CodeId, CoderId = e.CoderId, Items = [.. e.Items], At = e.At };

    public void Apply(BulkCodingUndone e) => UndoneAt = e.At;
}

public record BulkCodingForm(Guid? CodeId, Guid? ThemeId = null, Guid? FilterCodeId = null, bool? Uncoded = null, string? Q = null,
    string? Attribute = null, string? Value = null, bool? Starred = null, bool? UncodedByMe = null)
{
    public ItemFilter Filter => new(ThemeId, FilterCodeId, Uncoded ?? false, string.IsNullOrWhiteSpace(Q) ? null : Q.Trim(),
        string.IsNullOrWhiteSpace(Attribute) ? null : Attribute.Trim(), string.IsNullOrWhiteSpace(Attribute) ? null : Value?.Trim(), Starred ?? false,
        null, UncodedByMe ?? false);
}

public record BulkApplyCode(Guid CorpusId, Guid? CodeId, ItemFilter Filter, Guid CoderId, string CoderName);
public record UndoBulkCoding(Guid CorpusId, Guid BulkId, Guid CoderId);
public record BulkCodingMade(Guid Id, int Items, int AlreadyCoded);
public record BulkCodingTakenBack(Guid Id, int Removed);

[MartenStore(typeof(IAnalysisStore))]
public static class BulkApplyCodeHandler
{
    /// <summary>Large enough for a whole national workshop's theme; beyond it the event itself becomes unwieldy.</summary>
    public const int MaxItems = 20_000;

    public static async Task<BulkCodingMade> Handle(BulkApplyCode command, IDocumentSession session, DateTimeOffset now)
    {
        await CodebookRules.CorpusExists(session, command.CorpusId);
        RuleBroken.Unless(command.CodeId is not null, "Choose the code to apply.");
        var codebook = await session.CodebookOf(command.CorpusId);
        var code = CodebookRules.ActiveCode(codebook, command.CodeId!.Value);
        var filter = command.Filter;
        RuleBroken.Unless(filter.Q is not { Length: > 200 }, "Search for at most 200 characters.");
        RuleBroken.Unless(filter.Attribute is null == filter.Value is null, "Give the attribute and its value together.");

        var items = await BrowseItemsEndpoint.Matching(session, command.CorpusId, filter, command.CoderId);
        RuleBroken.Unless(items.Count > 0, "No items match the filter, so there is nothing to code.");
        RuleBroken.Unless(items.Count <= MaxItems, $"The filter selects {items.Count:N0} items; bulk coding takes at most {MaxItems:N0}. Narrow the filter.");
        var ids = items.Select(i => i.Id).ToArray();
        var already = (await session.CodingsOf(command.CorpusId)
            .Where(c => c.CoderId == command.CoderId && c.CodeId == code.Id && c.Start == null && ids.Contains(c.ItemId))
            .Select(c => c.ItemId).ToListAsync()).ToHashSet();
        var coded = ids.Where(i => !already.Contains(i)).Select(i => new BulkCodedItem(i, Guid.CreateVersion7())).ToList();
        RuleBroken.Unless(coded.Count > 0, $"You have already applied {code.Name} to every item the filter selects.", 409);

        var bulk = new CodeAppliedInBulk(Guid.CreateVersion7(), command.CorpusId, code.Id, command.CoderId, command.CoderName, codebook.Version,
            filter, coded, now);
        session.Events.StartStream<BulkCoding>(bulk.BulkId, bulk);
        return new BulkCodingMade(bulk.BulkId, coded.Count, already.Count);
    }
}

[MartenStore(typeof(IAnalysisStore))]
public static class UndoBulkCodingHandler
{
    public static async Task<BulkCodingTakenBack> Handle(UndoBulkCoding command, IDocumentSession session, DateTimeOffset now)
    {
        var bulk = await session.LoadAsync<BulkCoding>(command.BulkId);
        RuleBroken.Unless(bulk is not null && bulk.CorpusId == command.CorpusId, "The bulk coding was not found.", 404);
        RuleBroken.Unless(bulk!.CoderId == command.CoderId, "Only the analyst who applied a bulk coding can undo it.", 403);
        RuleBroken.Unless(bulk.UndoneAt is null, "This bulk coding is already undone.", 409);
        var made = bulk.Items.Select(i => i.CodingId).ToArray();
        // Codings already removed one by one stay removed; the rest go now.
        var standing = await session.Query<AppliedCode>().Where(c => c.CorpusId == command.CorpusId && made.Contains(c.Id)).Select(c => c.Id).ToListAsync();
        session.Events.Append(bulk.Id, new BulkCodingUndone(bulk.Id, bulk.CorpusId, command.CoderId, standing, now));
        return new BulkCodingTakenBack(bulk.Id, standing.Count);
    }
}

public partial class CodingProjection
{
    public void Project(CodeAppliedInBulk e, IDocumentOperations ops)
    {
        ops.Store(e.Items.Select(i => new AppliedCode
        {
            Id = i.CodingId, CorpusId = e.CorpusId, ItemId = i.ItemId, CodeId = e.CodeId, CoderId = e.CoderId, CoderName = e.CoderName,
            CodebookVersion = e.CodebookVersion, Source = "bulk", At = e.At
        }).ToArray());
    }

    public void Project(BulkCodingUndone e, IDocumentOperations ops)
    {
        foreach (var id in e.CodingIds) ops.Delete<AppliedCode>(id);
    }
}

[Authorize(Roles = Roles.Analysts)]
public static class BulkCodingEndpoint
{
    /// <summary>Applies a code to every item the filter selects (the same filters as GET .../items).</summary>
    [WolverinePost("/api/analysis/corpora/{id}/bulk-codings")]
    public static Task<IResult> Post(Guid id, BulkCodingForm form, ClaimsPrincipal user, IMessageBus bus) =>
        ApiDoor.Invoke<BulkCodingMade>(bus, new BulkApplyCode(id, form.CodeId, form.Filter, user.Analyst(), user.Identity?.Name ?? "Analyst"),
            made => Results.Created($"/api/analysis/corpora/{id}/bulk-codings/{made.Id}", new { id = made.Id, items = made.Items, alreadyCoded = made.AlreadyCoded }));

    [WolverineDelete("/api/analysis/corpora/{id}/bulk-codings/{bulkId}")]
    public static Task<IResult> Delete(Guid id, Guid bulkId, ClaimsPrincipal user, IMessageBus bus) =>
        ApiDoor.Invoke<BulkCodingTakenBack>(bus, new UndoBulkCoding(id, bulkId, user.Analyst()), back => Results.Ok(new { id = back.Id, removed = back.Removed }));
}
