namespace Engage.Analysis.Suggestions;

/// <summary>One code's model: P(code | text) = σ(w·x + b).</summary>
internal sealed record BinaryModel(double[] Weights, double Bias)
{
    public double Probability(FeatureRow row)
    {
        var z = Bias;
        for (var k = 0; k < row.Indices.Length; k++) z += Weights[row.Indices[k]] * row.Values[k];
        return LogisticRegression.Sigmoid(z);
    }
}

/// <summary>
/// L2-regularised logistic regression on sparse rows, minimising
/// ½‖w‖² + C Σ log(1 + e^(−y(w·x + b))) (scikit-learn's form, so C means the same there); the bias is
/// not penalised. Solved by L-BFGS from zero with a backtracking line search: no random start and no
/// sampling, so the same rows always give the same model. A properly fitted logistic model gives
/// probabilities that can be read as confidences, which stochastic or margin-based training does not.
/// </summary>
internal static class LogisticRegression
{
    private const int Memory = 8;
    private const double GradientTolerance = 1e-5;

    public static double Sigmoid(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));

    public static BinaryModel Train(FeatureRow[] rows, bool[] positive, int dimensions, double c, int maxIterations)
    {
        // Parameters: dimensions weights, then the bias.
        var n = dimensions + 1;
        var x = new double[n];
        var g = new double[n];
        var f = Objective(rows, positive, dimensions, c, x, g);
        var s = new List<double[]>();
        var y = new List<double[]>();
        var xNew = new double[n];
        var gNew = new double[n];
        var direction = new double[n];

        for (var iteration = 0; iteration < maxIterations && MaxAbs(g) > GradientTolerance * Math.Max(1, f); iteration++)
        {
            Direction(g, s, y, direction);
            var slope = Dot(g, direction);
            if (slope >= 0)
            {
                // Curvature pairs gone stale: fall back to steepest descent.
                s.Clear();
                y.Clear();
                for (var i = 0; i < n; i++) direction[i] = -g[i];
                slope = -Dot(g, g);
            }

            var step = iteration == 0 ? 1 / Math.Sqrt(-slope) : 1.0;
            double fNew;
            while (true)
            {
                for (var i = 0; i < n; i++) xNew[i] = x[i] + step * direction[i];
                fNew = Objective(rows, positive, dimensions, c, xNew, gNew);
                if (fNew <= f + 1e-4 * step * slope || step < 1e-12) break;
                step *= 0.5;
            }

            var sk = new double[n];
            var yk = new double[n];
            for (var i = 0; i < n; i++) (sk[i], yk[i]) = (xNew[i] - x[i], gNew[i] - g[i]);
            if (Dot(sk, yk) > 1e-12)
            {
                if (s.Count == Memory) { s.RemoveAt(0); y.RemoveAt(0); }
                s.Add(sk);
                y.Add(yk);
            }
            var converged = f - fNew <= 1e-10 * Math.Max(1, Math.Abs(f));
            (x, xNew) = (xNew, x);
            (g, gNew) = (gNew, g);
            f = fNew;
            if (converged) break;
        }
        return new BinaryModel(x[..dimensions], x[dimensions]);
    }

    private static double Objective(FeatureRow[] rows, bool[] positive, int dimensions, double c, double[] x, double[] gradient)
    {
        var value = 0.0;
        for (var j = 0; j < dimensions; j++)
        {
            value += 0.5 * x[j] * x[j];
            gradient[j] = x[j];
        }
        gradient[dimensions] = 0;
        for (var i = 0; i < rows.Length; i++)
        {
            var (indices, values) = (rows[i].Indices, rows[i].Values);
            var z = x[dimensions];
            for (var k = 0; k < indices.Length; k++) z += x[indices[k]] * values[k];
            var margin = positive[i] ? z : -z;
            // log(1 + e^(−m)) without overflow either way.
            value += c * (margin > 0 ? Math.Log(1 + Math.Exp(-margin)) : -margin + Math.Log(1 + Math.Exp(margin)));
            var residual = c * (Sigmoid(z) - (positive[i] ? 1 : 0));
            for (var k = 0; k < indices.Length; k++) gradient[indices[k]] += residual * values[k];
            gradient[dimensions] += residual;
        }
        return value;
    }

    /// <summary>The two-loop recursion: −H·g from the stored curvature pairs.</summary>
    private static void Direction(double[] g, List<double[]> s, List<double[]> y, double[] direction)
    {
        Array.Copy(g, direction, g.Length);
        var alpha = new double[s.Count];
        for (var k = s.Count - 1; k >= 0; k--)
        {
            alpha[k] = Dot(s[k], direction) / Dot(y[k], s[k]);
            Axpy(-alpha[k], y[k], direction);
        }
        if (s.Count > 0)
        {
            var gamma = Dot(s[^1], y[^1]) / Dot(y[^1], y[^1]);
            for (var i = 0; i < direction.Length; i++) direction[i] *= gamma;
        }
        for (var k = 0; k < s.Count; k++)
        {
            var beta = Dot(y[k], direction) / Dot(y[k], s[k]);
            Axpy(alpha[k] - beta, s[k], direction);
        }
        for (var i = 0; i < direction.Length; i++) direction[i] = -direction[i];
    }

    private static double Dot(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    private static void Axpy(double a, double[] x, double[] y)
    {
        for (var i = 0; i < x.Length; i++) y[i] += a * x[i];
    }

    private static double MaxAbs(double[] v)
    {
        var max = 0.0;
        foreach (var e in v) max = Math.Max(max, Math.Abs(e));
        return max;
    }
}
