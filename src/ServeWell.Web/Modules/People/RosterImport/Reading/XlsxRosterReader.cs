using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ServeWell.Web.Modules.People.RosterImport;

/// <summary>Reads the first worksheet of an XLSX workbook into a <see cref="RosterSheet"/>.</summary>
internal static class XlsxRosterReader
{
    public static RosterSheet Read(Stream content, CancellationToken cancellationToken)
    {
        // Before anything unpacks a part into memory: a 730 KB file once unpacked to 500 MB of shared strings.
        XlsxPackageCheck.Check(content, cancellationToken);
        try
        {
            using var document = SpreadsheetDocument.Open(content, isEditable: false);
            return ReadWorkbook(document, cancellationToken);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or IOException
            or XmlException or FormatException or InvalidOperationException or NotSupportedException)
        {
            throw new RosterFileException($"The file looks like an Excel workbook but could not be read: {ex.Message}");
        }
    }

    private static RosterSheet ReadWorkbook(SpreadsheetDocument document, CancellationToken cancellationToken)
    {
        var workbookPart = document.WorkbookPart ?? throw new InvalidDataException("it has no workbook part.");
        var (sheetName, worksheetPart) = FirstWorksheet(workbookPart);
        var cellValues = new XlsxCellValues(
            XlsxSharedStrings.Read(workbookPart.SharedStringTablePart, cancellationToken),
            XlsxDateFormats.ReadDateStyles(workbookPart.WorkbookStylesPart),
            workbookPart.Workbook?.WorkbookProperties?.Date1904?.Value ?? false);

        var builder = new RosterSheetBuilder();
        XlsxRowReader.Read(worksheetPart, cellValues, builder, cancellationToken);
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
}
