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

public record StarQuote(Guid CorpusId, QuoteForm Form, Guid By);
public record UnstarQuote(Guid CorpusId, Guid QuoteId);

[MartenStore(typeof(IAnalysisStore))]
public static class StarQuoteHandler
{
    public static async Task<Guid> Handle(StarQuote command, IDocumentSession session, DateTimeOffset now)
    {
        await CodebookRules.CorpusExists(session, command.CorpusId);
        var itemId = command.Form.ItemId ?? Guid.Empty;
        RuleBroken.Unless(await session.LoadAsync<CorpusItem>(itemId) is { } item && item.WorkshopId == command.CorpusId, "The item to star is not in this corpus.");
        RuleBroken.Unless((command.Form.Note?.Length ?? 0) <= 2000, "A quote's note is at most 2,000 characters.");
        RuleBroken.Unless(!await session.Query<Quote>().AnyAsync(q => q.CorpusId == command.CorpusId && q.ItemId == itemId), "This item is already starred as a quote.", 409);
        var quote = new Quote { Id = Guid.CreateVersion7(), CorpusId = command.CorpusId, ItemId = itemId, Note = command.Form.Note?.Trim() ?? "", StarredBy = command.By, StarredAt = now };
        session.Insert(quote);
        return quote.Id;
    }
}

[MartenStore(typeof(IAnalysisStore))]
public static class UnstarQuoteHandler
{
    public static async Task Handle(UnstarQuote command, IDocumentSession session)
    {
        var quote = await session.LoadAsync<Quote>(command.QuoteId);
        RuleBroken.Unless(quote is not null && quote.CorpusId == command.CorpusId, "The quote was not found.", 404);
        session.Delete(quote!);
    }
}

[MartenStore(typeof(IAnalysisStore))]
[Authorize(Roles = Roles.Analysts)]
public static class QuotesEndpoint
{
    [WolverinePost("/api/analysis/corpora/{id}/quotes")]
    public static Task<IResult> Post(Guid id, QuoteForm form, ClaimsPrincipal user, IMessageBus bus) =>
        ApiDoor.Invoke<Guid>(bus, new StarQuote(id, form, user.Analyst()), quote => ApiDoor.Created($"/api/analysis/corpora/{id}/quotes/{quote}", quote));

    [WolverineDelete("/api/analysis/corpora/{id}/quotes/{quoteId}")]
    public static Task<IResult> Delete(Guid id, Guid quoteId, IMessageBus bus) => ApiDoor.Invoke(bus, new UnstarQuote(id, quoteId), Results.NoContent());

    /// <summary>Quotes with their attribution, which names the author's group only as far as the group is large enough.</summary>
    [WolverineGet("/api/analysis/corpora/{id}/quotes")]
    public static async Task<IResult> List(Guid id, IQuerySession session)
    {
        if (await session.LoadAsync<Corpus>(id) is null) return ApiDoor.Problem(new RuleBroken(404, "The corpus was not found."));
        var facts = await CorpusFacts.LoadAsync(session, id);
        return Results.Ok(facts.Quotes.Select(q => facts.ViewOf(q)).OfType<QuoteView>().ToList());
    }
}
