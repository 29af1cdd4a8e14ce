using System.Security.Cryptography;
using System.Text;
using Engage.Embeddings;
using Engage.Methods.Vectors;
using Engage.Workshop.Contracts;
using Marten;
using Wolverine.Marten;

namespace Engage.Workshop.Contributions;

/// <summary>
/// The meaning of a published contribution, kept by the Workshop itself (modules never read each other's
/// data) so that "similar contributions while typing" can search by meaning. Id = the contribution's id;
/// the float32 bytes, the model's name and a hash of the text beside it (docs/adr/0017).
/// </summary>
public class ContributionEmbedding
{
    public Guid Id { get; set; }
    public Guid WorkshopId { get; set; }
    public Guid ThemeId { get; set; }
    public string Model { get; set; } = "";
    public string TextHash { get; set; } = "";
    public byte[] Vector { get; set; } = [];
    public DateTimeOffset EmbeddedAt { get; set; }

    public static string HashOf(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
}

/// <summary>
/// Embeds each published (or edited) contribution once, on its own durable local queue, so posting never
/// waits for the model and a restart loses none; the same text delivered again embeds nothing.
/// </summary>
[MartenStore(typeof(IWorkshopStore))]
public static class EmbedPublishedContributionHandler
{
    public static Task<ContributionEmbedding?> LoadAsync(ContributionPublished published, IQuerySession session) =>
        session.LoadAsync<ContributionEmbedding>(published.ContributionId);

    public static IMartenOp Handle(ContributionPublished published, ContributionEmbedding? existing, TextEmbeddings embeddings, DateTimeOffset now)
    {
        if (!embeddings.Enabled || string.IsNullOrWhiteSpace(published.Text)) return MartenOps.Nothing();
        var hash = ContributionEmbedding.HashOf(published.Text);
        if (existing is not null && existing.Model == embeddings.ModelName && existing.TextHash == hash) return MartenOps.Nothing();
        return MartenOps.Store(new ContributionEmbedding
        {
            Id = published.ContributionId, WorkshopId = published.WorkshopId, ThemeId = published.ThemeId, Model = embeddings.ModelName,
            TextHash = hash, Vector = VectorMath.ToBytes(embeddings.Embedder.Embed(published.Text)), EmbeddedAt = now
        });
    }
}
