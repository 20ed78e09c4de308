using System.Globalization;
using System.Text.RegularExpressions;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.Learning.Bank;

/// <summary>
/// Reads Moodle's GIFT text format (ADR-041): questions separated by blank lines, <c>$CATEGORY:</c>, <c>::name::</c>,
/// <c>[html]</c>/<c>[markdown]</c>/<c>[plain]</c>/<c>[moodle]</c>, escapes <c>\: \# \= \{ \} \~ \n \\</c>, comment lines
/// <c>//</c>, choices with <c>=</c>, <c>~</c> and <c>~%50%</c>, true/false, short answer, matching with <c>-&gt;</c>, general
/// feedback <c>####</c> and per-answer feedback <c>#</c>. Every problem names its line; nothing is returned half-read.
/// </summary>
public static partial class GiftReader
{
    /// <summary>A ServeWell note Moodle reads as a comment: flags GIFT has no syntax for.</summary>
    public const string FlagsComment = "// ServeWell:";

    private const char Colon = '\uE001', Hash = '\uE002', Equal = '\uE003', Open = '\uE004', Close = '\uE005', Tilde = '\uE006', NewLine = '\uE007', Backslash = '\uE008';

    public static BankReadResult Read(string text, string language, int maxQuestions = 5000)
    {
        var problems = new List<ImportProblem>();
        var questions = new List<BankQuestion>();
        var categories = new List<IReadOnlyList<LocalText>>();
        IReadOnlyList<LocalText> category = [];
        foreach (var block in Blocks(text))
        {
            if (questions.Count >= maxQuestions)
            {
                problems.Add(ImportProblem.Line(block.Line, "The file has more than {0} questions, the most one import takes.", maxQuestions));
                break;
            }

            var flags = block.Comments;
            var body = Escape(block.Text);
            if (body.StartsWith("$CATEGORY:", StringComparison.Ordinal))
            {
                category = CategoryPath(Unescape(body["$CATEGORY:".Length..]), language);
                if (category.Count == 0)
                {
                    problems.Add(ImportProblem.Line(block.Line, "The category has no name."));
                }
                else
                {
                    categories.Add(category);
                }

                continue;
            }

            var before = problems.Count;
            var question = ReadQuestion(block, body, category, language, problems);
            if (question is not null && problems.Count == before)
            {
                question = question with
                {
                    CaseSensitive = flags.Contains("case-sensitive", StringComparison.Ordinal),
                    Shuffle = !flags.Contains("no-shuffle", StringComparison.Ordinal),
                };
                foreach (var (why, args) in BankRules.Check(question))
                {
                    problems.Add(ImportProblem.Line(block.Line, why, args));
                }

                questions.Add(question);
            }
        }

        return new(new BankFile(categories, questions), problems);
    }

    /// <summary>"$course$/top/Complaints/Phone" → [Complaints, Phone]: Moodle's context and "top" are not categories here.</summary>
    public static IReadOnlyList<LocalText> CategoryPath(string path, string language)
    {
        // Moodle writes a "/" inside a name as "//".
        var parts = path.Trim().Replace("//", "\uE00A", StringComparison.Ordinal).Split('/')
            .Select(p => p.Replace('\uE00A', '/').Trim()).Where(p => p.Length > 0).ToList();
        if (parts.Count > 0 && parts[0].StartsWith('$') && parts[0].EndsWith('$'))
        {
            parts.RemoveAt(0);
        }

        if (parts.Count > 0 && parts[0] == "top")
        {
            parts.RemoveAt(0);
        }

        return [.. parts.Select(p => Multilang.Read(p, language))];
    }

