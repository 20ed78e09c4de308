namespace ServeWell.Web.Modules.People.RosterImport;

/// <summary>
/// Reads an HR roster exported as CSV or XLSX. The format is decided by the bytes, not the file name,
/// because people rename exports freely (a CSV saved as "roster.xlsx", an XLSX without extension).
/// </summary>
public static class RosterFileReader
{
    private static readonly byte[] ZipSignature = "PK"u8.ToArray();

    // OLE compound file: Excel 97–2003 .xls, and also any password-protected .xlsx.
    private static readonly byte[] OleSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public static RosterSheet Read(Stream content, string fileName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);

        // Sniffing the format and the encoding needs random access, and upload streams seldom seek.
        using var buffer = new MemoryStream();
        content.CopyTo(buffer);
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);

        if (bytes.IsEmpty)
        {
            throw new RosterFileException("The file is empty. Export the roster again and choose the new file.");
        }

        if (bytes.StartsWith(ZipSignature))
        {
            buffer.Position = 0;
            return XlsxRosterReader.Read(buffer, cancellationToken);
        }

        if (bytes.StartsWith(OleSignature))
        {
            throw new RosterFileException(
                $"\"{fileName}\" is an old-format (.xls) or password-protected Excel workbook, which cannot be read. " +
                "Save it as .xlsx without a password, or as CSV, and try again.");
        }

        return CsvRosterReader.Read(bytes, fileName, cancellationToken);
    }
}
