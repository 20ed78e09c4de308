using System.Globalization;
using System.Text;

namespace ServeWell.Web.Modules.People.RosterImport;

/// <summary>The cell being read: its attributes and, once its children are read, its raw value.</summary>
internal sealed class XlsxPendingCell
{
    public bool Active { get; set; }

    public int Column { get; private set; }

    public string? Type { get; private set; }

    public string? Style { get; private set; }

    public string? Value { get; private set; }

    public StringBuilder InlineText { get; } = new();

    public void Start(int column, string? type, string? style)
    {
        Active = true;
        Column = column;
        Type = type;
        Style = style;
        Value = null;
        InlineText.Clear();
    }

    public void AppendValue(string text) => Value = Value is null ? text : Value + text;
}

/// <summary>Turns a cell's raw value into the text a person sees, using the workbook's strings and styles.</summary>
internal sealed class XlsxCellValues(IReadOnlyList<string> sharedStrings, bool[] dateStyles, bool date1904)
{
    // A plain number in the hire_date column is taken for a date serial only within 1950–2099, so that
    // an employee number or a yyyymmdd number typed there is not turned into a date by accident.
    private const double FirstPlausibleHireSerial = 18264;
    private const double LastPlausibleHireSerial = 73050;

    public string Resolve(XlsxPendingCell cell, bool isHireDate)
    {
        var value = cell.Value;
        switch (cell.Type)
        {
            case "s":
                var index = int.Parse(value ?? "", NumberStyles.None, CultureInfo.InvariantCulture);
                return index < sharedStrings.Count
                    ? sharedStrings[index]
                    : throw new InvalidDataException($"a cell refers to shared string {index}, which does not exist.");
            case "inlineStr":
                return cell.InlineText.Length > 0 ? cell.InlineText.ToString() : value ?? "";
            case "b":
                // As Excel shows them, and as Excel's own CSV export writes them.
                return value is "1" or "true" ? "TRUE" : "FALSE";
            case "d":
                // ISO 8601 dates, written by Strict OOXML and some libraries instead of serials.
                return DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var date)
                    ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                    : value ?? "";
            case "str" or "e":
                return value ?? "";
            default:
                return FormatNumber(value, IsDateStyle(cell.Style), isHireDate);
        }
    }

    private bool IsDateStyle(string? style) =>
        style is not null
        && int.TryParse(style, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
        && index < dateStyles.Length
        && dateStyles[index];

    private bool IsPlausibleHireSerial(double number)
    {
        var serial = date1904 ? number + XlsxDateFormats.Date1904Offset : number;
        return serial is >= FirstPlausibleHireSerial and <= LastPlausibleHireSerial;
    }

    private string FormatNumber(string? value, bool isDateStyle, bool isHireDate)
    {
        if (string.IsNullOrEmpty(value)
            || !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return value ?? "";
        }

        if ((isDateStyle || (isHireDate && IsPlausibleHireSerial(number)))
            && XlsxDateFormats.TryFormatSerial(number, date1904, out var date))
        {
            return date;
        }

        // Whole numbers (employee numbers, phone numbers) without the exponent a double would print.
        return number == Math.Floor(number) && Math.Abs(number) < 1e15
            ? ((long)number).ToString(CultureInfo.InvariantCulture)
            : number.ToString(CultureInfo.InvariantCulture);
    }
}
