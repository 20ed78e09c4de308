using System.Globalization;
using ServeWell.Web.Modules.Learning.Bank;

namespace ServeWell.Web.Modules.Learning.Quizzes;

/// <summary>
/// Reads an answer from the question page's form fields, named by option ids whatever order they were shown in: the
/// same fields whether the form is posted (ADR-044) or queued on a phone offline and synced later (ADR-056).
/// <c>chosen</c> (option ids), <c>text</c> (a short answer), <c>match</c> (a choice id per item, in item order) and
/// <c>place-{item}</c> (an item's place, 1 first).
/// </summary>
public static class QuizAnswerForm
{
    public static QuestionResponse Read(BankQuestion question, Func<string, IReadOnlyList<string>> field, out string? problem)
    {
        problem = null;
        List<int> Ints(string name) => [.. field(name).Select(v => int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : -2)];
        switch (question.Type)
        {
            case QuestionType.ShortAnswer:
                return QuestionResponse.Answer(field("text").FirstOrDefault() ?? "");
            case QuestionType.Matching:
                return new QuestionResponse(Ints("match"));
            case QuestionType.Ordering:
                var places = Enumerable.Range(0, question.Options.Count).Select(i => (Id: i, Place: Ints("place-" + i).FirstOrDefault(-1))).ToList();
                if (places.Any(p => p.Place < 1) || places.Select(p => p.Place).Distinct().Count() != places.Count)
                {
                    problem = "Give each item a different place, from 1 to the number of items.";
                }

                return QuestionResponse.Ordered([.. places.OrderBy(p => p.Place).Select(p => p.Id)]);
            default:
                return new QuestionResponse(Ints("chosen"));
        }
    }
}
