namespace Engage.Analysis.Discovery;

/// <summary>
/// Dirichlet multinomial mixture with collapsed Gibbs sampling (Yin and Wang, KDD 2014: "GSDMM").
/// Each short text belongs to exactly one theme, which fits contributions of one or two sentences
/// better than topic models that spread a text over many topics, and better than k-means on
/// TF-IDF, whose vectors are too sparse for distances to mean much. Starting from an upper bound
/// on the number of themes, clusters that lose all members stay empty, so the count is inferred.
/// </summary>
internal sealed class Gsdmm
{
    private readonly EncodedCorpus _corpus;
    private readonly int _k;
    private readonly double _alpha;
    private readonly double _beta;
    private readonly int[] _nkw;   // word-major: [word * K + cluster], so one word's counts are contiguous
    private readonly int[] _nk;    // tokens per cluster
    private readonly int[] _mk;    // documents per cluster
    private readonly int[] _z;
    private readonly double[] _p;
    private readonly double[] _den;

    public Gsdmm(EncodedCorpus corpus, int k, double alpha, double beta)
    {
        _corpus = corpus;
        _k = k;
        _alpha = alpha;
        _beta = beta;
        _nkw = new int[corpus.VocabularySize * k];
        _nk = new int[k];
        _mk = new int[k];
        _z = new int[corpus.Documents.Length];
        _p = new double[k];
        _den = new double[k];
    }

    public int[] Assignments => _z;
    public int NonEmptyClusters => _mk.Count(m => m > 0);

    /// <summary>Random start: every text in a cluster drawn uniformly.</summary>
    public void StartRandom(Random random)
    {
        var docs = _corpus.Documents;
        for (var d = 0; d < docs.Length; d++)
        {
            if (docs[d].Length == 0) { _z[d] = -1; continue; }
            _z[d] = random.Next(_k);
            Move(d, _z[d], +1);
        }
    }

    /// <summary>Start from a given partition (cluster numbers below K; -1 for texts without terms).</summary>
    public void StartFrom(int[] assignments)
    {
        var docs = _corpus.Documents;
        for (var d = 0; d < docs.Length; d++)
        {
            if (docs[d].Length == 0 || assignments[d] < 0) { _z[d] = -1; continue; }
            _z[d] = assignments[d];
            Move(d, _z[d], +1);
        }
    }

    /// <summary><paramref name="iterations"/> Gibbs sweeps; <paramref name="afterSweep"/> is told after each.</summary>
    public void Sample(int iterations, Random random, Action? afterSweep, CancellationToken ct)
    {
        var docs = _corpus.Documents;
        for (var it = 0; it < iterations; it++)
        {
            ct.ThrowIfCancellationRequested();
            for (var d = 0; d < docs.Length; d++)
            {
                if (_z[d] < 0) continue;
                Move(d, _z[d], -1);
                Score(d);
                var total = 0.0;
                for (var k = 0; k < _k; k++) total += _p[k];
                var u = random.NextDouble() * total;
                var chosen = _k - 1;
                for (var k = 0; k < _k; k++)
                {
                    u -= _p[k];
                    if (u <= 0) { chosen = k; break; }
                }
                _z[d] = chosen;
                Move(d, chosen, +1);
            }
            afterSweep?.Invoke();
        }
    }

    /// <summary>
    /// Deterministic clean-up sweeps: each text moves to its most probable theme given all others.
    /// Gibbs sampling leaves some texts where a last random draw put them; this settles them.
    /// </summary>
    public void Settle(int sweeps, CancellationToken ct)
    {
        var docs = _corpus.Documents;
        for (var s = 0; s < sweeps; s++)
        {
            ct.ThrowIfCancellationRequested();
            var moved = 0;
            for (var d = 0; d < docs.Length; d++)
            {
                if (_z[d] < 0) continue;
                var from = _z[d];
                Move(d, from, -1);
                Score(d);
                var best = from;
                for (var k = 0; k < _k; k++) if (_p[k] > _p[best]) best = k;
                if (best != from) moved++;
                _z[d] = best;
                Move(d, best, +1);
            }
            if (moved == 0) break;
        }
    }

