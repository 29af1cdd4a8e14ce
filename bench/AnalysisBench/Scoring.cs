namespace AnalysisBench;

/// <summary>How well a clustering matches the reference labels: NMI and best one-to-one accuracy.</summary>
internal static class Scoring
{
    /// <summary>Normalised mutual information, arithmetic-mean normalisation (scikit-learn's default).</summary>
    public static double Nmi(int[] truth, int[] predicted)
    {
        var n = truth.Length;
        var joint = new Dictionary<(int, int), int>();
        var a = new Dictionary<int, int>();
        var b = new Dictionary<int, int>();
        for (var i = 0; i < n; i++)
        {
            joint[(truth[i], predicted[i])] = joint.GetValueOrDefault((truth[i], predicted[i])) + 1;
            a[truth[i]] = a.GetValueOrDefault(truth[i]) + 1;
            b[predicted[i]] = b.GetValueOrDefault(predicted[i]) + 1;
        }
        double mi = 0;
        foreach (var ((t, p), c) in joint) mi += (double)c / n * Math.Log((double)c * n / ((double)a[t] * b[p]));
        double Entropy(Dictionary<int, int> m) => -m.Values.Sum(c => (double)c / n * Math.Log((double)c / n));
        var ha = Entropy(a);
        var hb = Entropy(b);
        return ha + hb == 0 ? 1.0 : mi / ((ha + hb) / 2);
    }

    /// <summary>Accuracy under the best one-to-one matching of clusters to labels (Hungarian method).</summary>
    public static double Accuracy(int[] truth, int[] predicted)
    {
        var labels = truth.Distinct().Order().ToArray();
        var clusters = predicted.Distinct().Order().ToArray();
        var size = Math.Max(labels.Length, clusters.Length);
        var li = labels.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => x.i);
        var ci = clusters.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
        var count = new int[size, size];
        for (var i = 0; i < truth.Length; i++) count[ci[predicted[i]], li[truth[i]]]++;
        var max = 0;
        foreach (var c in count) max = Math.Max(max, c);
        var cost = new double[size, size];
        for (var r = 0; r < size; r++) for (var c = 0; c < size; c++) cost[r, c] = max - count[r, c];
        var match = Hungarian(cost);
        var correct = 0;
        for (var r = 0; r < size; r++) correct += count[r, match[r]];
        return (double)correct / truth.Length;
    }

    /// <summary>Minimum-cost assignment on a square matrix (Kuhn–Munkres with potentials, O(n³)). Returns the column of each row.</summary>
    private static int[] Hungarian(double[,] cost)
    {
        var n = cost.GetLength(0);
        var u = new double[n + 1];
        var v = new double[n + 1];
        var p = new int[n + 1];
        var way = new int[n + 1];
        for (var i = 1; i <= n; i++)
        {
            p[0] = i;
            var j0 = 0;
            var minv = Enumerable.Repeat(double.MaxValue, n + 1).ToArray();
            var used = new bool[n + 1];
            do
            {
                used[j0] = true;
                var i0 = p[j0];
                var delta = double.MaxValue;
                var j1 = 0;
                for (var j = 1; j <= n; j++)
                {
                    if (used[j]) continue;
                    var cur = cost[i0 - 1, j - 1] - u[i0] - v[j];
                    if (cur < minv[j]) { minv[j] = cur; way[j] = j0; }
                    if (minv[j] < delta) { delta = minv[j]; j1 = j; }
                }
                for (var j = 0; j <= n; j++)
                {
                    if (used[j]) { u[p[j]] += delta; v[j] -= delta; }
                    else minv[j] -= delta;
                }
                j0 = j1;
            } while (p[j0] != 0);
            do
            {
                var j1 = way[j0];
                p[j0] = p[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        var result = new int[n];
        for (var j = 1; j <= n; j++) result[p[j] - 1] = j - 1;
        return result;
    }
}
