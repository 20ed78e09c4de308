using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ServeWell.Web.Modules.People.RosterImport;

namespace ServeWell.Web.Tests.Modules.People.RosterImport.Reading;

/// <summary>Writes small XLSX workbooks the way Excel does: shared strings, styles, sparse rows.</summary>
internal sealed class XlsxBuilder
{
    /// <summary>Style index of the built-in short date format (numFmtId 14).</summary>
    public const uint DateStyle = 1;

    private readonly List<SharedStringItem> _sharedStrings = [];
    private readonly Dictionary<string, int> _sharedIndex = new(StringComparer.Ordinal);
    private readonly List<Row> _rows = [];
    private readonly List<string> _customFormats = [];

    /// <summary>Adds a row whose cells are shared strings in consecutive columns from A.</summary>
    public XlsxBuilder Strings(uint row, params string[] texts)
    {
        var cells = texts.Select((text, i) => Shared(Reference(i, row), text)).ToArray();
        return Row(row, cells);
    }

    public XlsxBuilder Row(uint row, params Cell[] cells)
    {
        _rows.Add(new Row(cells) { RowIndex = row });
        return this;
    }

    /// <summary>A shared-string cell; "" is written as an empty &lt;si/&gt;, as some exporters do.</summary>
    public Cell Shared(string reference, string text)
    {
        if (!_sharedIndex.TryGetValue(text, out var index))
        {
            index = _sharedStrings.Count;
            _sharedStrings.Add(text.Length == 0
                ? new SharedStringItem()
                : new SharedStringItem(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
            _sharedIndex.Add(text, index);
        }

        return SharedCell(reference, index);
    }

    /// <summary>A shared-string cell whose item is given whole (rich text runs, phonetic guides).</summary>
    public Cell Shared(string reference, SharedStringItem item)
    {
        _sharedStrings.Add(item);
        return SharedCell(reference, _sharedStrings.Count - 1);
    }

    public static Cell Inline(string reference, string text) =>
        new(new InlineString(new Text(text))) { CellReference = reference, DataType = CellValues.InlineString };

    public static Cell Number(string reference, double value, uint style = 0) =>
        new(new CellValue(value)) { CellReference = reference, StyleIndex = style == 0 ? null : style };

    public static Cell Boolean(string reference, bool value) =>
        new(new CellValue(value ? "1" : "0")) { CellReference = reference, DataType = CellValues.Boolean };

    /// <summary>Registers a custom number format and returns the style index that uses it.</summary>
    public uint CustomFormat(string formatCode)
    {
        _customFormats.Add(formatCode);
        return DateStyle + (uint)_customFormats.Count;
    }

    private static Cell SharedCell(string reference, int index) =>
        new(new CellValue(index)) { CellReference = reference, DataType = CellValues.SharedString };

    public static string Reference(int column, uint row)
    {
        var letters = "";
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters + row;
    }

    public byte[] Build(string sheetName = "Sheet1")
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();

            var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>();
            stylesPart.Stylesheet = BuildStylesheet();

            var sharedPart = workbookPart.AddNewPart<SharedStringTablePart>();
            sharedPart.SharedStringTable = new SharedStringTable(_sharedStrings);

            var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
            worksheetPart.Worksheet = new Worksheet(new SheetData(_rows));

            workbookPart.Workbook.AppendChild(new Sheets(new Sheet
            {
                Id = workbookPart.GetIdOfPart(worksheetPart),
                SheetId = 1,
                Name = sheetName,
            }));
        }

        return stream.ToArray();
    }

    private Stylesheet BuildStylesheet()
    {
        var numberingFormats = new NumberingFormats(
            _customFormats.Select((code, i) => new NumberingFormat { NumberFormatId = (uint)(164 + i), FormatCode = code }));
        var cellFormats = new CellFormats(
            new CellFormat { NumberFormatId = 0 },
            new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true });
        for (var i = 0; i < _customFormats.Count; i++)
        {
            cellFormats.Append(new CellFormat { NumberFormatId = (uint)(164 + i), ApplyNumberFormat = true });
        }

        return new Stylesheet(
            numberingFormats,
            new Fonts(new Font()),
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None })),
            new Borders(new Border()),
            cellFormats);
    }
}
