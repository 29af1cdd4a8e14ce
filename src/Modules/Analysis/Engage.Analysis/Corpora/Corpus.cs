using Engage.Platform;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;
using Wolverine.Marten;

namespace Engage.Analysis.Corpora;

/// <summary>
/// A body of text to analyse. A workshop's corpus has the workshop's id and fills itself from the
/// Workshop's messages; an uploaded corpus comes from a CSV file. Items of either kind are
/// <see cref="CorpusItem"/>s whose <c>WorkshopId</c> is the corpus id.
/// </summary>
public class Corpus
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    /// <summary>"workshop" or "upload".</summary>
    public string Source { get; set; } = "workshop";
    public Guid? WorkshopId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public static Corpus OfWorkshop(Guid workshopId, DateTimeOffset at) =>
        new() { Id = workshopId, Name = "Workshop contributions", Source = "workshop", WorkshopId = workshopId, CreatedAt = at };
}

public record CorpusSummary(Guid Id, string Name, string Source, Guid? WorkshopId, DateTimeOffset CreatedAt, int Items);

[MartenStore(typeof(IAnalysisStore))]
[Authorize(Roles = Roles.Analysts)]
public static class CorporaEndpoint
{
    [WolverineGet("/api/analysis/corpora")]
    public static async Task<IReadOnlyList<CorpusSummary>> List(Guid? workshopId, IQuerySession session)
    {
        var corpora = workshopId is { } w
            ? await session.Query<Corpus>().Where(c => c.WorkshopId == w).ToListAsync()
            : await session.Query<Corpus>().OrderByDescending(c => c.CreatedAt).Take(500).ToListAsync();
        var summaries = new List<CorpusSummary>();
        foreach (var c in corpora)
            summaries.Add(new CorpusSummary(c.Id, c.Name, c.Source, c.WorkshopId, c.CreatedAt, await session.ItemsOf(c.Id).CountAsync()));
        return summaries;
    }

    [WolverineGet("/api/analysis/corpora/{id}")]
    public static async Task<IResult> Get(Guid id, IQuerySession session) =>
        await session.LoadAsync<Corpus>(id) is null
            ? Results.Problem(statusCode: 404, title: "Not found", detail: "The corpus was not found.")
            : Results.Ok(await ViewCorpusEndpoint.Corpus(id, session));
}
