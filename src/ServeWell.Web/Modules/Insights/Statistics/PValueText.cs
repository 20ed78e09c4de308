using System.Globalization;

namespace ServeWell.Web.Modules.Insights.Statistics;

/// <summary>
/// A p-value in plain words: "p &lt; 0.001" below a thousandth (a computed 0 is never shown as "p = 0"), else three
/// decimals ("p = 0.042"), in the reader's culture. Statistics are written the same way in Korean and English.
/// </summary>
public static class PValueText
{
    /// <summary>Below this a p-value is written as a bound, not as a number.</summary>
    public const double Floor = 0.001;

    public static string Format(double? p, CultureInfo culture)
    {
        if (p is not { } value || double.IsNaN(value))
        {
            return "–";
        }

        value = Math.Clamp(value, 0, 1);
        return value < Floor
            ? "p < " + Floor.ToString("0.000", culture)
            : "p = " + value.ToString("0.000", culture);
    }
}
