using System.Text;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;

namespace ServeWell.Web.Modules.People.RosterImport;

/// <summary>Reads the workbook's shared string table, where Excel keeps the text of most cells.</summary>
internal static class XlsxSharedStrings
{
    public static IReadOnlyList<string> Read(SharedStringTablePart? part, CancellationToken cancellationToken)
    {
        var strings = new List<string>();
        if (part is null)
        {
            return strings;
        }

        using var xml = XlsxXml.Open(part);
        var item = xml.NameTable.Add("si");
        var text = xml.NameTable.Add("t");
        var phonetic = xml.NameTable.Add("rPh");

        var builder = new StringBuilder();
        long totalChars = 0;
        bool inItem = false, inText = false, inPhonetic = false;
        while (xml.Read())
        {
            switch (xml.NodeType)
            {
                case XmlNodeType.Element:
                    var name = xml.LocalName;
                    if (ReferenceEquals(name, item))
                    {
                        builder.Clear();
                        inItem = !xml.IsEmptyElement;
                        if (!inItem)
                        {
                            strings.Add("");
                            CheckLimits(strings.Count, totalChars, cancellationToken);
                        }
                    }
                    else if (ReferenceEquals(name, phonetic))
                    {
                        // Phonetic guides (furigana) are shown above the text, not part of it.
                        inPhonetic = !xml.IsEmptyElement;
                    }
                    else if (ReferenceEquals(name, text))
                    {
                        inText = inItem && !inPhonetic && !xml.IsEmptyElement;
                    }

                    break;
                case XmlNodeType.EndElement:
                    if (ReferenceEquals(xml.LocalName, item))
                    {
                        strings.Add(builder.ToString());
                        inItem = false;
                        totalChars += builder.Length;
                        CheckLimits(strings.Count, totalChars, cancellationToken);
                    }
                    else if (ReferenceEquals(xml.LocalName, phonetic))
                    {
                        inPhonetic = false;
                    }
                    else if (ReferenceEquals(xml.LocalName, text))
                    {
                        inText = false;
                    }

                    break;
                case var nodeType when inText && XlsxXml.IsText(nodeType):
                    builder.Append(xml.Value);
                    if (builder.Length > RosterFileLimits.MaxCellChars)
                    {
                        throw new RosterFileException(
                            $"Shared string {RosterFileLimits.Number(strings.Count + 1)} of the workbook is longer than {RosterFileLimits.Number(RosterFileLimits.MaxCellChars)} characters, Excel's limit for a cell.");
                    }

                    break;
            }
        }

        return strings;
    }

    private static void CheckLimits(int count, long totalChars, CancellationToken cancellationToken)
    {
        if (count > RosterFileLimits.MaxSharedStrings)
        {
            throw new RosterFileException(
                $"The workbook has more than {RosterFileLimits.Number(RosterFileLimits.MaxSharedStrings)} shared strings, the limit for a roster.");
        }

        if (totalChars > RosterFileLimits.MaxSharedStringChars)
        {
            throw new RosterFileException(
                $"The workbook's shared strings hold more than {RosterFileLimits.Number(RosterFileLimits.MaxSharedStringChars)} characters, the limit for a roster.");
        }

        if (count % 1024 == 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }
    }
}
