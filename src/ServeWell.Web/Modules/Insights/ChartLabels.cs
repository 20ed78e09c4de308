namespace ServeWell.Web.Modules.Insights;

/// <summary>The month labels of a chart's x axis that fit side by side without touching (ADR-038).</summary>
public static class ChartLabels
{
    /// <summary>What a "yy-MM" label takes at the charts' 13-unit type, with a gap to the next one.</summary>
    public const double MonthLabelWidth = 46;

    /// <summary>Every k-th label, k the smallest step at which neighbours do not overlap in <paramref name="plotWidth"/> units.</summary>
    public static IReadOnlyList<(double X, string Label)> Thin(IReadOnlyList<(double X, string Label)> labels, double plotWidth, double labelWidth = MonthLabelWidth)
    {
        if (labels.Count <= 1)
        {
            return labels;
        }

        var step = plotWidth / (labels.Count - 1);
        var every = Math.Max(1, (int)Math.Ceiling(labelWidth / step));
        return [.. labels.Where((_, i) => i % every == 0)];
    }
}