    /// <summary>
    /// Hard EM: every text moves at once to the theme whose smoothed word distribution gives it the
    /// highest likelihood, then the distributions are recounted. Moving all texts together (rather
    /// than one by one) keeps a large theme from absorbing its neighbours' texts before they can answer.
    /// </summary>
    public void Refine(int maxIterations, CancellationToken ct)
    {
        var docs = _corpus.Documents;
        var v = _corpus.VocabularySize;
        var logWord = new double[v * _k];
        var logPrior = new double[_k];
        var next = new int[docs.Length];
        for (var it = 0; it < maxIterations; it++)
        {
            ct.ThrowIfCancellationRequested();
            for (var k = 0; k < _k; k++) logPrior[k] = Math.Log(_mk[k] + _alpha);
            for (var w = 0; w < v; w++)
                for (var k = 0; k < _k; k++)
                    logWord[w * _k + k] = Math.Log((_nkw[w * _k + k] + _beta) / (_nk[k] + v * _beta));
            var moved = 0;
            for (var d = 0; d < docs.Length; d++)
            {
                next[d] = _z[d];
                if (_z[d] < 0) continue;
                Array.Copy(logPrior, _p, _k);
                foreach (var w in docs[d])
                {
                    var row = w * _k;
                    for (var k = 0; k < _k; k++) _p[k] += logWord[row + k];
                }
                var best = _z[d];
                for (var k = 0; k < _k; k++) if (_p[k] > _p[best]) best = k;
                if (best != _z[d]) { next[d] = best; moved++; }
            }
            if (moved == 0) break;
            for (var d = 0; d < docs.Length; d++)
            {
                if (next[d] == _z[d]) continue;
                Move(d, _z[d], -1);
                _z[d] = next[d];
                Move(d, _z[d], +1);
            }
        }
    }

    /// <summary>Moves the texts of clusters smaller than <paramref name="minSize"/> to their most probable remaining cluster.</summary>
    public void DissolveSmallClusters(int minSize)
    {
        var docs = _corpus.Documents;
        var small = new bool[_k];
        var anyLarge = false;
        for (var k = 0; k < _k; k++)
        {
            small[k] = _mk[k] < minSize;
            if (_mk[k] >= minSize) anyLarge = true;
        }
        if (!anyLarge) return;
        for (var d = 0; d < docs.Length; d++)
        {
            if (_z[d] < 0 || !small[_z[d]]) continue;
            Move(d, _z[d], -1);
            Score(d);
            var best = -1;
            for (var k = 0; k < _k; k++)
                if (!small[k] && (best < 0 || _p[k] > _p[best])) best = k;
            _z[d] = best;
            Move(d, best, +1);
        }
    }

    /// <summary>Collapsed log joint probability of texts and assignments, used to pick the best of several chains.</summary>
    public double LogJoint()
    {
        var v = _corpus.VocabularySize;
        var lp = 0.0;
        var lgAlpha = MathUtil.LogGamma(_alpha);
        var lgBeta = MathUtil.LogGamma(_beta);
        var lgVBeta = MathUtil.LogGamma(v * _beta);
        for (var k = 0; k < _k; k++)
        {
            if (_mk[k] == 0) continue;
            lp += MathUtil.LogGamma(_mk[k] + _alpha) - lgAlpha;
            lp += lgVBeta - MathUtil.LogGamma(_nk[k] + v * _beta);
        }
        for (var i = 0; i < _nkw.Length; i++)
            if (_nkw[i] > 0) lp += MathUtil.LogGamma(_nkw[i] + _beta) - lgBeta;
        return lp;
    }

    private void Move(int d, int k, int sign)
    {
        var doc = _corpus.Documents[d];
        _mk[k] += sign;
        _nk[k] += sign * doc.Length;
        foreach (var w in doc) _nkw[w * _k + k] += sign;
    }