    private static BankQuestion? ReadQuestion(Block block, string body, IReadOnlyList<LocalText> category, string language, List<ImportProblem> problems)
    {
        int LineAt(int position) => block.Line + body.AsSpan(0, Math.Min(position, body.Length)).Count('\n');

        var offset = 0;
        string? name = null;
        if (body.StartsWith("::", StringComparison.Ordinal))
        {
            var end = body.IndexOf("::", 2, StringComparison.Ordinal);
            if (end < 0)
            {
                problems.Add(ImportProblem.Line(block.Line, "The name after :: has no closing :: (write \\: for a colon in a name)."));
                return null;
            }

            name = Unescape(body[2..end]).Trim();
            offset = end + 2;
        }

        var open = body.IndexOf('{', offset);
        var close = body.IndexOf('}', offset);
        if (open < 0 && close < 0)
        {
            problems.Add(ImportProblem.Line(block.Line, "Unsupported question type \"{0}\": a text without an answer in {{}}.", "description"));
            return null;
        }

        if (open < 0 || close < open)
        {
            problems.Add(ImportProblem.Line(LineAt(open < 0 ? close : open), open < 0 ? "A }} has no opening {{ (write \\}} for a brace in a text)." : "A {{ has no closing }} (write \\{{ for a brace in a text)."));
            return null;
        }

        if (body.IndexOf('{', open + 1) is var second && second >= 0 && second < close)
        {
            problems.Add(ImportProblem.Line(LineAt(second), "A second {{ before the }} (write \\{{ for a brace in a text)."));
            return null;
        }

        var after = body[(close + 1)..].Trim();
        var questionText = (body[offset..open].TrimEnd() + (after.Length > 0 ? " _____ " + after : "")).Trim();
        var answers = body[(open + 1)..close];
        var answersLine = LineAt(open);
        var generalFeedback = "";
        var gf = answers.LastIndexOf("####", StringComparison.Ordinal);
        if (gf >= 0)
        {
            generalFeedback = answers[(gf + 4)..];
            answers = answers[..gf];
        }

        var (format, text) = WithFormat(questionText);
        var question = new BankQuestion(
            category, QuestionType.ShortAnswer, "", Multilang.Read(text, language), format,
            Multilang.Read(WithFormat(generalFeedback).Text, language), true, false, []);
        question = question with { Name = name is { Length: > 0 } ? name : DefaultName(question.Text.For(language)) };
        var trimmed = answers.Trim();
        if (trimmed.Length == 0)
        {
            problems.Add(ImportProblem.Line(answersLine, "Unsupported question type \"{0}\".", "essay"));
            return null;
        }

        if (trimmed[0] == '#')
        {
            problems.Add(ImportProblem.Line(answersLine, "Unsupported question type \"{0}\".", "numerical"));
            return null;
        }

        if (trimmed[0] == '>')
        {
            // Moodle's ordering type: "{>N settings" on the first line, then one item per line in the right order.
            var items = trimmed.Split('\n').Skip(1).Select(l => Unescape(l).Trim()).Where(l => l.Length > 0)
                .Select(l => BankOption.Of(Multilang.Read(l, language), 0m)).ToList();
            return question with { Type = QuestionType.Ordering, Options = items };
        }

        var answersStart = open + 1;
        List<(string Text, int Line)> Split(string separators, bool keep) =>
            [.. Segments(answers, separators, keep).Where(s => s.Text.Trim().Length > 0).Select(s => (s.Text.Trim(), LineAt(answersStart + s.Start)))];

        if (trimmed.Contains('~'))
        {
            var single = trimmed.Contains('=');
            var options = new List<BankOption>();
            foreach (var (answer, line) in Split("~=", keep: true))
            {
                var body1 = answer;
                decimal fraction;
                if (body1[0] == '=')
                {
                    fraction = 1m;
                    body1 = body1[1..];
                }
                else
                {
                    body1 = body1[1..].TrimStart();
                    if (!TryWeight(ref body1, line, problems, out fraction))
                    {
                        return null;
                    }
                }

                var (answerText, feedback) = Feedback(body1);
                options.Add(BankOption.Of(Multilang.Read(answerText, language), fraction, Multilang.Read(feedback, language)));
            }

            return question with { Type = single ? QuestionType.SingleChoice : QuestionType.MultipleChoice, Options = options };
        }

        if (trimmed.Contains('=') && trimmed.Contains("->", StringComparison.Ordinal))
        {
            var options = new List<BankOption>();
            foreach (var (answer, line) in Split("=", keep: false))
            {
                var arrow = answer.IndexOf("->", StringComparison.Ordinal);
                if (arrow < 0)
                {
                    problems.Add(ImportProblem.Line(line, "A matching answer needs \"->\" between the item and its match."));
                    return null;
                }

                options.Add(new BankOption(
                    Multilang.Read(WithFormat(answer[..arrow].Trim()).Text, language), 0m, LocalText.Empty,
                    Multilang.Read(Unescape(answer[(arrow + 2)..]).Trim(), language)));
            }

            return question with { Type = QuestionType.Matching, Options = options };
        }

        var tf = (trimmed.Contains('#') ? trimmed[..trimmed.IndexOf('#')] : trimmed).Trim();
        if (tf is "T" or "TRUE" or "F" or "FALSE")
        {
            var bits = trimmed.Split('#', 3);
            var wrong = Multilang.Read(bits.Length > 1 ? WithFormat(bits[1].Trim()).Text : "", language);
            var right = Multilang.Read(bits.Length > 2 ? WithFormat(bits[2].Trim()).Text : "", language);
            var isTrue = tf is "T" or "TRUE";
            return question with
            {
                Type = QuestionType.TrueFalse,
                Options = [BankOption.Of(TrueText, isTrue ? 1m : 0m, isTrue ? right : wrong), BankOption.Of(FalseText, isTrue ? 0m : 1m, isTrue ? wrong : right)],
            };
        }

        var accepted = new List<BankOption>();
        foreach (var (answer, line) in Split("=", keep: false))
        {
            var body1 = answer;
            var fraction = 1m;
            if (body1.StartsWith('%') && !TryWeight(ref body1, line, problems, out fraction))
            {
                return null;
            }

            var (answerText, feedback) = Feedback(body1);
            accepted.Add(BankOption.Of(Multilang.Read(answerText, language), fraction, Multilang.Read(feedback, language)));
        }

        return question with { Type = QuestionType.ShortAnswer, Options = accepted };
    }

