namespace ServeWell.Web.Modules.Insights.Statistics;

/// <summary>
/// The normal and Student-t distributions, written here because the BCL has neither. Both rest on the regularised
/// incomplete gamma and beta functions (series and continued fractions, evaluated to double precision); quantiles are
/// found by bisection, which is slow only in theory (≈ 100 steps) and never diverges.
/// </summary>
public static class Distributions
{
    private const double Epsilon = 1e-15;
    private const int MaxIterations = 500;

    /// <summary>P(Z ≤ z) for a standard normal Z. Exact to ~1e-15; 0 and 1 in the far tails, never NaN for finite input.</summary>
    public static double NormalCdf(double z)
    {
        if (double.IsNaN(z))
        {
            throw new ArgumentException("z must be a number.", nameof(z));
        }

        // Φ(z) = ½·erfc(−z/√2), and erfc(x) = Q(½, x²) for x ≥ 0; the tail is computed directly so it keeps its precision.
        var x = Math.Abs(z) / Math.Sqrt(2);
        var tail = 0.5 * UpperRegularisedGamma(0.5, x * x);
        return z < 0 ? tail : 1 - tail;
    }

    /// <summary>Two-sided tail P(|Z| ≥ |z|) of a standard normal, computed without cancellation.</summary>
    public static double NormalTwoSidedP(double z)
    {
        var x = Math.Abs(z) / Math.Sqrt(2);
        return Math.Min(1, UpperRegularisedGamma(0.5, x * x));
    }

    /// <summary>The z with P(Z ≤ z) = <paramref name="p"/>, for 0 &lt; p &lt; 1.</summary>
    public static double NormalQuantile(double p)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(p, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(p, 1);
        return Bisect(NormalCdf, p, -40, 40);
    }

    /// <summary>P(T ≤ t) for Student's t with <paramref name="degreesOfFreedom"/> (any positive real, as Welch needs).</summary>
    public static double StudentTCdf(double t, double degreesOfFreedom)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(degreesOfFreedom, 0);
        if (double.IsPositiveInfinity(t))
        {
            return 1;
        }

        if (double.IsNegativeInfinity(t))
        {
            return 0;
        }

