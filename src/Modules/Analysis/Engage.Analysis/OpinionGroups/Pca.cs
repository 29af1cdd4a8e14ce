namespace Engage.Analysis.OpinionGroups;

/// <summary>
/// The two leading principal components of the vote matrix, by power iteration on the centred
/// matrix (never forming the contributions x contributions covariance, which would cost more than
/// the whole rest of the analysis).
/// </summary>
internal static class Pca
{
    public static double[,] Project(VoteMatrix m, int seed)
    {
        int n = m.Rows, p = m.Columns;
        // A missing vote takes the statement's mean, so after centring it is exactly 0.
        var mean = new double[p];
        var seen = new int[p];
        for (var r = 0; r < n; r++)
            for (var c = 0; c < p; c++)
            {
                var v = m[r, c];
                if (double.IsNaN(v)) continue;
                mean[c] += v;
                seen[c]++;
            }
        for (var c = 0; c < p; c++) mean[c] = seen[c] > 0 ? mean[c] / seen[c] : 0;
        var a = new double[n * p];
        for (var r = 0; r < n; r++)
            for (var c = 0; c < p; c++)
            {
                var v = m[r, c];
                a[r * p + c] = double.IsNaN(v) ? 0 : v - mean[c];
            }

        var random = new Random(seed);
        var first = PowerIteration(a, n, p, null, random);
        var second = PowerIteration(a, n, p, first, random);

        var points = new double[n, 2];
        for (var r = 0; r < n; r++)
        {
            double x = 0, y = 0;
            for (var c = 0; c < p; c++)
            {
                x += a[r * p + c] * first[c];
                y += a[r * p + c] * second[c];
            }
            // As Polis does: a participant who voted on few statements sits near the centre only
            // because of the imputation, so the projection is stretched by sqrt(statements / votes).
            var scale = Math.Sqrt((double)p / Math.Max(1, m.VotesCast[r]));
            points[r, 0] = x * scale;
            points[r, 1] = y * scale;
        }
        return points;
    }

    /// <summary>Leading eigenvector of AᵀA (orthogonal to <paramref name="previous"/> if given), sign fixed so its largest entry is positive.</summary>
    private static double[] PowerIteration(double[] a, int n, int p, double[]? previous, Random random)
    {
        var v = new double[p];
        for (var c = 0; c < p; c++) v[c] = random.NextDouble() - 0.5;
        var av = new double[n];
        var next = new double[p];
        for (var it = 0; it < 500; it++)
        {
            if (previous is not null) Orthogonalise(v, previous);
            Normalise(v);
            for (var r = 0; r < n; r++)
            {
                double s = 0;
                var offset = r * p;
                for (var c = 0; c < p; c++) s += a[offset + c] * v[c];
                av[r] = s;
            }
            Array.Clear(next);
            for (var r = 0; r < n; r++)
            {
                var s = av[r];
                if (s == 0) continue;
                var offset = r * p;
                for (var c = 0; c < p; c++) next[c] += a[offset + c] * s;
            }
            if (previous is not null) Orthogonalise(next, previous);
            var norm = Normalise(next);
            if (norm == 0) break;
            var change = 0.0;
            for (var c = 0; c < p; c++) change = Math.Max(change, Math.Abs(next[c] - v[c]));
            (v, next) = (next, v);
            if (change < 1e-9) break;
        }
        var largest = 0;
        for (var c = 1; c < p; c++) if (Math.Abs(v[c]) > Math.Abs(v[largest])) largest = c;
        if (v[largest] < 0) for (var c = 0; c < p; c++) v[c] = -v[c];
        return v;
    }

    private static void Orthogonalise(double[] v, double[] against)
    {
        double dot = 0;
        for (var i = 0; i < v.Length; i++) dot += v[i] * against[i];
        for (var i = 0; i < v.Length; i++) v[i] -= dot * against[i];
    }

    private static double Normalise(double[] v)
    {
        double s = 0;
        foreach (var x in v) s += x * x;
        var norm = Math.Sqrt(s);
        if (norm > 0) for (var i = 0; i < v.Length; i++) v[i] /= norm;
        return norm;
    }
}
