using System.Globalization;

namespace ServeWell.Web.Modules.Learning.Bank;

/// <summary>
/// What makes a question whole, checked the same way for both file formats and the API (ADR-041): Moodle's own rules,
/// so whatever the bank holds can be exported to a Moodle that accepts it.
/// </summary>
public static class BankRules
{
    public const int MaxNameLength = 255;
    public const int MaxTextLength = 4000;
    public const int MaxOptionLength = 1000;
    public const int MaxOptions = 50;

    /// <summary>Moodle's grades for an answer (question_bank::fraction_options_full), as fractions; negatives are allowed too.</summary>
    public static readonly IReadOnlyList<decimal> Fractions =
    [
        1m, 0.9m, 0.8333333m, 0.8m, 0.75m, 0.7m, 0.6666667m, 0.6m, 0.5m, 0.4m, 0.3333333m, 0.3m, 0.25m, 0.2m,
        0.1666667m, 0.1428571m, 0.125m, 0.1111111m, 0.1m, 0.05m, 0m,
    ];

    /// <summary>
    /// The Moodle grade nearest a percentage if it is one (within rounding: 33.33333 and 33.333333 are the same),
    /// else null.
    /// </summary>
    public static decimal? FractionOfPercent(decimal percent)
    {
        var fraction = percent / 100m;
        var match = Fractions.FirstOrDefault(f => Math.Abs(Math.Abs(fraction) - f) < 0.000001m, -1m);
        return match < 0 ? null : fraction < 0 ? -match : match;
    }

    /// <summary>A fraction as Moodle's files write a percentage: 50, 33.33333, -100.</summary>
    public static string Percent(decimal fraction) =>
        (fraction * 100m).ToString("0.#####", CultureInfo.InvariantCulture);

    /// <summary>The problems of <paramref name="question"/> as (English template, arguments); empty when it is whole.</summary>
    public static IReadOnlyList<(string Why, object[] Args)> Check(BankQuestion question)
    {
        var problems = new List<(string, object[])>();
        void Add(string why, params object[] args) => problems.Add((why, args));

        if (question.Text.IsEmpty)
        {
            Add("The question has no text.");
        }

        if (question.Name.Length > MaxNameLength)
        {
            Add("The name is longer than {0} characters.", MaxNameLength);
        }

        if (Math.Max(question.Text.En.Length, question.Text.Ko.Length) > MaxTextLength)
        {
            Add("The text is longer than {0} characters.", MaxTextLength);
        }

        if (question.Options.Count > MaxOptions)
        {
            Add("The question has more than {0} answers.", MaxOptions);
        }

        if (question.Options.Any(o => Math.Max(Math.Max(o.Text.En.Length, o.Text.Ko.Length), Math.Max(o.Feedback.En.Length, o.Feedback.Ko.Length)) > MaxOptionLength))
        {
            Add("An answer or its feedback is longer than {0} characters.", MaxOptionLength);
        }

        var options = question.Options;
        switch (question.Type)
        {
            case QuestionType.SingleChoice:
                if (options.Count < 2) Add("A choice question needs at least 2 answers.");
                else if (!options.Any(o => o.Fraction == 1m)) Add("A single-choice question needs one answer worth 100%.");
                break;
            case QuestionType.MultipleChoice:
                if (options.Count < 2) Add("A choice question needs at least 2 answers.");
                else if (Math.Abs(options.Where(o => o.Fraction > 0).Sum(o => o.Fraction) - 1m) > 0.001m)
                    Add("The positive grades of a multiple-choice question add up to {0}%, not 100%.", Percent(options.Where(o => o.Fraction > 0).Sum(o => o.Fraction)));
                break;
            case QuestionType.TrueFalse:
                if (options.Count != 2 || options.Count(o => o.Fraction == 1m) != 1) Add("A true/false question needs one right answer.");
                break;
            case QuestionType.ShortAnswer:
                if (options.Count == 0) Add("A short-answer question needs at least one accepted answer.");
                else if (!options.Any(o => o.Fraction == 1m)) Add("A short-answer question needs one answer worth 100%.");
                if (options.Any(o => o.Fraction < 0)) Add("A short-answer answer cannot be worth less than 0%.");
                break;
            case QuestionType.Matching:
                if (options.Count(o => !o.Text.IsEmpty) < 2) Add("A matching question needs at least 2 items to match.");
                if (options.Any(o => o.Match.IsEmpty)) Add("Every matching item needs the answer it matches.");
                break;
            case QuestionType.Ordering:
                if (options.Count < 2) Add("An ordering question needs at least 2 items.");
                break;
        }

        if (options.Any(o => o.Text.IsEmpty && question.Type != QuestionType.Matching))
        {
            Add("An answer has no text.");
        }

        if (options.Any(o => o.Fraction is > 1m or < -1m || FractionOfPercent(o.Fraction * 100m) is null))
        {
            Add("A grade is not one of Moodle's grades (100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667, 14.28571, 12.5, 11.11111, 10, 5, 0 and their negatives).");
        }

        return problems;
    }
}
