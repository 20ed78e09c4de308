using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ServeWell.Web.Tests.Fixtures;

/// <summary>Writes a one-sheet XLSX: strings as inline strings, numbers (and date serials) as numeric cells.</summary>
public static class XlsxWorkbook
{
    public static byte[] Create(IEnumerable<object[]> rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var worksheet = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            worksheet.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets()).Append(new Sheet { Id = workbook.GetIdOfPart(worksheet), SheetId = 1, Name = "Roster" });

            uint rowIndex = 0;
            foreach (var values in rows)
            {
                rowIndex++;
                var row = new Row { RowIndex = rowIndex };
                for (var column = 0; column < values.Length; column++)
                {
                    row.Append(CellOf(values[column], $"{(char)('A' + column)}{rowIndex}"));
                }

                data.Append(row);
            }
        }

        return stream.ToArray();
    }

    private static Cell CellOf(object value, string reference) => value switch
    {
        double or int => new Cell { CellReference = reference, CellValue = new CellValue(Convert.ToString(value, CultureInfo.InvariantCulture)!) },
        _ => new Cell
        {
            CellReference = reference, DataType = CellValues.InlineString,
            InlineString = new InlineString(new Text(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "")),
        },
    };
}
