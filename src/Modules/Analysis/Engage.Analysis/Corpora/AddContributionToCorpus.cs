using Engage.Workshop.Contracts;
using Mapster;
using Wolverine.Marten;

namespace Engage.Analysis.Corpora;

[MartenStore(typeof(IAnalysisStore))]
public static class ContributionPublishedHandler
{
    /// <summary>The first contribution of a workshop also opens its corpus (an idempotent upsert, like the item).</summary>
    public static (IMartenOp, IMartenOp) Handle(ContributionPublished published, TypeAdapterConfig mapping) =>
        (MartenOps.Store(published.Adapt<CorpusItem>(mapping)), MartenOps.Store(Corpus.OfWorkshop(published.WorkshopId, published.PublishedAt)));
}
