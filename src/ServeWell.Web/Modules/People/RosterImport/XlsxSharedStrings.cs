using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ServeWell.Web.Modules.People.RosterImport;

/// <summary>Reads the workbook's shared string table, where Excel keeps the text of most cells.</summary>
internal static class XlsxSharedStrings
{
    public static IReadOnlyList<string> Read(SharedStringTablePart? part)
    {
        var strings = new List<string>();
        if (part is null)
        {
            return strings;
        }

        // SAX rather than the DOM: a 100,000-row roster has hundreds of thousands of distinct strings.
        using var reader = OpenXmlReader.Create(part);
        var text = new StringBuilder();
        var inItem = false;
        var inPhonetic = false;
        while (reader.Read())
        {
            var type = reader.ElementType;
            if (type == typeof(SharedStringItem))
            {
                if (inItem)
                {
                    strings.Add(text.ToString());
                }

                inItem = reader.IsStartElement;
                text.Clear();
            }
            else if (type == typeof(PhoneticRun))
            {
                // Phonetic guides (furigana) are not part of the cell's text.
                inPhonetic = reader.IsStartElement;
            }
            else if (type == typeof(Text) && reader.IsStartElement && inItem && !inPhonetic)
            {
                text.Append(reader.GetText());
            }
        }

        if (inItem)
        {
            strings.Add(text.ToString());
        }

        return strings;
    }
}
