namespace Engage.Analysis.Discovery;

/// <summary>
/// Sparse TF-IDF rows, L2-normalised, with the usual smoothed idf: ln((1 + n) / (1 + df)) + 1.
/// Used to find the quotes closest to a theme's centre, and by the k-means baseline.
/// </summary>
internal sealed class TfidfVectors
{
    public required int[][] Indices { get; init; }
    public required double[][] Values { get; init; }
    public required int Dimensions { get; init; }

    public static TfidfVectors Build(EncodedCorpus corpus)
    {
        var n = corpus.Documents.Length;
        var df = new int[corpus.VocabularySize];
        foreach (var doc in corpus.Documents)
            for (var i = 0; i < doc.Length; i++)
                if (i == 0 || doc[i] != doc[i - 1]) df[doc[i]]++;
        var idf = new double[df.Length];
        for (var w = 0; w < df.Length; w++) idf[w] = Math.Log((1.0 + n) / (1.0 + df[w])) + 1.0;

        var indices = new int[n][];
        var values = new double[n][];
        for (var d = 0; d < n; d++)
        {
            var doc = corpus.Documents[d];   // sorted word ids
            var idx = new List<int>();
            var val = new List<double>();
            for (var i = 0; i < doc.Length; i++)
            {
                if (i > 0 && doc[i] == doc[i - 1]) { val[^1] += idf[doc[i]]; continue; }
                idx.Add(doc[i]);
                val.Add(idf[doc[i]]);
            }
            var norm = Math.Sqrt(val.Sum(v => v * v));
            indices[d] = idx.ToArray();
            values[d] = norm > 0 ? val.Select(v => v / norm).ToArray() : val.ToArray();
        }
        return new TfidfVectors { Indices = indices, Values = values, Dimensions = corpus.VocabularySize };
    }

    public double Dot(int d, double[] dense)
    {
        var s = 0.0;
        var idx = Indices[d];
        var val = Values[d];
        for (var i = 0; i < idx.Length; i++) s += val[i] * dense[idx[i]];
        return s;
    }

    public void AddTo(int d, double[] dense, double weight = 1.0)
    {
        var idx = Indices[d];
        var val = Values[d];
        for (var i = 0; i < idx.Length; i++) dense[idx[i]] += weight * val[i];
    }
}
