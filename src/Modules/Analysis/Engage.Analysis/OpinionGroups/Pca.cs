namespace Engage.Analysis.OpinionGroups;

/// <summary>
/// The two leading principal components of the vote matrix, by power iteration on the centred
/// matrix (never forming the contributions x contributions covariance, which would cost more than
/// the whole rest of the analysis).
/// </summary>
internal static class Pca
{
    /// <summary>
    /// A missing vote takes the statement's mean, so after centring it is exactly 0: the centred matrix
    /// has values only where votes were cast, and every product below costs one pass over the votes.
    /// </summary>
    public static double[,] Project(VoteMatrix m, int seed)
    {
        int n = m.Rows, p = m.ColumnCount;
        var mean = new double[p];
        var seen = new int[p];
        for (var i = 0; i < m.Votes.Length; i++)
        {
            mean[m.Columns[i]] += m.Votes[i];
            seen[m.Columns[i]]++;
        }
        for (var c = 0; c < p; c++) mean[c] = seen[c] > 0 ? mean[c] / seen[c] : 0;
        var a = new double[m.Votes.Length];
        for (var i = 0; i < a.Length; i++) a[i] = m.Votes[i] - mean[m.Columns[i]];

        var random = new Random(seed);
        var first = PowerIteration(m, a, null, random);
        var second = PowerIteration(m, a, first, random);

        var points = new double[n, 2];
        for (var r = 0; r < n; r++)
        {
            double x = 0, y = 0;
            for (var i = m.RowStart[r]; i < m.RowStart[r + 1]; i++)
            {
                x += a[i] * first[m.Columns[i]];
                y += a[i] * second[m.Columns[i]];
            }
            // As Polis does: a participant who voted on few statements sits near the centre only
            // because of the imputation, so the projection is stretched by sqrt(statements / votes).
            var scale = Math.Sqrt((double)p / Math.Max(1, m.VotesCast(r)));
            points[r, 0] = x * scale;
            points[r, 1] = y * scale;
        }
        return points;
    }

    /// <summary>Leading eigenvector of AᵀA (orthogonal to <paramref name="previous"/> if given), sign fixed so its largest entry is positive.</summary>
    private static double[] PowerIteration(VoteMatrix m, double[] a, double[]? previous, Random random)
    {
        int n = m.Rows, p = m.ColumnCount;
        var v = new double[p];
        for (var c = 0; c < p; c++) v[c] = random.NextDouble() - 0.5;
        var next = new double[p];
        for (var it = 0; it < 500; it++)
        {
            if (previous is not null) Orthogonalise(v, previous);
            Normalise(v);
            Array.Clear(next);
            for (var r = 0; r < n; r++)
            {
                double s = 0;
                int from = m.RowStart[r], to = m.RowStart[r + 1];
                for (var i = from; i < to; i++) s += a[i] * v[m.Columns[i]];
                if (s == 0) continue;
                for (var i = from; i < to; i++) next[m.Columns[i]] += a[i] * s;
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
