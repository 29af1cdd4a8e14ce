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

public record SampleView(Guid Id, IReadOnlyList<Guid> CoderIds, int Items, IReadOnlyDictionary<Guid, int> DoneByCoder, IReadOnlyList<Guid> ItemIds, int Seed, DateTimeOffset CreatedAt);

[MartenStore(typeof(IAnalysisStore))]
[Authorize(Roles = Roles.Analysts)]
public static class CodingSamplesEndpoint
{
    public const int MaxSample = 5_000;

    [WolverinePost("/api/analysis/corpora/{id}/samples")]
    public static async Task<IResult> Post(Guid id, SampleForm form, ClaimsPrincipal user, IDocumentSession session, DateTimeOffset now)
    {
        if (await session.LoadAsync<Corpus>(id) is null) return ApiDoor.Problem(new RuleBroken(404, "The corpus was not found."));
        var coders = (form.CoderIds ?? []).Distinct().ToList();
        if (coders.Count < 2) return ApiDoor.Problem(new RuleBroken(400, "'coderIds' needs at least two different analysts: reliability compares coders."));
        if (form.Fraction is null == form.Size is null) return ApiDoor.Problem(new RuleBroken(400, "Give either 'fraction' (e.g. 0.1) or 'size'."));
        if (form.Fraction is { } f && f is not (> 0 and <= 1)) return ApiDoor.Problem(new RuleBroken(400, "'fraction' must be above 0 and at most 1."));

        var items = session.ItemsOf(id);
        if (form.ThemeId is { } theme) items = items.Where(i => i.ThemeId == theme);
        var ids = await items.Select(i => i.Id).ToListAsync();
        if (ids.Count == 0) return ApiDoor.Problem(new RuleBroken(400, "There are no items to sample."));
        var size = form.Size ?? (int)Math.Ceiling(ids.Count * form.Fraction!.Value);
        if (size < 1 || size > Math.Min(ids.Count, MaxSample))
            return ApiDoor.Problem(new RuleBroken(400, $"The sample must hold 1 to {Math.Min(ids.Count, MaxSample):N0} items."));

        var seed = form.Seed ?? 1;
        // Sorted first so the same seed over the same items draws the same sample whatever order the database returns.
        var drawn = ids.Order().ToArray();
        new Random(seed).Shuffle(drawn);
        var sample = new CodingSample
        {
            Id = Guid.CreateVersion7(), CorpusId = id, CoderIds = coders, ItemIds = [.. drawn.Take(size)], Seed = seed,
            CreatedBy = user.Analyst(), CreatedAt = now
        };
        session.Insert(sample);
        return Results.Created($"/api/analysis/corpora/{id}/samples/{sample.Id}", new { id = sample.Id, items = sample.ItemIds.Count });
    }

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
    public static async Task<IResult> Done(Guid id, Guid sampleId, Guid itemId, ClaimsPrincipal user, IDocumentSession session, DateTimeOffset now)
    {
        if (await session.LoadAsync<CodingSample>(sampleId) is not { } sample || sample.CorpusId != id) return ApiDoor.Problem(new RuleBroken(404, "The sample was not found."));
        var coder = user.Analyst();
        if (!sample.CoderIds.Contains(coder)) return ApiDoor.Problem(new RuleBroken(403, "You are not one of this sample's coders."));
        if (!sample.ItemIds.Contains(itemId)) return ApiDoor.Problem(new RuleBroken(404, "The item is not in this sample."));
        session.Store(new SampleItemDone { Id = $"{sampleId}:{coder}:{itemId}", SampleId = sampleId, CoderId = coder, ItemId = itemId, At = now });
        return Results.NoContent();
    }

    private static async Task<SampleView> View(CodingSample sample, IQuerySession session)
    {
        var done = await session.Query<SampleItemDone>().Where(d => d.SampleId == sample.Id).ToListAsync();
        return new SampleView(sample.Id, sample.CoderIds, sample.ItemIds.Count,
            sample.CoderIds.ToDictionary(c => c, c => done.Count(d => d.CoderId == c)), sample.ItemIds, sample.Seed, sample.CreatedAt);
    }
}
