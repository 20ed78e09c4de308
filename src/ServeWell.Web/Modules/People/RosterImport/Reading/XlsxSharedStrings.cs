using System.Text;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;

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

        using var xml = XlsxXml.Open(part);
        var item = xml.NameTable.Add("si");
        var text = xml.NameTable.Add("t");
        var phonetic = xml.NameTable.Add("rPh");

        var builder = new StringBuilder();
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
                    break;
            }
        }

        return strings;
    }
}
