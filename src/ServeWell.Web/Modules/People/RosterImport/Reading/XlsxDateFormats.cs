using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ServeWell.Web.Modules.People.RosterImport;

/// <summary>
/// Excel stores dates as numbers (days since 1899-12-30) and marks them only through the cell's number
/// format, so telling a date from a number means reading the workbook's styles.
/// </summary>
internal static class XlsxDateFormats
{
    // Serials outside this range make DateTime.FromOADate throw; Excel itself shows them as ####.
    private const double LastSerial = 2958465.99999999;

    // Excel for Mac's 1904 date system counts from 1904-01-01, which is serial 1462 in the 1900 system.
    public const double Date1904Offset = 1462;

    /// <summary>For each cell style index (the cell's s attribute), whether it shows the number as a date.</summary>
    public static bool[] ReadDateStyles(WorkbookStylesPart? stylesPart)
    {
        var stylesheet = stylesPart?.Stylesheet;
        var cellFormats = stylesheet?.CellFormats?.Elements<CellFormat>().ToList();
        if (stylesheet is null || cellFormats is null)
        {
            return [];
        }

        var customFormats = new Dictionary<uint, string>();
        foreach (var format in stylesheet.NumberingFormats?.Elements<NumberingFormat>() ?? [])
        {
            if (format.NumberFormatId?.Value is { } id && format.FormatCode?.Value is { } code)
            {
                customFormats[id] = code;
            }
        }

        var dateStyles = new bool[cellFormats.Count];
        for (var i = 0; i < cellFormats.Count; i++)
        {
            var id = cellFormats[i].NumberFormatId?.Value ?? 0;
            dateStyles[i] = customFormats.TryGetValue(id, out var code) ? IsDateFormatCode(code) : IsBuiltInDateFormat(id);
        }

        return dateStyles;
    }

    /// <summary>
    /// 14–22 and 45–47 are the date and time formats of every Excel; 27–36 and 50–58 are the extra date
    /// formats of East Asian Excel (yyyy"년" m"월" d"일" and the like), which Korean workbooks use without
    /// writing the format out.
    /// </summary>
    public static bool IsBuiltInDateFormat(uint id) =>
        id is (>= 14 and <= 22) or (>= 27 and <= 36) or (>= 45 and <= 47) or (>= 50 and <= 58);

    /// <summary>
    /// A custom format is a date format when it has a day or year, or a month without hours or seconds
    /// (alone, "mm" next to "h" or "s" means minutes). Quoted text, escaped characters and [..] sections
    /// such as [$-412] or [Red] are skipped, and only the first section (for positive numbers) counts.
    /// </summary>
    public static bool IsDateFormatCode(string code)
    {
        bool dayOrYear = false, month = false, time = false;
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            switch (c)
            {
                case ';':
                    i = code.Length;
                    break;
                case '"':
                    var close = code.IndexOf('"', i + 1);
                    i = close < 0 ? code.Length : close;
                    break;
                case '\\' or '_' or '*':
                    // The next character is a literal (\), a padding width (_) or a fill character (*).
                    i++;
                    break;
                case '[':
                    var end = code.IndexOf(']', i + 1);
                    var section = end < 0 ? "" : code[(i + 1)..end];
                    // [h], [mm] and [ss] are elapsed time; anything else in brackets is a locale or a colour.
                    time |= section.Length > 0 && section.All(ch => ch is 'h' or 'H' or 'm' or 'M' or 's' or 'S');
                    i = end < 0 ? code.Length : end;
                    break;
                case 'a' or 'A' when IsAmPm(code, i):
                    time = true;
                    i += code[i + 1] == '/' ? 2 : 4;
                    break;
                case 'd' or 'D' or 'y' or 'Y':
                    dayOrYear = true;
                    break;
                case 'm' or 'M':
                    month = true;
                    break;
                case 'h' or 'H' or 's' or 'S':
                    time = true;
                    break;
            }
        }

        return dayOrYear || (month && !time);
    }

    /// <summary>The date an Excel serial stands for, as yyyy-MM-dd; false when the number cannot be a date.</summary>
    public static bool TryFormatSerial(double serial, bool date1904, out string date)
    {
        if (date1904)
        {
            serial += Date1904Offset;
        }

        if (double.IsNaN(serial) || serial < 0 || serial > LastSerial)
        {
            date = "";
            return false;
        }

        date = DateTime.FromOADate(serial).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return true;
    }

    private static bool IsAmPm(string code, int i) =>
        string.Compare(code, i, "AM/PM", 0, 5, StringComparison.OrdinalIgnoreCase) == 0
        || string.Compare(code, i, "A/P", 0, 3, StringComparison.OrdinalIgnoreCase) == 0;
}
