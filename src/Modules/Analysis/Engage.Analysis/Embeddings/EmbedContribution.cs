using Engage.Workshop.Contracts;
using Engage.Embeddings;
using Marten;
using Wolverine.Marten;

namespace Engage.Analysis.Embeddings;

/// <summary>
/// Embeds each published contribution once, as it arrives. A handler of its own (so its own durable local
/// queue, MultipleHandlerBehavior.Separated): the participant's request never waits for the model, a
/// restart resumes from the queue, and the corpus copy (ContributionPublishedHandler) is never held up by it.
/// A redelivery of the same text finds the stored vector and embeds nothing.
/// </summary>
[MartenStore(typeof(IAnalysisStore))]
public static class EmbedContributionHandler
{
    public static Task<ItemEmbedding?> LoadAsync(ContributionPublished published, IQuerySession session) =>
        session.LoadAsync<ItemEmbedding>(published.ContributionId);

    public static IMartenOp Handle(ContributionPublished published, ItemEmbedding? existing, TextEmbeddings embeddings)
    {
        if (!embeddings.Enabled || string.IsNullOrWhiteSpace(published.Text)) return MartenOps.Nothing();
        if (existing is not null && existing.IsCurrentFor(embeddings.ModelName, published.Text)) return MartenOps.Nothing();
        var vector = embeddings.Embedder.Embed(published.Text);
        return MartenOps.Store(ItemEmbedding.Of(published.ContributionId, published.WorkshopId, embeddings.ModelName, published.Text, vector));
    }
}
