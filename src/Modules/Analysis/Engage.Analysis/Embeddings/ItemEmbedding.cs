using System.Security.Cryptography;
using System.Text;
using Engage.Analysis.Corpora;
using Engage.Methods.Vectors;
using Engage.Embeddings;
using Marten;

namespace Engage.Analysis.Embeddings;

/// <summary>
/// The meaning of one corpus item as a sentence embedding: its id is the item's, so it sits beside the
/// item in schema <c>analysis</c> and a redelivered message overwrites rather than duplicates. The vector
/// is stored as little-endian float32 bytes (1.5 KB for 384 dimensions), the model's name beside it so
/// vectors of two models are never compared, and a hash of the text so an edited text is embedded again
/// while the same text is not (docs/adr/0017-sentence-embeddings.md).
/// </summary>
public class ItemEmbedding
{
    public Guid Id { get; set; }
    public Guid CorpusId { get; set; }
    public string Model { get; set; } = "";
    public string TextHash { get; set; } = "";
    public byte[] Vector { get; set; } = [];

    public float[] Values() => VectorMath.FromBytes(Vector);

    public static ItemEmbedding Of(Guid itemId, Guid corpusId, string model, string text, float[] vector) =>
        new() { Id = itemId, CorpusId = corpusId, Model = model, TextHash = HashOf(text), Vector = VectorMath.ToBytes(vector) };

    public bool IsCurrentFor(string model, string text) => Model == model && TextHash == HashOf(text);

    public static string HashOf(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
}

public static class ItemEmbeddings
{
    /// <summary>
    /// The vectors of these items under the current model, in item order: stored ones read back, missing or
    /// stale ones (an uploaded corpus, an item that arrived while embeddings were off) embedded now and stored
    /// when the caller's session is saved.
    /// </summary>
    public static async Task<float[][]> ForItemsAsync(IDocumentSession session, TextEmbeddings embeddings, Guid corpusId,
        IReadOnlyList<CorpusItem> items, CancellationToken cancellation)
    {
        var model = embeddings.ModelName;
        var stored = (await session.Query<ItemEmbedding>().Where(e => e.CorpusId == corpusId && e.Model == model).ToListAsync(cancellation))
            .ToDictionary(e => e.Id);
        var result = new float[items.Count][];
        var missing = new List<int>();
        for (var i = 0; i < items.Count; i++)
        {
            if (stored.TryGetValue(items[i].Id, out var e) && e.IsCurrentFor(model, items[i].Text)) result[i] = e.Values();
            else missing.Add(i);
        }
        if (missing.Count == 0) return result;
        var vectors = embeddings.Embedder.Embed(missing.Select(i => items[i].Text).ToList());
        for (var m = 0; m < missing.Count; m++)
        {
            var item = items[missing[m]];
            result[missing[m]] = vectors[m];
            session.Store(ItemEmbedding.Of(item.Id, corpusId, model, item.Text, vectors[m]));
        }
        return result;
    }

    /// <summary>The stored vectors of every item by id, or null when embeddings are off or any item has none yet under the current model.</summary>
    public static async Task<Dictionary<Guid, float[]>?> StoredAsync(IQuerySession session, TextEmbeddings embeddings, Guid corpusId, IReadOnlyList<CorpusItem> items)
    {
        if (!embeddings.Enabled || items.Count == 0) return null;
        var model = embeddings.ModelName;
        var stored = (await session.Query<ItemEmbedding>().Where(e => e.CorpusId == corpusId && e.Model == model).ToListAsync()).ToDictionary(e => e.Id);
        var vectors = new Dictionary<Guid, float[]>(items.Count);
        foreach (var item in items)
        {
            if (!stored.TryGetValue(item.Id, out var e) || !e.IsCurrentFor(model, item.Text)) return null;
            vectors[item.Id] = e.Values();
        }
        return vectors;
    }
}