    /// <summary>
    /// Fills _p with the unnormalised probability of each cluster for text d (eq. 4 of the paper).
    /// Short texts stay in plain products (no log/exp per cluster, which is most of the speed);
    /// long ones are taken in chunks through logs so nothing underflows.
    /// </summary>
    private void Score(int d)
    {
        var doc = _corpus.Documents[d];
        var counts = _corpus.RepeatIndex[d];
        var vBeta = _corpus.VocabularySize * _beta;
        const int chunk = 12;
        if (doc.Length <= chunk)
        {
            for (var k = 0; k < _k; k++) { _p[k] = _mk[k] + _alpha; _den[k] = 1.0; }
            for (var i = 0; i < doc.Length; i++)
            {
                var row = doc[i] * _k;
                var numAdd = _beta + counts[i];
                var denAdd = vBeta + i;
                for (var k = 0; k < _k; k++)
                {
                    _p[k] *= _nkw[row + k] + numAdd;
                    _den[k] *= _nk[k] + denAdd;
                }
            }
            for (var k = 0; k < _k; k++) _p[k] /= _den[k];
            return;
        }

        Span<double> log = _den;
        for (var k = 0; k < _k; k++) log[k] = Math.Log(_mk[k] + _alpha);
        var num = new double[_k];
        var den = new double[_k];
        for (var start = 0; start < doc.Length; start += chunk)
        {
            Array.Fill(num, 1.0);
            Array.Fill(den, 1.0);
            var end = Math.Min(doc.Length, start + chunk);
            for (var i = start; i < end; i++)
            {
                var row = doc[i] * _k;
                var numAdd = _beta + counts[i];
                var denAdd = vBeta + i;
                for (var k = 0; k < _k; k++)
                {
                    num[k] *= _nkw[row + k] + numAdd;
                    den[k] *= _nk[k] + denAdd;
                }
            }
            for (var k = 0; k < _k; k++) log[k] += Math.Log(num[k]) - Math.Log(den[k]);
        }
        var max = double.NegativeInfinity;
        for (var k = 0; k < _k; k++) max = Math.Max(max, log[k]);
        for (var k = 0; k < _k; k++) _p[k] = Math.Exp(log[k] - max);
    }
}

/// <summary>Texts as word ids. RepeatIndex[d][i] says how many earlier tokens of text d are the same word (the j-1 of the paper).</summary>
internal sealed class EncodedCorpus
{
    public required int[][] Documents { get; init; }
    public required int[][] RepeatIndex { get; init; }
    public required string[] Vocabulary { get; init; }
    public int VocabularySize => Vocabulary.Length;

    /// <summary>
    /// Builds word ids. Terms used by a single text are dropped when the corpus is big enough for
    /// that to be safe: they cannot link two texts and only add noise to the sampler.
    /// </summary>
    public static EncodedCorpus Build(IReadOnlyList<List<string>> tokenized, int minDocumentFrequency)
    {
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var doc in tokenized)
            foreach (var t in doc.Distinct())
                df[t] = df.GetValueOrDefault(t) + 1;
        var vocabulary = df.Where(p => p.Value >= minDocumentFrequency).Select(p => p.Key).Order(StringComparer.Ordinal).ToArray();
        var ids = new Dictionary<string, int>(vocabulary.Length, StringComparer.Ordinal);
        for (var i = 0; i < vocabulary.Length; i++) ids[vocabulary[i]] = i;

        var documents = new int[tokenized.Count][];
        var repeats = new int[tokenized.Count][];
        for (var d = 0; d < tokenized.Count; d++)
        {
            // Sorted so equal words sit together, which makes the repeat index a simple run count.
            var words = tokenized[d].Where(ids.ContainsKey).Select(t => ids[t]).Order().ToArray();
            var rep = new int[words.Length];
            for (var i = 1; i < words.Length; i++) rep[i] = words[i] == words[i - 1] ? rep[i - 1] + 1 : 0;
            documents[d] = words;
            repeats[d] = rep;
        }
        return new EncodedCorpus { Documents = documents, RepeatIndex = repeats, Vocabulary = vocabulary };
    }
}

internal static class MathUtil
{
    /// <summary>ln Γ(x) for x &gt; 0 (shift to x ≥ 7, then Stirling's series; error well below 1e-10).</summary>
    public static double LogGamma(double x)
    {
        var shift = 0.0;
        while (x < 7) { shift -= Math.Log(x); x += 1; }
        var inv = 1.0 / x;
        var inv2 = inv * inv;
        var series = inv * (1.0 / 12 - inv2 * (1.0 / 360 - inv2 * (1.0 / 1260 - inv2 / 1680)));
        return shift + (x - 0.5) * Math.Log(x) - x + 0.5 * Math.Log(2 * Math.PI) + series;
    }
}
