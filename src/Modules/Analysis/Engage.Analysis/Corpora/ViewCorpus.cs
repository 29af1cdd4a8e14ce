using Engage.Platform;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Engage.Analysis.Corpora;

[MartenStore(typeof(IAnalysisStore))]
[Authorize(Roles = Roles.Analysts)]
public static class ViewCorpusEndpoint
{
    /// <summary>The corpus query is used by this endpoint and by publishing's evidence check.</summary>
    public static IQueryable<CorpusItem> ItemsOf(this IQuerySession session, Guid workshopId) =>
        session.Query<CorpusItem>().Where(x => x.WorkshopId == workshopId);

    [WolverineGet("/api/analysis/workshops/{workshopId}/items")]
    public static async Task<IReadOnlyList<CorpusItem>> Get(Guid workshopId, IQuerySession session) =>
        await session.ItemsOf(workshopId).OrderBy(x => x.PublishedAt).Take(10_000).ToListAsync();
}
