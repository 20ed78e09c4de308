using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ServeWell.Web.Modules.People.RosterImport;

/// <summary>Reads the first worksheet of an XLSX workbook, streaming its rows with the SAX-style OpenXmlReader.</summary>
internal static class XlsxRosterReader
{
    // Excel's last column is XFD; a reference beyond it means the file is damaged.
    private const int MaxColumns = 16384;

    // A plain number in the hire_date column is taken for a date serial only within 1950–2099, so that
    // an employee number or a yyyymmdd number typed there is not turned into a date by accident.
    private const double FirstPlausibleHireSerial = 18264;
    private const double LastPlausibleHireSerial = 73050;

    public static RosterSheet Read(Stream content)
    {
        try
        {
            using var document = SpreadsheetDocument.Open(content, isEditable: false);
            return ReadWorkbook(document);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or IOException
            or XmlException or FormatException or InvalidOperationException or NotSupportedException)
        {
            throw new RosterFileException($"The file looks like an Excel workbook but could not be read: {ex.Message}");
        }
    }

    private static RosterSheet ReadWorkbook(SpreadsheetDocument document)
    {
        var workbookPart = document.WorkbookPart ?? throw new InvalidDataException("it has no workbook part.");
        var (sheetName, worksheetPart) = FirstWorksheet(workbookPart);
        var context = new CellContext(
            XlsxSharedStrings.Read(workbookPart.SharedStringTablePart),
            XlsxDateFormats.ReadDateStyles(workbookPart.WorkbookStylesPart),
            workbookPart.Workbook?.WorkbookProperties?.Date1904?.Value ?? false);

        var builder = new RosterSheetBuilder();
        ReadRows(worksheetPart, context, builder);
        return builder.Build($"XLSX, sheet “{sheetName}”");
    }

    private static (string Name, WorksheetPart Part) FirstWorksheet(WorkbookPart workbookPart)
    {
        // Sheets are listed in tab order; chart sheets and dialog sheets have no rows to read.
        foreach (var sheet in workbookPart.Workbook?.Sheets?.Elements<Sheet>() ?? [])
        {
            if (sheet.Id?.Value is { } id
                && workbookPart.TryGetPartById(id, out var part)
                && part is WorksheetPart worksheetPart)
            {
                return (sheet.Name?.Value ?? "", worksheetPart);
            }
        }

        throw new RosterFileException("The workbook has no worksheet. Put the roster on the first sheet and try again.");
    }

    private static void ReadRows(WorksheetPart worksheetPart, CellContext context, RosterSheetBuilder builder)
    {
        using var reader = OpenXmlReader.Create(worksheetPart);
        var row = new RowBuffer();
        var cell = new PendingCell();
        var inRow = false;
        var inInlineString = false;
        var inPhonetic = false;
        var rowNumber = 0;
        var hireDateColumn = -1;

        void FinishCell()
        {
            if (cell.Active)
            {
                row.Set(cell.Column, context.Resolve(cell, cell.Column == hireDateColumn));
                cell.Active = false;
            }
        }

        void FinishRow()
        {
            FinishCell();
            if (inRow)
            {
                builder.Add(rowNumber, row.Cells);
                if (builder.HasHeader && hireDateColumn < 0)
                {
                    hireDateColumn = builder.PositionOf(RosterColumn.HireDate);
                }

                inRow = false;
            }
        }

        while (reader.Read())
        {
            var type = reader.ElementType;
            if (type == typeof(Row))
            {
                FinishRow();
                if (reader.IsStartElement)
                {
                    rowNumber = ReadRowNumber(reader, rowNumber);
                    row.Clear();
                    inRow = true;
                }
            }
            else if (type == typeof(Cell))
            {
                FinishCell();
                if (reader.IsStartElement)
                {
                    cell.Start(reader, row.LastColumn);
                }
            }
            else if (!cell.Active)
            {
                continue;
            }
            else if (type == typeof(CellValue) && reader.IsStartElement)
            {
                cell.Value = reader.GetText();
            }
            else if (type == typeof(InlineString))
            {
                inInlineString = reader.IsStartElement;
            }
            else if (type == typeof(PhoneticRun))
            {
                inPhonetic = reader.IsStartElement;
            }
            else if (type == typeof(Text) && reader.IsStartElement && inInlineString && !inPhonetic)
            {
                cell.InlineText.Append(reader.GetText());
            }
        }

        FinishRow();
    }

