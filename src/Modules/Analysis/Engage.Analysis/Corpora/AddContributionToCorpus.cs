using Engage.Workshop.Contracts;
using Mapster;
using Marten;
using Wolverine.Marten;

namespace Engage.Analysis.Corpora;

[MartenStore(typeof(IAnalysisStore))]
public static class ContributionPublishedHandler
{
    public static async Task<DepartedParticipant?> LoadAsync(ContributionPublished published, IQuerySession session) =>
        published.AuthorId is { } author ? await session.LoadAsync<DepartedParticipant>(author) : null;

    /// <summary>
    /// The first contribution of a workshop also opens its corpus (an idempotent upsert, like the item). One
    /// that arrives after its author deleted their data is dropped if they removed it, else kept unattributed.
    /// </summary>
    public static (IMartenOp, IMartenOp) Handle(ContributionPublished published, DepartedParticipant? departed, TypeAdapterConfig mapping)
    {
        var corpus = MartenOps.Store(Corpus.OfWorkshop(published.WorkshopId, published.PublishedAt));
        if (departed is not null && departed.RemovedContributionIds.Contains(published.ContributionId)) return (MartenOps.Nothing(), corpus);
        var item = published.Adapt<CorpusItem>(mapping);
        if (departed is not null) CorpusItem.Unattribute(item);
        return (MartenOps.Store(item), corpus);
    }
}
