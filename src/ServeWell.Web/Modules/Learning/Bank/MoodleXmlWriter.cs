using System.Globalization;
using System.Text;
using System.Xml;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.Learning.Bank;

/// <summary>
/// Writes the bank as Moodle XML that Moodle imports (ADR-041): a category question before each category's questions,
/// then per question its name, text, general feedback and the elements of its type, texts in CDATA and, when a text
/// is in two languages, as Moodle multi-language spans.
/// </summary>
public static class MoodleXmlWriter
{
    public static byte[] Write(BankFile file, string language)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("quiz");
            var written = new HashSet<string>(StringComparer.Ordinal);
            foreach (var path in file.Categories.Concat(file.Questions.Select(q => q.Category)))
            {
                var key = GiftWriter.Path(path, language);
                if (!written.Add(key))
                {
                    continue;
                }

                xml.WriteStartElement("question");
                xml.WriteAttributeString("type", "category");
                xml.WriteStartElement("category");
                Text(xml, key);
                xml.WriteEndElement();
                xml.WriteEndElement();
                foreach (var question in file.Questions.Where(q => GiftWriter.Path(q.Category, language) == key))
                {
                    Question(xml, question, language);
                }
            }

            xml.WriteEndElement();
        }

        return buffer.ToArray();
    }

    private static void Question(XmlWriter xml, BankQuestion q, string language)
    {
        var format = MoodleXmlReader.NameOf(q.Format);
        xml.WriteStartElement("question");
        xml.WriteAttributeString("type", q.Type switch
        {
            QuestionType.SingleChoice or QuestionType.MultipleChoice => "multichoice",
            QuestionType.TrueFalse => "truefalse",
            QuestionType.ShortAnswer => "shortanswer",
            QuestionType.Matching => "matching",
            _ => "ordering",
        });
        xml.WriteStartElement("name");
        Text(xml, q.Name);
        xml.WriteEndElement();
        Formatted(xml, "questiontext", format, q.Text, language);
        Formatted(xml, "generalfeedback", format, q.GeneralFeedback, language);
        xml.WriteElementString("defaultgrade", "1");
        xml.WriteElementString("penalty", q.Type == QuestionType.TrueFalse ? "1" : "0.3333333");
        xml.WriteElementString("hidden", "0");
        switch (q.Type)
        {
            case QuestionType.SingleChoice or QuestionType.MultipleChoice:
                xml.WriteElementString("single", q.Type == QuestionType.SingleChoice ? "true" : "false");
                xml.WriteElementString("shuffleanswers", q.Shuffle ? "true" : "false");
                xml.WriteElementString("answernumbering", "abc");
                Answers(xml, q, format, language, (o, _) => BankRules.Percent(o.Fraction));
                break;
            case QuestionType.TrueFalse:
                Answers(xml, q, format, language, (o, _) => BankRules.Percent(o.Fraction), i => i == 0 ? "true" : "false");
                break;
            case QuestionType.ShortAnswer:
                xml.WriteElementString("usecase", q.CaseSensitive ? "1" : "0");
                Answers(xml, q, format, language, (o, _) => BankRules.Percent(o.Fraction));
                break;
            case QuestionType.Matching:
                xml.WriteElementString("shuffleanswers", q.Shuffle ? "true" : "false");
                foreach (var o in q.Options)
                {
                    xml.WriteStartElement("subquestion");
                    xml.WriteAttributeString("format", format);
                    Text(xml, Multilang.Write(o.Text, language));
                    xml.WriteStartElement("answer");
                    Text(xml, Multilang.Write(o.Match, language));
                    xml.WriteEndElement();
                    xml.WriteEndElement();
                }

                break;
            case QuestionType.Ordering:
                xml.WriteElementString("layouttype", "VERTICAL");
                xml.WriteElementString("selecttype", "ALL");
                xml.WriteElementString("selectcount", "0");
                xml.WriteElementString("gradingtype", "ABSOLUTE_POSITION");
                xml.WriteElementString("showgrading", "SHOW");
                xml.WriteElementString("numberingstyle", "none");
                Answers(xml, q, format, language, (_, i) => (i + 1).ToString("0.0000000", CultureInfo.InvariantCulture));
                break;
        }

        xml.WriteEndElement();
    }

    private static void Answers(XmlWriter xml, BankQuestion q, string format, string language, Func<BankOption, int, string> fraction, Func<int, string>? text = null)
    {
        for (var i = 0; i < q.Options.Count; i++)
        {
            var o = q.Options[i];
            xml.WriteStartElement("answer");
            xml.WriteAttributeString("fraction", fraction(o, i));
            xml.WriteAttributeString("format", text is null ? format : "moodle_auto_format");
            Text(xml, text?.Invoke(i) ?? Multilang.Write(o.Text, language));
            Formatted(xml, "feedback", format, o.Feedback, language);
            xml.WriteEndElement();
        }
    }

    private static void Formatted(XmlWriter xml, string element, string format, LocalText text, string language)
    {
        xml.WriteStartElement(element);
        xml.WriteAttributeString("format", format);
        Text(xml, Multilang.Write(text, language));
        xml.WriteEndElement();
    }

    private static void Text(XmlWriter xml, string text)
    {
        xml.WriteStartElement("text");
        if (text.IndexOfAny(['<', '>', '&']) >= 0 && !text.Contains("]]>", StringComparison.Ordinal))
        {
            xml.WriteCData(text);
        }
        else
        {
            xml.WriteString(text);
        }

        xml.WriteEndElement();
    }
}
