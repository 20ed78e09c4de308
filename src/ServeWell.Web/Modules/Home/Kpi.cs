using System.Globalization;

namespace ServeWell.Web.Modules.Home;

/// <summary>How a key figure is written: a share in percent (changes in points) or a count (changes in percent).</summary>
public enum KpiKind
{
    Percent,
    Count,
}

/// <summary>One month of a key figure's trend; null when there is nothing to show (no data, or too few answers).</summary>
public sealed record KpiPoint(DateOnly Month, double? Value);

/// <summary>
/// A key figure for a tile: its value in the period, the same figure in the period before, a monthly trend and the page
/// where it is worked on. Title and note are English UI keys.
/// </summary>
public sealed record KpiTile(string Key, string Title, KpiKind Kind, double? Current, double? Previous, IReadOnlyList<KpiPoint> Trend, string Href)
{
    /// <summary>Why <see cref="Current"/> may be missing (an English UI key), e.g. the minimum group size.</summary>
    public string? Note { get; init; }

    /// <summary>Points for a share, percent for a count; null without both periods (or a count from nothing).</summary>
    public double? Change => Current is not { } now || Previous is not { } before ? null
        : Kind == KpiKind.Percent ? now - before
        : before == 0 ? null : (now - before) / before * 100;

    public string Format(double? value) => value is not { } v ? "–"
        : Kind == KpiKind.Percent ? v.ToString("0.0", CultureInfo.CurrentCulture) + " %"
        : v.ToString("N0", CultureInfo.CurrentCulture);
}

/// <summary>The home pages' period: the city's current month and the two before, against the three months before them.</summary>
public sealed record KpiPeriod(DateOnly ThisMonth)
{
    public const int TrendMonths = 12;

    public DateOnly From => ThisMonth.AddMonths(-2);

    public DateOnly To => ThisMonth;

    public DateOnly PreviousFrom => ThisMonth.AddMonths(-5);

    public DateOnly PreviousTo => ThisMonth.AddMonths(-3);

    public DateOnly TrendFrom => ThisMonth.AddMonths(1 - TrendMonths);

    public static string Month(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}

/// <summary>An inline SVG sparkline: a polyline through the months that have a value; gaps where none.</summary>
public static class Sparkline
{
    public const int Width = 120;
    public const int Height = 32;

    /// <summary>The "points" of each unbroken run of values, scaled to the box (2 px inset).</summary>
    public static IReadOnlyList<string> Runs(IReadOnlyList<KpiPoint> trend)
    {
        var values = trend.Where(p => p.Value is not null).Select(p => p.Value!.Value).ToList();
        if (values.Count == 0)
        {
            return [];
        }

        double min = values.Min(), max = values.Max();
        var span = max - min;
        var step = trend.Count > 1 ? (Width - 4.0) / (trend.Count - 1) : 0;
        var runs = new List<string>();
        var run = new List<string>();
        for (var i = 0; i < trend.Count; i++)
        {
            if (trend[i].Value is not { } v)
            {
                Flush();
                continue;
            }

            var y = span == 0 ? Height / 2.0 : 2 + ((max - v) / span * (Height - 4));
            run.Add(string.Create(CultureInfo.InvariantCulture, $"{2 + (i * step):0.#},{y:0.#}"));
        }

        Flush();
        return runs;

        void Flush()
        {
            if (run.Count == 1)
            {
                // A lone month is drawn as a short level stroke, so it is still seen.
                var xy = run[0].Split(',');
                var x = double.Parse(xy[0], CultureInfo.InvariantCulture);
                run.Insert(0, string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0, x - 2):0.#},{xy[1]}"));
            }

            if (run.Count > 0)
            {
                runs.Add(string.Join(' ', run));
            }

            run.Clear();
        }
    }
}
