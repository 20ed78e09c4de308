using System.Runtime.InteropServices;
using CsvHelper;

namespace ServeWell.Web.Modules.People.RosterImport;

/// <summary>Reads a roster CSV: encoding and delimiter are detected, quoting follows RFC 4180 (via CsvHelper).</summary>
internal static class CsvRosterReader
{
    private static readonly (char Delimiter, string Description)[] Delimiters =
    [
        (',', "comma-separated"),
        (';', "semicolon-separated"),
        ('\t', "tab-separated"),
    ];

    public static RosterSheet Read(ReadOnlySpan<byte> bytes, string fileName, CancellationToken cancellationToken)
    {
        var (text, encodingName) = CsvTextDecoder.Decode(bytes);
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            // Text files never hold NUL; this is some other binary format (PDF, image, .ods content, …).
            throw new RosterFileException(
                $"\"{fileName}\" is neither a CSV file nor an Excel (.xlsx) workbook. Export the roster as CSV or XLSX.");
        }

        var (delimiter, delimiterName) = TakeSeparatorHint(ref text) ?? DetectDelimiter(text);
        var options = new CsvReaderOptions
        {
            Separator = delimiter,
            Mode = CsvMode.Rfc4180,
            // The header is matched by RosterHeaders, which is more forgiving than CsvHelper's lookup.
            HasHeader = false,
            // Empty lines must still count as rows, or row numbers drift from what Excel shows.
            SkipEmptyLines = false,
            DetectSeparatorHint = false,
            // Cells are trimmed by the builder with string.Trim, which also removes the ideographic space U+3000.
            TrimWhitespace = false,
        };

        var builder = new RosterSheetBuilder();
        using (var reader = CsvReader.Create(new StringReader(text), options))
        {
            var cells = new List<string?>();
            var position = 0;
            while (reader.Read())
            {
                position++;
                cancellationToken.ThrowIfCancellationRequested();
                cells.Clear();
                var count = reader.FieldCount;
                if (count > RosterFileLimits.MaxColumns)
                {
                    throw new RosterFileException(RosterSheetBuilder.TooManyColumns(position, count));
                }

                for (var i = 0; i < count; i++)
                {
                    cells.Add(reader.GetString(i));
                }

                builder.Add(position, CollectionsMarshal.AsSpan(cells));
            }
        }

        return builder.Build($"CSV, {encodingName}, {delimiterName}");
    }

    /// <summary>
    /// A first line "sep=;" tells Excel the delimiter and is not shown as a row, so it is honoured and
    /// dropped here too (CsvHelper would only honour it when left to guess the delimiter itself).
    /// </summary>
    private static (char Delimiter, string Description)? TakeSeparatorHint(ref string text)
    {
        if (text.Length < 5 || !text.StartsWith("sep=", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var end = 5;
        if (end < text.Length && text[end] == '\r')
        {
            end++;
        }

        if (end < text.Length && text[end] == '\n')
        {
            end++;
        }

        var hinted = text[4];
        var index = Array.FindIndex(Delimiters, d => d.Delimiter == hinted);
        if (index < 0 || (end == 5 && text.Length > 5))
        {
            return null;
        }

        text = text[end..];
        return Delimiters[index];
    }

    /// <summary>The most frequent of comma, semicolon and tab outside quotes on the header line; comma on a tie.</summary>
    private static (char Delimiter, string Description) DetectDelimiter(string text)
    {
        Span<int> counts = stackalloc int[Delimiters.Length];
        var inQuotes = false;
        var lineHasContent = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                inQuotes = !inQuotes;
                lineHasContent = true;
            }
            else if (inQuotes)
            {
                continue;
            }
            else if (c is '\n' or '\r')
            {
                // Leading empty lines are skipped, as the header is the first non-blank row.
                if (lineHasContent)
                {
                    break;
                }
            }
            else
            {
                for (var i = 0; i < Delimiters.Length; i++)
                {
                    if (c == Delimiters[i].Delimiter)
                    {
                        counts[i]++;
                    }
                }

                lineHasContent |= !char.IsWhiteSpace(c) || c == '\t';
            }
        }

        var best = 0;
        for (var i = 1; i < counts.Length; i++)
        {
            if (counts[i] > counts[best])
            {
                best = i;
            }
        }

        return Delimiters[best];
    }
}
