using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.Learning.Bank;

/// <summary>
/// Reads Moodle XML (ADR-041): <c>&lt;quiz&gt;</c> with <c>&lt;question type="…"&gt;</c> elements of type category,
/// multichoice (single or not), truefalse, shortanswer (usecase), matching and ordering. Parsed safely: no DTD, no
/// external entities, a cap on characters. Every problem names the element ("question 7 'answer' 3"); another type is
/// reported by name. Embedded files (&lt;file&gt;) are not imported.
/// </summary>
public static class MoodleXmlReader
{
    public static BankReadResult Read(Stream xml, string language, long maxCharacters, int maxQuestions = 5000)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 1024,
            MaxCharactersInDocument = maxCharacters,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(xml, settings);
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex) when (ex.LineNumber == 0)
        {
            // A DTD, or a file over the character limit, is refused before the reader has a position.
            return Failed(ImportProblem.File("The XML cannot be read: {0}", ex.Message));
        }
        catch (XmlException ex)
        {
            return Failed(ImportProblem.File("The XML cannot be read at line {0}, position {1}: {2}", ex.LineNumber, ex.LinePosition, ex.Message));
        }

        if (document.Root?.Name.LocalName != "quiz")
        {
            return Failed(ImportProblem.File("A Moodle XML file starts with <quiz>; this one starts with <{0}>.", document.Root?.Name.LocalName ?? ""));
        }

        var problems = new List<ImportProblem>();
        var questions = new List<BankQuestion>();
        var categories = new List<IReadOnlyList<LocalText>>();
        IReadOnlyList<LocalText> category = [];
        var number = 0;
        foreach (var element in document.Root.Elements("question"))
        {
            number++;
            if (questions.Count >= maxQuestions)
            {
                problems.Add(ImportProblem.Element(number, "question", 0, "The file has more than {0} questions, the most one import takes.", maxQuestions));
                break;
            }

            var type = (string?)element.Attribute("type") ?? "";
            if (type == "category")
            {
                category = GiftReader.CategoryPath(Text(element.Element("category")), language);
                if (category.Count == 0)
                {
                    problems.Add(ImportProblem.Element(number, "category", 1, "The category has no name."));
                }
                else
                {
                    categories.Add(category);
                }

                continue;
            }

            var before = problems.Count;
            var question = ReadQuestion(element, type, number, category, language, problems);
            if (question is not null && problems.Count == before)
            {
                foreach (var (why, args) in BankRules.Check(question))
                {
                    problems.Add(ImportProblem.Element(number, "question", 0, why, args));
                }

                questions.Add(question);
            }
        }

        return new(new BankFile(categories, questions), problems);
    }

    private static BankReadResult Failed(ImportProblem problem) => new(new BankFile([], []), [problem]);

    private static BankQuestion? ReadQuestion(XElement element, string type, int number, IReadOnlyList<LocalText> category, string language, List<ImportProblem> problems)
    {
        QuestionType? kind = type switch
        {
            "multichoice" => Flag(element, "single", true) ? QuestionType.SingleChoice : QuestionType.MultipleChoice,
            "truefalse" => QuestionType.TrueFalse,
            "shortanswer" => QuestionType.ShortAnswer,
            "matching" => QuestionType.Matching,
            "ordering" => QuestionType.Ordering,
            _ => null,
        };
        if (kind is not { } questionType)
        {
            problems.Add(ImportProblem.Element(number, "question", 0, "Unsupported question type \"{0}\".", type));
            return null;
        }

        var questionText = element.Element("questiontext");
        var question = new BankQuestion(
            category, questionType, Text(element.Element("name")), Multilang.Read(Text(questionText), language),
            FormatOf((string?)questionText?.Attribute("format")), Multilang.Read(Text(element.Element("generalfeedback")), language),
            Flag(element, "shuffleanswers", true), Flag(element, "usecase", false), []);
        var options = new List<BankOption>();
        if (questionType == QuestionType.Matching)
        {
            foreach (var sub in element.Elements("subquestion"))
            {
                options.Add(new BankOption(Multilang.Read(Text(sub), language), 0m, LocalText.Empty, Multilang.Read(Text(sub.Element("answer")), language)));
            }

            return question with { Options = options };
        }

        var index = 0;
        var positions = new List<decimal>();
        foreach (var answer in element.Elements("answer"))
        {
            index++;
            var raw = (string?)answer.Attribute("fraction") ?? "0";
            if (!decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                problems.Add(ImportProblem.Element(number, "answer", index, "The grade \"{0}\" is not a number.", raw));
                return null;
            }

            var fraction = 0m;
            if (questionType == QuestionType.Ordering)
            {
                positions.Add(value);
            }
            else if (BankRules.FractionOfPercent(value) is { } known)
            {
                fraction = known;
            }
            else
            {
                problems.Add(ImportProblem.Element(number, "answer", index, "{0}% is not one of Moodle's grades.", raw));
                return null;
            }

            options.Add(BankOption.Of(Multilang.Read(Text(answer), language), fraction, Multilang.Read(Text(answer.Element("feedback")), language)));
        }

        if (questionType == QuestionType.TrueFalse)
        {
            var t = options.FindIndex(o => o.Text.For(language).Equals("true", StringComparison.OrdinalIgnoreCase));
            var f = options.FindIndex(o => o.Text.For(language).Equals("false", StringComparison.OrdinalIgnoreCase));
            if (options.Count != 2 || t < 0 || f < 0)
            {
                problems.Add(ImportProblem.Element(number, "answer", 0, "A true/false question has two answers, \"true\" and \"false\"."));
                return null;
            }

            options = [options[t] with { Text = GiftReader.TrueText }, options[f] with { Text = GiftReader.FalseText }];
        }

        if (questionType == QuestionType.Ordering)
        {
            // Moodle's ordering type keeps each item's place in the right order in "fraction".
            options = [.. options.Zip(positions).OrderBy(p => p.Second).Select(p => p.First)];
        }

        return question with { Options = options };
    }

    /// <summary>The <c>&lt;text&gt;</c> of an element (CDATA or not), trimmed; "" when absent.</summary>
    private static string Text(XElement? element) => ((string?)element?.Element("text") ?? "").Trim();

    private static bool Flag(XElement element, string name, bool otherwise) =>
        (string?)element.Element(name) is { } value ? value.Trim() is "1" or "true" : otherwise;

    public static TextFormat FormatOf(string? name) => name switch
    {
        "html" => TextFormat.Html,
        "plain_text" => TextFormat.Plain,
        "markdown" => TextFormat.Markdown,
        _ => TextFormat.Moodle,
    };

    public static string NameOf(TextFormat format) => format switch
    {
        TextFormat.Html => "html",
        TextFormat.Plain => "plain_text",
        TextFormat.Markdown => "markdown",
        _ => "moodle_auto_format",
    };
}
