namespace Engage.Analysis.Breakdowns;

/// <summary>
/// The chi-squared upper tail, P(X ≥ x) = Q(k/2, x/2), the regularized upper incomplete gamma function.
/// Q is computed directly (not as 1 − P) so very small p-values keep their precision. Series and
/// continued fraction as in Numerical Recipes (Press et al., 3rd ed., §6.2); ln Γ by Lanczos (g = 7).
/// </summary>
internal static class ChiSquaredDistribution
{
    private const double Epsilon = 1e-15;
    private const int MaxIterations = 10_000;

    public static double UpperTail(double x, int degreesOfFreedom)
    {
        if (x <= 0) return 1.0;
        var a = degreesOfFreedom / 2.0;
        var half = x / 2.0;
        // The series converges fast below a + 1, the continued fraction above it.
        return half < a + 1 ? 1.0 - LowerSeries(a, half) : UpperContinuedFraction(a, half);
    }

    private static double LowerSeries(double a, double x)
    {
        double term = 1.0 / a, sum = term;
        for (var n = 1; n < MaxIterations && Math.Abs(term) > Math.Abs(sum) * Epsilon; n++)
        {
            term *= x / (a + n);
            sum += term;
        }
        return sum * Math.Exp(-x + a * Math.Log(x) - LogGamma(a));
    }

    /// <summary>Lentz's method for the continued fraction of Γ(a, x).</summary>
    private static double UpperContinuedFraction(double a, double x)
    {
        const double tiny = 1e-300;
        var b = x + 1 - a;
        var c = 1 / tiny;
        var d = 1 / b;
        var h = d;
        for (var i = 1; i < MaxIterations; i++)
        {
            var an = -i * (i - a);
            b += 2;
            d = an * d + b;
            if (Math.Abs(d) < tiny) d = tiny;
            c = b + an / c;
            if (Math.Abs(c) < tiny) c = tiny;
            d = 1 / d;
            var delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < Epsilon) break;
        }
        return Math.Exp(-x + a * Math.Log(x) - LogGamma(a)) * h;
    }

    private static readonly double[] Lanczos =
    [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
        1.5056327351493116e-7,
    ];

    internal static double LogGamma(double z)
    {
        // Degrees of freedom give z ≥ 0.5, so no reflection for z < 0.5 is needed.
        z -= 1;
        var sum = Lanczos[0];
        for (var i = 1; i < Lanczos.Length; i++) sum += Lanczos[i] / (z + i);
        var t = z + 7.5;
        return 0.5 * Math.Log(2 * Math.PI) + (z + 0.5) * Math.Log(t) - t + Math.Log(sum);
    }
}