    private static int ReadRowNumber(OpenXmlReader reader, int previous)
    {
        foreach (var attribute in reader.Attributes)
        {
            if (attribute.LocalName == "r")
            {
                return int.Parse(attribute.Value ?? "", NumberStyles.None, CultureInfo.InvariantCulture);
            }
        }

        // Rows without r follow the previous one, as the spec allows.
        return previous + 1;
    }

    /// <summary>The zero-based column of a reference such as "AB12"; -1 when it has no letters.</summary>
    internal static int ColumnOf(string reference)
    {
        var column = 0;
        var i = 0;
        for (; i < reference.Length; i++)
        {
            var c = reference[i];
            if (c is >= 'A' and <= 'Z')
            {
                column = (column * 26) + (c - 'A' + 1);
            }
            else if (c is >= 'a' and <= 'z')
            {
                column = (column * 26) + (c - 'a' + 1);
            }
            else
            {
                break;
            }

            if (column > MaxColumns)
            {
                throw new InvalidDataException($"the cell reference \"{reference}\" is beyond the last column.");
            }
        }

        return i == 0 ? -1 : column - 1;
    }

    /// <summary>The cell being read: its attributes and, once its children are read, its value.</summary>
    private sealed class PendingCell
    {
        public bool Active { get; set; }

        public int Column { get; private set; }

        public string? Type { get; private set; }

        public uint Style { get; private set; }

        public string? Value { get; set; }

        public StringBuilder InlineText { get; } = new();

        public void Start(OpenXmlReader reader, int lastColumn)
        {
            Active = true;
            Column = -1;
            Type = null;
            Style = 0;
            Value = null;
            InlineText.Clear();
            foreach (var attribute in reader.Attributes)
            {
                switch (attribute.LocalName)
                {
                    case "r":
                        Column = ColumnOf(attribute.Value ?? "");
                        break;
                    case "t":
                        Type = attribute.Value;
                        break;
                    case "s":
                        Style = uint.Parse(attribute.Value ?? "", NumberStyles.None, CultureInfo.InvariantCulture);
                        break;
                }
            }

            // Cells without a reference follow the previous cell of the row.
            if (Column < 0)
            {
                Column = lastColumn + 1;
            }
        }
    }

    /// <summary>What every cell needs from the rest of the workbook to turn its raw value into text.</summary>
    private sealed class CellContext(IReadOnlyList<string> sharedStrings, bool[] dateStyles, bool date1904)
    {
        public string Resolve(PendingCell cell, bool isHireDate)
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

        private bool IsPlausibleHireSerial(double number)
        {
            var serial = date1904 ? number + XlsxDateFormats.Date1904Offset : number;
            return serial is >= FirstPlausibleHireSerial and <= LastPlausibleHireSerial;
        }

        private bool IsDateStyle(uint style) => style < dateStyles.Length && dateStyles[style];

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

    /// <summary>The cells of the current row by column; null where a sparse row has no cell.</summary>
    private sealed class RowBuffer
    {
        private string?[] _cells = new string?[16];
        private int _count;

        public ReadOnlySpan<string?> Cells => _cells.AsSpan(0, _count);

        public int LastColumn => _count - 1;

        public void Clear()
        {
            Array.Clear(_cells, 0, _count);
            _count = 0;
        }

        public void Set(int column, string text)
        {
            if (column >= _cells.Length)
            {
                Array.Resize(ref _cells, Math.Max(column + 1, _cells.Length * 2));
            }

            _cells[column] = text;
            _count = Math.Max(_count, column + 1);
        }
    }
}
