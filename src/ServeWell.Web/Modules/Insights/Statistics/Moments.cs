namespace ServeWell.Web.Modules.Insights.Statistics;

/// <summary>
/// Count, sum and sum of squares of a numeric measure (the 0–100 index, a driver): what a rollup keeps, so that means
/// and variances of any union of cells can be computed without the answers. Moments of disjoint cells add up.
/// </summary>
public readonly record struct Moments(long Count, double Sum, double SumOfSquares)
{
    /// <summary>The mean, or null without values.</summary>
    public double? Mean => Count == 0 ? null : Sum / Count;

    /// <summary>
    /// The sample variance (n − 1 in the denominator), or null with fewer than two values. Never negative: rounding
    /// in Σx² − (Σx)²/n can dip below zero when all values are equal.
    /// </summary>
    public double? Variance => Count < 2 ? null : Math.Max(0, (SumOfSquares - (Sum * Sum / Count)) / (Count - 1));

    /// <summary>The standard error of the mean, √(s² / n), or null with fewer than two values.</summary>
    public double? StandardError => Variance is { } v ? Math.Sqrt(v / Count) : null;

    /// <summary>The moments of the given values.</summary>
    public static Moments Of(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var m = default(Moments);
        foreach (var v in values)
        {
            m += new Moments(1, v, v * v);
        }

        return m;
    }

    public static Moments operator +(Moments a, Moments b) =>
        new(a.Count + b.Count, a.Sum + b.Sum, a.SumOfSquares + b.SumOfSquares);
}
