using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.Learning.Bank;

/// <summary>The kinds of question the bank holds (ADR-041); each maps to one Moodle question type.</summary>
public enum QuestionType
{
    SingleChoice,
    MultipleChoice,
    TrueFalse,
    ShortAnswer,
    Matching,
    Ordering,
}

/// <summary>How a question's texts are written, as Moodle names them: its auto-format, HTML, plain text, Markdown.</summary>
public enum TextFormat
{
    Moodle,
    Html,
    Plain,
    Markdown,
}

/// <summary>
/// One answer of a question, independent of storage and file format. Choices and true/false: <see cref="Text"/> and
/// its <see cref="Fraction"/> (-1..1) with feedback; short answer: an accepted answer; matching: the item
/// (<see cref="Text"/>, empty for a distractor) and the answer it matches (<see cref="Match"/>); ordering: the items
/// in their right order.
/// </summary>
public sealed record BankOption(LocalText Text, decimal Fraction, LocalText Feedback, LocalText Match)
{
    public static BankOption Of(LocalText text, decimal fraction, LocalText? feedback = null) =>
        new(text, fraction, feedback ?? LocalText.Empty, LocalText.Empty);
}

/// <summary>
/// A question as the importers read it and the writers write it; the category is a path of names from the top
/// ("Complaints / Phone"). Equality is by value (see <see cref="Canonical"/>), which is what a round trip proves.
/// </summary>
public sealed record BankQuestion(
    IReadOnlyList<LocalText> Category,
    QuestionType Type,
    string Name,
    LocalText Text,
    TextFormat Format,
    LocalText GeneralFeedback,
    bool Shuffle,
    bool CaseSensitive,
    IReadOnlyList<BankOption> Options)
{
    /// <summary>A text form of every field, for comparing questions (records compare lists by reference).</summary>
    public string Canonical =>
        string.Join("|", [
            string.Join("/", Category.Select(c => c.Ko + "~" + c.En)), Type.ToString(), Name, Text.Ko, Text.En, Format.ToString(),
            GeneralFeedback.Ko, GeneralFeedback.En, Shuffle.ToString(), CaseSensitive.ToString(),
            .. Options.Select(o => string.Join("~", o.Text.Ko, o.Text.En, o.Fraction.ToString("0.#####", System.Globalization.CultureInfo.InvariantCulture), o.Feedback.Ko, o.Feedback.En, o.Match.Ko, o.Match.En))]);
}

/// <summary>What a file holds: its categories (including empty ones) in order and its questions.</summary>
public sealed record BankFile(IReadOnlyList<IReadOnlyList<LocalText>> Categories, IReadOnlyList<BankQuestion> Questions);

/// <summary>
/// Where in a file a problem is and why, as templates with arguments so a page can show them in the reader's
/// language: GIFT names the line, Moodle XML the element ("question 7 'answer' 3").
/// </summary>
public sealed record ImportProblem(string Where, object[] WhereArgs, string Why, object[] WhyArgs)
{
    public const string AtLine = "line {0}";
    public const string AtQuestion = "in question {0}";
    public const string AtElement = "question {0} '{1}' {2}";
    public const string AtFile = "the file";

    public static ImportProblem Line(int line, string why, params object[] args) => new(AtLine, [line], why, args);

    public static ImportProblem Element(int question, string element, int index, string why, params object[] args) =>
        index > 0 ? new(AtElement, [question, element, index], why, args) : new(AtQuestion, [question], why, args);

    public static ImportProblem File(string why, params object[] args) => new(AtFile, [], why, args);

    /// <summary>The problem in words, through <paramref name="format"/> (a localizer, or invariant English).</summary>
    public string Describe(Func<string, object[], string> format) => format(Where, WhereArgs) + ": " + format(Why, WhyArgs);

    public override string ToString() => Describe((t, a) => string.Format(System.Globalization.CultureInfo.InvariantCulture, t, a));
}

/// <summary>A file read: what it holds and what is wrong with it. Nothing is imported while <see cref="Problems"/> is not empty.</summary>
public sealed record BankReadResult(BankFile File, IReadOnlyList<ImportProblem> Problems)
{
    public bool Ok => Problems.Count == 0;
}