        var half = 0.5 * StudentTTwoSidedP(t, degreesOfFreedom);
        return t < 0 ? half : 1 - half;
    }

    /// <summary>Two-sided tail P(|T| ≥ |t|) = I_x(ν/2, ½) with x = ν / (ν + t²).</summary>
    public static double StudentTTwoSidedP(double t, double degreesOfFreedom)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(degreesOfFreedom, 0);
        if (double.IsInfinity(t))
        {
            return 0;
        }

        var x = degreesOfFreedom / (degreesOfFreedom + (t * t));
        return Math.Clamp(RegularisedIncompleteBeta(degreesOfFreedom / 2, 0.5, x), 0, 1);
    }

    /// <summary>The t with P(T ≤ t) = <paramref name="p"/> for Student's t with <paramref name="degreesOfFreedom"/>.</summary>
    public static double StudentTQuantile(double p, double degreesOfFreedom)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(p, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(p, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(degreesOfFreedom, 0);
        // Heavy tails (ν = 1 puts the 1e-10 quantile at −3e9): widen the bracket until it holds the answer.
        Func<double, double> cdf = t => StudentTCdf(t, degreesOfFreedom);
        double low = -1, high = 1;
        while (cdf(low) > p && low > -1e300)
        {
            low *= 2;
        }

        while (cdf(high) < p && high < 1e300)
        {
            high *= 2;
        }

        return Bisect(cdf, p, low, high);
    }

    /// <summary>ln Γ(x) for x &gt; 0 (Lanczos, g = 7, nine terms; reflection below ½).</summary>
    public static double LogGamma(double x)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(x, 0);
        if (x < 0.5)
        {
            // Γ(x)Γ(1−x) = π / sin(πx)
            return Math.Log(Math.PI / Math.Sin(Math.PI * x)) - LogGamma(1 - x);
        }

        ReadOnlySpan<double> c =
        [
            0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
            12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
        ];
        x -= 1;
        var sum = c[0];
        for (var i = 1; i < c.Length; i++)
        {
            sum += c[i] / (x + i);
        }

        var t = x + 7.5;
        return (0.5 * Math.Log(2 * Math.PI)) + ((x + 0.5) * Math.Log(t)) - t + Math.Log(sum);
    }

    /// <summary>Q(a, x) = Γ(a, x) / Γ(a), the upper regularised incomplete gamma function, for a &gt; 0, x ≥ 0.</summary>
    public static double UpperRegularisedGamma(double a, double x)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(a, 0);
        ArgumentOutOfRangeException.ThrowIfLessThan(x, 0);
        if (x == 0)
        {
            return 1;
        }

        var logPrefix = (a * Math.Log(x)) - x - LogGamma(a);
        if (x < a + 1)
        {
            // Series for P(a, x): Σ xⁿ / (a(a+1)…(a+n)).
            double term = 1 / a, sum = term;
            for (var n = 1; n < MaxIterations && Math.Abs(term) > Math.Abs(sum) * Epsilon; n++)
            {
                term *= x / (a + n);
                sum += term;
            }

            return Math.Clamp(1 - (sum * Math.Exp(logPrefix)), 0, 1);
        }

        // Continued fraction for Q(a, x), evaluated by the modified Lentz method.
        var denominator = Lentz(x + 1 - a, n => -n * (n - a), n => x + (2 * n) + 1 - a);
        return Math.Clamp(Math.Exp(logPrefix) / denominator, 0, 1);
    }

    /// <summary>I_x(a, b), the regularised incomplete beta function, for a, b &gt; 0 and 0 ≤ x ≤ 1.</summary>
    public static double RegularisedIncompleteBeta(double a, double b, double x)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(a, 0);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(b, 0);
        ArgumentOutOfRangeException.ThrowIfLessThan(x, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(x, 1);
        if (x == 0 || x == 1)
        {
            return x;
        }

        // The continued fraction converges fast for x < (a+1)/(a+b+2); otherwise use I_x(a,b) = 1 − I_{1−x}(b,a).
        if (x > (a + 1) / (a + b + 2))
        {
            return 1 - RegularisedIncompleteBeta(b, a, 1 - x);
        }

        var logPrefix = LogGamma(a + b) - LogGamma(a) - LogGamma(b) + (a * Math.Log(x)) + (b * Math.Log(1 - x));
        var denominator = Lentz(
            1,
            n =>
            {
                var m = n / 2;
                return n % 2 == 0
                    ? m * (b - m) * x / ((a + (2 * m) - 1) * (a + (2 * m)))
                    : -(a + m) * (a + b + m) * x / ((a + (2 * m)) * (a + (2 * m) + 1));
            },
            _ => 1);
        return Math.Exp(logPrefix) / (a * denominator);
    }

    /// <summary>b0 + a1/(b1 + a2/(b2 + …)) by the modified Lentz method, with numerator(n) = aₙ and denominator(n) = bₙ.</summary>
    private static double Lentz(double b0, Func<int, double> numerator, Func<int, double> denominator)
    {
        const double tiny = 1e-300;
        var f = b0;
        if (Math.Abs(f) < tiny)
        {
            f = tiny;
        }

        double c = f, d = 0;
        for (var n = 1; n < MaxIterations; n++)
        {
            var an = numerator(n);
            var bn = denominator(n);
            d = bn + (an * d);
            d = Math.Abs(d) < tiny ? 1 / tiny : 1 / d;
            c = bn + (an / c);
            if (Math.Abs(c) < tiny)
            {
                c = tiny;
            }

            var delta = c * d;
            f *= delta;
            if (Math.Abs(delta - 1) < Epsilon)
            {
                break;
            }
        }

        return f;
    }

    private static double Bisect(Func<double, double> increasing, double target, double low, double high)
    {
        for (var i = 0; i < 200 && high - low > Math.Max(Math.Abs(low), Math.Abs(high)) * 1e-16; i++)
        {
            var mid = 0.5 * (low + high);
            if (increasing(mid) < target)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        return 0.5 * (low + high);
    }
}
