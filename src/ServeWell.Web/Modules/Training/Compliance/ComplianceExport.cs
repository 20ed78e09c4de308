using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.Training.Compliance;

/// <summary>The compliance list as CSV (UTF-8 with a byte-order mark, so Excel reads Hangul) and as an XLSX workbook.</summary>
public sealed class ComplianceExport(IStringLocalizer<SharedResource> l)
{
    private string[] Headers() =>
    [
        l["Employee number"], l["Name"], l["Org unit code"], l["Org unit"], l["Programme"], l["Mandatory"], l["Enrolment"], l["Due date"], l["Completed on"], l["Compliance status"],
    ];

    private IEnumerable<string[]> Lines(ComplianceResult result)
    {
        var english = Cultures.ReadsEnglish;
        return result.Rows.Select(r => new[]
        {
            r.EmployeeNumber, r.Name, r.OrgUnitCode, english && !string.IsNullOrWhiteSpace(r.OrgUnitNameEn) ? r.OrgUnitNameEn! : r.OrgUnitName, r.Programme,
            r.Mandatory ? l["Yes"].Value : l["No"].Value, l["Enrolment:" + r.State].Value, Iso(r.DueDate), Iso(r.CompletedOn), l["Compliance:" + r.Status].Value,
        });
    }

    public byte[] Csv(ComplianceResult result)
    {
        var text = new StringBuilder();
        foreach (var line in Lines(result).Prepend(Headers()))
        {
            text.AppendJoin(',', line.Select(Field)).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public byte[] Xlsx(ComplianceResult result)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            uint index = 0;
            foreach (var line in Lines(result).Prepend(Headers()))
            {
                index++;
                // Inline strings: every value is text as shown (dates as yyyy-MM-dd), so nothing is reinterpreted on opening.
                data.Append(new Row(line.Select((v, column) => new Cell
                {
                    CellReference = $"{(char)('A' + column)}{index.ToString(CultureInfo.InvariantCulture)}", DataType = CellValues.InlineString,
                    InlineString = new InlineString(new Text(v) { Space = SpaceProcessingModeValues.Preserve }),
                })) { RowIndex = index });
            }

            sheetPart.Worksheet = new Worksheet(data);
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Compliance" });
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    /// <summary>RFC 4180 quoting; a leading =, +, - or @ is defused so a spreadsheet never runs the cell as a formula.</summary>
    private static string Field(string value)
    {
        if (value.Length > 0 && "=+-@".Contains(value[0], StringComparison.Ordinal))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static string Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
