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

/// <summary>
/// Items drawn at random (seeded, so the draw can be repeated) for every named analyst to code
/// independently; their agreement on these items is the reliability reported for the codebook.
/// </summary>
public class CodingSample
{
    public Guid Id { get; set; }
    public Guid CorpusId { get; set; }
    public List<Guid> CoderIds { get; set; } = [];
    public List<Guid> ItemIds { get; set; } = [];
    public int Seed { get; set; }
    public Guid CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A sample coder finished an item (possibly finding that no code applies).</summary>
public class SampleItemDone
{
    /// <summary>"{sampleId}:{coderId}:{itemId}".</summary>
    public string Id { get; set; } = "";
    public Guid SampleId { get; set; }
    public Guid CoderId { get; set; }
    public Guid ItemId { get; set; }
    public DateTimeOffset At { get; set; }
}

public record SampleForm(double? Fraction, int? Size, Guid[]? CoderIds, int? Seed, Guid? ThemeId);

/// <summary>
/// A sample and how far each coder has got: <see cref="DoneByCoder"/> counts the items a coder has coded or
/// finished with no code applying; <see cref="MissingByCoder"/> names the items each still has to code.
/// </summary>
public record SampleView(Guid Id, IReadOnlyList<Guid> CoderIds, int Items, IReadOnlyDictionary<Guid, int> DoneByCoder, IReadOnlyList<Guid> ItemIds, int Seed,
    DateTimeOffset CreatedAt, IReadOnlyDictionary<Guid, IReadOnlyList<Guid>> MissingByCoder);

public record DrawSample(Guid CorpusId, SampleForm Form, Guid By);
public record SampleDrawn(Guid Id, int Items);
public record FinishSampleItem(Guid CorpusId, Guid SampleId, Guid ItemId, Guid CoderId);
/// <summary>A coder has finished the sample: every item they left uncoded counts as "no code applies".</summary>
public record FinishSample(Guid CorpusId, Guid SampleId, Guid CoderId);
public record SampleFinished(Guid SampleId, int MarkedNoCode);

[MartenStore(typeof(IAnalysisStore))]
public static class DrawSampleHandler
{
    public const int MaxSample = 5_000;

    public static async Task<SampleDrawn> Handle(DrawSample command, IDocumentSession session, DateTimeOffset now)
    {
        await CodebookRules.CorpusExists(session, command.CorpusId);
        var form = command.Form;
        var coders = (form.CoderIds ?? []).Distinct().ToList();
        RuleBroken.Unless(coders.Count >= 2, "Choose at least two different analysts: reliability compares coders.");
        RuleBroken.Unless(form.Fraction is null != form.Size is null, "Give either the share of items to sample (e.g. 10%) or the number of items, not both.");
        RuleBroken.Unless(form.Fraction is null or (> 0 and <= 1), "The share of items to sample must be above 0% and at most 100%.");

        var items = session.ItemsOf(command.CorpusId);
        if (form.ThemeId is { } theme) items = items.Where(i => i.ThemeId == theme);
        var ids = await items.Select(i => i.Id).ToListAsync();
        RuleBroken.Unless(ids.Count > 0, "There are no items to sample.");
        var size = form.Size ?? (int)Math.Ceiling(ids.Count * form.Fraction!.Value);
        RuleBroken.Unless(size >= 1 && size <= Math.Min(ids.Count, MaxSample), $"The sample must hold 1 to {Math.Min(ids.Count, MaxSample):N0} items.");

        var seed = form.Seed ?? 1;
        // Sorted first so the same seed over the same items draws the same sample whatever order the database returns.
        var drawn = ids.Order().ToArray();
        new Random(seed).Shuffle(drawn);
        var sample = new CodingSample
        {
            Id = Guid.CreateVersion7(), CorpusId = command.CorpusId, CoderIds = coders, ItemIds = [.. drawn.Take(size)], Seed = seed,
            CreatedBy = command.By, CreatedAt = now
        };
        session.Insert(sample);
        return new SampleDrawn(sample.Id, sample.ItemIds.Count);
    }
}

[MartenStore(typeof(IAnalysisStore))]
public static class FinishSampleItemHandler
{
    public static async Task Handle(FinishSampleItem command, IDocumentSession session, DateTimeOffset now)
    {
        var sample = await session.LoadAsync<CodingSample>(command.SampleId);
        RuleBroken.Unless(sample is not null && sample.CorpusId == command.CorpusId, "The sample was not found.", 404);
        RuleBroken.Unless(sample!.CoderIds.Contains(command.CoderId), "You are not one of this sample's coders.", 403);
        RuleBroken.Unless(sample.ItemIds.Contains(command.ItemId), "The item is not in this sample.", 404);
        session.Store(new SampleItemDone
        {
            Id = $"{command.SampleId}:{command.CoderId}:{command.ItemId}", SampleId = command.SampleId, CoderId = command.CoderId, ItemId = command.ItemId, At = now
        });
    }
}

[MartenStore(typeof(IAnalysisStore))]
public static class FinishSampleHandler
{
    public static async Task<SampleFinished> Handle(FinishSample command, IDocumentSession session, DateTimeOffset now)
    {
        var sample = await session.LoadAsync<CodingSample>(command.SampleId);
        RuleBroken.Unless(sample is not null && sample.CorpusId == command.CorpusId, "The sample was not found.", 404);
        RuleBroken.Unless(sample!.CoderIds.Contains(command.CoderId), "You are not one of this sample's coders.", 403);
        var items = sample.ItemIds.ToArray();
        var coded = (await session.CodingsOf(command.CorpusId).Where(c => c.CoderId == command.CoderId && items.Contains(c.ItemId))
            .Select(c => c.ItemId).ToListAsync()).ToHashSet();
        var done = (await session.Query<SampleItemDone>().Where(d => d.SampleId == sample.Id && d.CoderId == command.CoderId)
            .Select(d => d.ItemId).ToListAsync()).ToHashSet();
        var left = items.Where(i => !coded.Contains(i) && !done.Contains(i)).ToList();
        foreach (var item in left)
            session.Store(new SampleItemDone { Id = $"{sample.Id}:{command.CoderId}:{item}", SampleId = sample.Id, CoderId = command.CoderId, ItemId = item, At = now });
        return new SampleFinished(sample.Id, left.Count);
    }
}

[MartenStore(typeof(IAnalysisStore))]
[Authorize(Roles = Roles.Analysts)]
public static class CodingSamplesEndpoint
{
    [WolverinePost("/api/analysis/corpora/{id}/samples")]
    public static Task<IResult> Post(Guid id, SampleForm form, ClaimsPrincipal user, IMessageBus bus) =>
        ApiDoor.Invoke<SampleDrawn>(bus, new DrawSample(id, form, user.Analyst()),
            drawn => Results.Created($"/api/analysis/corpora/{id}/samples/{drawn.Id}", new { id = drawn.Id, items = drawn.Items }));

