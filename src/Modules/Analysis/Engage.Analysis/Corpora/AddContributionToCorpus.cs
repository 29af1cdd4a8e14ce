using Engage.Workshop.Contracts;
using Wolverine.Marten;

namespace Engage.Analysis.Corpora;

[MartenStore(typeof(IAnalysisStore))]
public static class ContributionPublishedHandler
{
    public static IMartenOp Handle(ContributionPublished published) =>
        MartenOps.Store(new CorpusItem
        {
            Id = published.ContributionId, WorkshopId = published.WorkshopId, ThemeId = published.ThemeId,
            ParentId = published.ParentId, Text = published.Text, Pseudonym = published.Pseudonym, PublishedAt = published.PublishedAt
        });
}
