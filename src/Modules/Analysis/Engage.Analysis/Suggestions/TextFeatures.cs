using Engage.Analysis.Discovery;

namespace Engage.Analysis.Suggestions;

/// <summary>A text as sparse TF-IDF features: sorted feature indices and their L2-normalised weights.</summary>
internal readonly record struct FeatureRow(int[] Indices, double[] Values);

/// <summary>
/// Unigrams and bigrams of the discovery tokenizer's terms, sublinear tf (1 + ln tf) and smoothed idf,
/// L2-normalised. Bigrams catch what single words miss ("waiting time", "car park"). Only terms used by
/// at least <see cref="MinimumDocumentFrequency"/> coded texts enter the vocabulary: a term seen once
/// cannot generalise, it only lets the model memorise that one text.
/// </summary>
internal sealed class TextFeatures
{
    private const int MinimumDocumentFrequency = 2;

    private readonly Dictionary<string, int> _index;
    private readonly double[] _idf;

    private TextFeatures(Dictionary<string, int> index, double[] idf) => (_index, _idf) = (index, idf);

    public int Count => _idf.Length;

    public static (TextFeatures Features, FeatureRow[] Rows) Fit(IReadOnlyList<string> texts)
    {
        var terms = texts.Select(Terms).ToArray();
        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var distinct in terms.Select(t => t.Distinct(StringComparer.Ordinal)))
            foreach (var term in distinct)
                documentFrequency[term] = documentFrequency.GetValueOrDefault(term) + 1;

        // Ordinal order so the same texts always give the same feature numbers.
        var kept = documentFrequency.Where(kv => kv.Value >= MinimumDocumentFrequency)
            .Select(kv => kv.Key).Order(StringComparer.Ordinal).ToList();
        var index = new Dictionary<string, int>(kept.Count, StringComparer.Ordinal);
        var idf = new double[kept.Count];
        foreach (var term in kept)
        {
            idf[index.Count] = Math.Log((1.0 + texts.Count) / (1.0 + documentFrequency[term])) + 1.0;
            index[term] = index.Count;
        }

        var features = new TextFeatures(index, idf);
        return (features, terms.Select(features.Row).ToArray());
    }

    public FeatureRow Transform(string text) => Row(Terms(text));

    private FeatureRow Row(List<string> terms)
    {
        var counts = new Dictionary<int, int>();
        foreach (var term in terms)
            if (_index.TryGetValue(term, out var i)) counts[i] = counts.GetValueOrDefault(i) + 1;
        var indices = counts.Keys.Order().ToArray();
        var values = indices.Select(i => (1.0 + Math.Log(counts[i])) * _idf[i]).ToArray();
        var norm = Math.Sqrt(values.Sum(v => v * v));
        if (norm > 0) for (var k = 0; k < values.Length; k++) values[k] /= norm;
        return new FeatureRow(indices, values);
    }

    private static List<string> Terms(string text)
    {
        var words = ShortTextTokenizer.Tokenize(text);
        var terms = new List<string>(words.Count * 2);
        terms.AddRange(words);
        for (var i = 1; i < words.Count; i++) terms.Add(words[i - 1] + " " + words[i]);
        return terms;
    }
}