    [WolverineGet("/api/analysis/corpora/{id}/samples")]
    public static async Task<IReadOnlyList<SampleView>> List(Guid id, IQuerySession session)
    {
        var samples = await session.Query<CodingSample>().Where(s => s.CorpusId == id).OrderByDescending(s => s.CreatedAt).ToListAsync();
        var views = new List<SampleView>();
        foreach (var s in samples) views.Add(await View(s, session));
        return views;
    }

    [WolverineGet("/api/analysis/corpora/{id}/samples/{sampleId}")]
    public static async Task<IResult> Get(Guid id, Guid sampleId, IQuerySession session) =>
        await session.LoadAsync<CodingSample>(sampleId) is { } sample && sample.CorpusId == id
            ? Results.Ok(await View(sample, session))
            : ApiDoor.Problem(new RuleBroken(404, "The sample was not found."));

    /// <summary>The calling analyst has finished this sample item, whether or not any code applied.</summary>
    [WolverinePost("/api/analysis/corpora/{id}/samples/{sampleId}/items/{itemId}/done")]
    public static Task<IResult> Done(Guid id, Guid sampleId, Guid itemId, ClaimsPrincipal user, IMessageBus bus) =>
        ApiDoor.Invoke(bus, new FinishSampleItem(id, sampleId, itemId, user.Analyst()), Results.NoContent());

    /// <summary>The calling analyst has finished the whole sample: the items they did not code count as "no code applies".</summary>
    [WolverinePost("/api/analysis/corpora/{id}/samples/{sampleId}/finish")]
    public static Task<IResult> Finish(Guid id, Guid sampleId, ClaimsPrincipal user, IMessageBus bus) =>
        ApiDoor.Invoke<SampleFinished>(bus, new FinishSample(id, sampleId, user.Analyst()), finished => Results.Ok(new { markedNoCode = finished.MarkedNoCode }));

    /// <summary>An item counts for a coder once they have coded it or said no code applies: nobody has to press "Done" on what they coded.</summary>
    public static async Task<SampleView> View(CodingSample sample, IQuerySession session)
    {
        var done = await session.Query<SampleItemDone>().Where(d => d.SampleId == sample.Id).ToListAsync();
        var items = sample.ItemIds.ToArray();
        var coders = sample.CoderIds.ToArray();
        var coded = (await session.CodingsOf(sample.CorpusId).Where(c => items.Contains(c.ItemId) && coders.Contains(c.CoderId))
            .Select(c => new { c.CoderId, c.ItemId }).ToListAsync()).Select(c => (c.CoderId, c.ItemId))
            .Concat(done.Select(d => (d.CoderId, d.ItemId))).ToHashSet();
        var missing = sample.CoderIds.ToDictionary(c => c, c => (IReadOnlyList<Guid>)sample.ItemIds.Where(i => !coded.Contains((c, i))).ToList());
        return new SampleView(sample.Id, sample.CoderIds, sample.ItemIds.Count,
            sample.CoderIds.ToDictionary(c => c, c => sample.ItemIds.Count - missing[c].Count), sample.ItemIds, sample.Seed, sample.CreatedAt, missing);
    }
}
