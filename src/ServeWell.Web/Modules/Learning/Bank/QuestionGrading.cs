using System.Text.RegularExpressions;

namespace ServeWell.Web.Modules.Learning.Bank;

/// <summary>
/// A learner's answer to one question. <see cref="Chosen"/>: the option chosen (single choice, true/false) or every
/// option ticked (multiple choice); for matching, per item (the options with a text, in order) the index of the option
/// whose answer the learner gave, -1 for none. <see cref="Text"/>: a short answer. <see cref="Order"/>: the option
/// indexes in the order the learner put them.
/// </summary>
public sealed record QuestionResponse(IReadOnlyList<int> Chosen, string? Text = null, IReadOnlyList<int>? Order = null)
{
    public static QuestionResponse Choose(params int[] options) => new(options);

    public static QuestionResponse Answer(string text) => new([], text);

    public static QuestionResponse Ordered(params int[] order) => new([], null, order);
}

/// <summary>A graded answer: the mark as a fraction of the question's (0..1) and the feedback of the options the answer touched.</summary>
public sealed record QuestionGrade(decimal Fraction, IReadOnlyList<int> FeedbackOptions)
{
    public bool Right => Fraction == 1m;
}

/// <summary>
/// Grading on the server, per question type, as Moodle grades (ADR-041): choices add the fractions of what was chosen
/// (negative ones too) and the sum is held within 0..1; a short answer takes the first accepted answer it matches
/// (spacing normalised, case as the question says, * matches anything); matching and ordering give a share per item
/// in the right place.
/// </summary>
public static partial class QuestionGrading
{
    public static QuestionGrade Grade(BankQuestion question, QuestionResponse response)
    {
        var options = question.Options;
        switch (question.Type)
        {
            case QuestionType.SingleChoice or QuestionType.TrueFalse:
            {
                var chosen = response.Chosen.Where(i => i >= 0 && i < options.Count).Take(1).ToList();
                return new(chosen.Count == 0 ? 0m : Clamp(options[chosen[0]].Fraction), chosen);
            }

            case QuestionType.MultipleChoice:
            {
                var chosen = response.Chosen.Where(i => i >= 0 && i < options.Count).Distinct().Order().ToList();
                return new(Clamp(chosen.Sum(i => options[i].Fraction)), chosen);
            }

            case QuestionType.ShortAnswer:
            {
                var given = Normalise(response.Text ?? "");
                if (given.Length == 0)
                {
                    return new(0m, []);
                }

                for (var i = 0; i < options.Count; i++)
                {
                    if (Matches(given, options[i].Text, question.CaseSensitive))
                    {
                        return new(Clamp(options[i].Fraction), [i]);
                    }
                }

                return new(0m, []);
            }

            case QuestionType.Matching:
            {
                var items = options.Select((o, i) => (o, i)).Where(x => !x.o.Text.IsEmpty).ToList();
                var right = items.Where((item, n) => n < response.Chosen.Count && response.Chosen[n] is var c && c >= 0 && c < options.Count
                    && SameText(options[c].Match, item.o.Match)).Count();
                return new(items.Count == 0 ? 0m : Share(right, items.Count), []);
            }

            case QuestionType.Ordering:
            {
                var order = response.Order ?? [];
                var right = order.Where((option, position) => option == position).Count();
                return new(options.Count == 0 || order.Distinct().Count() != order.Count ? 0m : Share(right, options.Count), []);
            }

            default:
                return new(0m, []);
        }
    }

    /// <summary>Spacing as a short answer is compared: trimmed, every run of white space one space.</summary>
    public static string Normalise(string text) => Spaces().Replace(text.Trim(), " ");

    private static bool Matches(string given, Platform.Localization.LocalText accepted, bool caseSensitive) =>
        new[] { accepted.Ko, accepted.En }.Where(t => t.Length > 0).Any(t => Regex.IsMatch(
            given,
            "^" + string.Join(".*", Normalise(t).Split('*').Select(Regex.Escape)) + "$",
            (caseSensitive ? RegexOptions.None : RegexOptions.IgnoreCase | RegexOptions.CultureInvariant) | RegexOptions.Singleline,
            TimeSpan.FromMilliseconds(200)));

    private static bool SameText(Platform.Localization.LocalText a, Platform.Localization.LocalText b) =>
        string.Equals(a.Ko, b.Ko, StringComparison.Ordinal) && string.Equals(a.En, b.En, StringComparison.Ordinal);

    private static decimal Share(int right, int of) => Math.Round((decimal)right / of, 7);

    private static decimal Clamp(decimal fraction) => Math.Clamp(fraction, 0m, 1m);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
