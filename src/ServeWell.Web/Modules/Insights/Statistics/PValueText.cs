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

    /// <summary>
    /// The p column of an export (CSV, XLSX) in the same plain words, culture-free so a spreadsheet reads it the same
    /// everywhere: "&lt; 0.001" below a thousandth, else three decimals ("0.042"); never "0". Empty when there is no test.
    /// </summary>
    public static string? ForExport(double? p)
    {
        if (p is not { } value || double.IsNaN(value))
        {
            return null;
        }

        value = Math.Clamp(value, 0, 1);
        return value < Floor
            ? "< " + Floor.ToString("0.000", CultureInfo.InvariantCulture)
            : value.ToString("0.000", CultureInfo.InvariantCulture);
    }
}
