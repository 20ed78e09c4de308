using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.AspNetCore.Mvc;
using SheetText = DocumentFormat.OpenXml.Spreadsheet.Text;

namespace ServeWell.Web.Modules.Insights.Export;

/// <summary>A table as shown on a page: headers and rows whose cells are text or numbers (numbers stay numbers in XLSX).</summary>
public sealed record ExportTable(string Name, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object?>> Rows);

/// <summary>Writes an Insights table as CSV (UTF-8 with BOM, so spreadsheet programs read Korean) or XLSX.</summary>
public static class TableExport
{
    public static IActionResult? File(ExportTable table, string? format) => format?.ToLowerInvariant() switch
    {
        "csv" => new FileContentResult(Csv(table), "text/csv; charset=utf-8") { FileDownloadName = table.Name + ".csv" },
        "xlsx" => new FileContentResult(Xlsx(table), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") { FileDownloadName = table.Name + ".xlsx" },
        _ => null,
    };

    public static byte[] Csv(ExportTable table)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', table.Headers.Select(Quote)).Append("\r\n");
        foreach (var row in table.Rows)
        {
            text.AppendJoin(',', row.Select(c => Quote(CellText(c)))).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static byte[] Xlsx(ExportTable table)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(Row(table.Headers.Cast<object?>()));
            foreach (var row in table.Rows)
            {
                data.Append(Row(row));
            }

            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = table.Name.Length > 31 ? table.Name[..31] : table.Name }));
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static Row Row(IEnumerable<object?> cells)
    {
        var row = new Row();
        foreach (var cell in cells)
        {
            row.Append(cell switch
            {
                null => new Cell(),
                double or float or decimal or int or long => new Cell
                {
                    DataType = CellValues.Number,
                    CellValue = new CellValue(Convert.ToDouble(cell, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture)),
                },
                _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new SheetText(CellText(cell)) { Space = SpaceProcessingModeValues.Preserve }) },
            });
        }

        return row;
    }

    private static string CellText(object? cell) => cell switch
    {
        null => "",
        double d => d.ToString("0.####", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };

    /// <summary>RFC 4180 quoting; a cell that a spreadsheet would run as a formula is prefixed with an apostrophe.</summary>
    private static string Quote(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
