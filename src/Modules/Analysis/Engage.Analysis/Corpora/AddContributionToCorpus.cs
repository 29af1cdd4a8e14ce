using Engage.Workshop.Contracts;
using Mapster;
using Wolverine.Marten;

namespace Engage.Analysis.Corpora;

[MartenStore(typeof(IAnalysisStore))]
public static class ContributionPublishedHandler
{
    public static IMartenOp Handle(ContributionPublished published, TypeAdapterConfig mapping) =>
        MartenOps.Store(published.Adapt<CorpusItem>(mapping));
}
