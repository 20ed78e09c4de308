namespace ServeWell.Web.Modules.Insights.Statistics;

/// <summary>One optional driver question's answers in a group: how many answered it and the sum of their 0–100 values.</summary>
public readonly record struct DriverSum(long Count, double Sum)
{
    /// <summary>The mean 0–100 value, null when nobody answered.</summary>
    public double? Mean => Count == 0 ? null : Sum / Count;

    public static DriverSum operator +(DriverSum a, DriverSum b) => new(a.Count + b.Count, a.Sum + b.Sum);
}

/// <summary>A driver of a service compared with the same driver over all services.</summary>
/// <param name="Driver">The driver's position in the Feedback module's driver order (0..4).</param>
/// <param name="Mean">The service's mean 0–100 value.</param>
/// <param name="Overall">The mean over all services in the same scope and period.</param>
/// <param name="Answers">How many of the service's answers rated this driver.</param>
public sealed record WeakDriver(int Driver, double Mean, double? Overall, long Answers)
{
    /// <summary>Mean − Overall: how far below the rest this service is on the driver (negative is worse).</summary>
    public double? Gap => Mean - Overall;
}

/// <summary>Which drivers hold a service back: the "why" beside a problematic service.</summary>
public static class DriverMeasures
{
    /// <summary>
    /// The service's drivers with at least <paramref name="minimumAnswers"/> ratings, weakest first: by gap to the overall
    /// mean when it is known, else by the mean itself; at most <paramref name="take"/>.
    /// </summary>
    public static IReadOnlyList<WeakDriver> Weakest(
        IReadOnlyList<DriverSum> service, IReadOnlyList<DriverSum> overall, int minimumAnswers = MinimumGroupSize.Default, int take = 2)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(overall);
        return service
            .Select((d, i) => (Driver: i, Sum: d))
            .Where(d => d.Sum.Count > 0 && d.Sum.Count >= minimumAnswers)
            .Select(d => new WeakDriver(d.Driver, d.Sum.Mean!.Value, d.Driver < overall.Count ? overall[d.Driver].Mean : null, d.Sum.Count))
            .OrderBy(d => d.Gap ?? d.Mean)
            .ThenBy(d => d.Driver)
            .Take(Math.Max(0, take))
            .ToList();
    }
}