    /// <summary>The texts the bank gives the two answers of a true/false question.</summary>
    public static readonly LocalText TrueText = LocalText.Of("True", "참");

    public static readonly LocalText FalseText = LocalText.Of("False", "거짓");

    private static bool TryWeight(ref string answer, int line, List<ImportProblem> problems, out decimal fraction)
    {
        fraction = 0m;
        var match = Weight().Match(answer);
        if (!match.Success)
        {
            if (answer.StartsWith('%'))
            {
                problems.Add(ImportProblem.Line(line, "A grade must be written %50% (a percentage between % signs)."));
                return false;
            }

            return true;
        }

        var percent = decimal.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        if (BankRules.FractionOfPercent(percent) is not { } known)
        {
            problems.Add(ImportProblem.Line(line, "{0}% is not one of Moodle's grades.", match.Groups[1].Value));
            return false;
        }

        fraction = known;
        answer = answer[match.Length..];
        return true;
    }

    private static (string Text, string Feedback) Feedback(string answer)
    {
        var bits = answer.Split('#', 2);
        return (WithFormat(bits[0].Trim()).Text, bits.Length > 1 ? WithFormat(bits[1].Trim()).Text : "");
    }

    private static (TextFormat Format, string Text) WithFormat(string text)
    {
        text = text.Trim();
        var format = TextFormat.Moodle;
        if (text.StartsWith('[') && text.IndexOf(']') is var end && end > 0)
        {
            TextFormat? known = text[1..end] switch
            {
                "html" => TextFormat.Html, "plain" => TextFormat.Plain, "markdown" => TextFormat.Markdown, "moodle" => TextFormat.Moodle, _ => null,
            };
            if (known is { } f)
            {
                format = f;
                text = text[(end + 1)..];
            }
        }

        return (format, Unescape(text).Trim());
    }

    private static string DefaultName(string text)
    {
        var plain = Regex.Replace(text, "<[^>]*>", " ", RegexOptions.None, TimeSpan.FromSeconds(1)).Trim();
        return plain.Length > 80 ? plain[..80] : plain;
    }

    /// <summary>Parts of <paramref name="text"/> split before each separator (kept at the part's start when <paramref name="keep"/>).</summary>
    private static IEnumerable<(string Text, int Start)> Segments(string text, string separators, bool keep)
    {
        var separator = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || separators.Contains(text[i]))
            {
                var from = separator < 0 ? 0 : keep ? separator : separator + 1;
                if (i > from)
                {
                    yield return (text[from..i], from);
                }

                separator = i;
            }
        }
    }

    private static string Escape(string text) =>
        text.Replace(@"\\", Backslash.ToString(), StringComparison.Ordinal)
            .Replace(@"\:", Colon.ToString(), StringComparison.Ordinal).Replace(@"\#", Hash.ToString(), StringComparison.Ordinal)
            .Replace(@"\=", Equal.ToString(), StringComparison.Ordinal).Replace(@"\{", Open.ToString(), StringComparison.Ordinal)
            .Replace(@"\}", Close.ToString(), StringComparison.Ordinal).Replace(@"\~", Tilde.ToString(), StringComparison.Ordinal)
            .Replace(@"\n", NewLine.ToString(), StringComparison.Ordinal);

    private static string Unescape(string text) =>
        text.Replace(Colon, ':').Replace(Hash, '#').Replace(Equal, '=').Replace(Open, '{').Replace(Close, '}').Replace(Tilde, '~')
            .Replace(NewLine, '\n').Replace(Backslash, '\\');

    private sealed record Block(int Line, string Text, string Comments);

    /// <summary>Runs of non-blank lines; comment lines are kept as empty lines so positions keep their line numbers.</summary>
    private static IEnumerable<Block> Blocks(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var current = new List<string>();
        var comments = new List<string>();
        var first = 0;
        for (var i = 0; i <= lines.Length; i++)
        {
            var line = i < lines.Length ? lines[i] : "";
            if (line.Trim().Length == 0)
            {
                if (current.Any(l => l.Length > 0))
                {
                    var lead = current.TakeWhile(l => l.Length == 0).Count();
                    yield return new Block(first + lead + 1, string.Join('\n', current.Skip(lead)).Trim(), string.Join('\n', comments));
                }

                current.Clear();
                comments.Clear();
                continue;
            }

            if (current.Count == 0)
            {
                first = i;
            }

            if (line.TrimStart().StartsWith("//", StringComparison.Ordinal))
            {
                if (line.TrimStart().StartsWith(FlagsComment, StringComparison.Ordinal))
                {
                    comments.Add(line);
                }

                current.Add("");
            }
            else
            {
                current.Add(line);
            }
        }
    }

    [GeneratedRegex(@"^%(-?\d{1,3}(?:\.\d+)?)%", RegexOptions.None, 1000)]
    private static partial Regex Weight();
}
