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

namespace Engage.Analysis.Findings;

/// <summary>An item an analyst starred as a quote worth citing.</summary>
public class Quote
{
    public Guid Id { get; set; }
    public Guid CorpusId { get; set; }
    public Guid ItemId { get; set; }
    public string Note { get; set; } = "";
    public Guid StarredBy { get; set; }
    public DateTimeOffset StarredAt { get; set; }
}

public record QuoteForm(Guid? ItemId, string? Note);

public record QuoteView(Guid Id, Guid ItemId, string Text, string Attribution, string Note, IReadOnlyList<Guid> CodeIds, DateTimeOffset StarredAt);

[MartenStore(typeof(IAnalysisStore))]
[Authorize(Roles = Roles.Analysts)]
public static class QuotesEndpoint
{
    [WolverinePost("/api/analysis/corpora/{id}/quotes")]
    public static async Task<IResult> Post(Guid id, QuoteForm form, ClaimsPrincipal user, IDocumentSession session, DateTimeOffset now)
    {
        if (await session.LoadAsync<Corpus>(id) is null) return ApiDoor.Problem(new RuleBroken(404, "The corpus was not found."));
        if (form.ItemId is not { } itemId || await session.LoadAsync<CorpusItem>(itemId) is not { } item || item.WorkshopId != id)
            return ApiDoor.Problem(new RuleBroken(400, "'itemId' must be an item of this corpus."));
        if ((form.Note?.Length ?? 0) > 2000) return ApiDoor.Problem(new RuleBroken(400, "'note' is at most 2,000 characters."));
        if (await session.Query<Quote>().AnyAsync(q => q.CorpusId == id && q.ItemId == itemId))
            return ApiDoor.Problem(new RuleBroken(409, "This item is already starred as a quote."));
        var quote = new Quote { Id = Guid.CreateVersion7(), CorpusId = id, ItemId = itemId, Note = form.Note?.Trim() ?? "", StarredBy = user.Analyst(), StarredAt = now };
        session.Insert(quote);
        return ApiDoor.Created($"/api/analysis/corpora/{id}/quotes/{quote.Id}", quote.Id);
    }

    [WolverineDelete("/api/analysis/corpora/{id}/quotes/{quoteId}")]
    public static async Task<IResult> Delete(Guid id, Guid quoteId, IDocumentSession session)
    {
        if (await session.LoadAsync<Quote>(quoteId) is not { } quote || quote.CorpusId != id) return ApiDoor.Problem(new RuleBroken(404, "The quote was not found."));
        session.Delete(quote);
        return Results.NoContent();
    }

    /// <summary>Quotes with their attribution, which names the author's group only as far as the group is large enough.</summary>
    [WolverineGet("/api/analysis/corpora/{id}/quotes")]
    public static async Task<IResult> List(Guid id, IQuerySession session)
    {
        if (await session.LoadAsync<Corpus>(id) is null) return ApiDoor.Problem(new RuleBroken(404, "The corpus was not found."));
        var facts = await CorpusFacts.LoadAsync(session, id);
        return Results.Ok(facts.Quotes.Select(q => facts.ViewOf(q)).OfType<QuoteView>().ToList());
    }
}
