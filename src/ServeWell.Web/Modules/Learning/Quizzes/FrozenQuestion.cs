using System.Globalization;
using System.Text.Json;
using ServeWell.Web.Modules.Learning.Bank;

namespace ServeWell.Web.Modules.Learning.Quizzes;

/// <summary>
/// A slot's question as the attempt froze it, with the order its options are shown in, and the checks an answer must
/// pass before it is saved. Answers always name options by their index in the bank question (not their place on the
/// screen), so grading is <see cref="QuestionGrading"/> on the frozen question, unchanged.
/// </summary>
public sealed record FrozenQuestion(BankQuestion Question, IReadOnlyList<int> Order)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static FrozenQuestion Of(QuizSlot slot) => new(
        JsonSerializer.Deserialize<BankQuestion>(slot.Question, Json)!,
        [.. slot.OptionOrder.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture))]);

    public static string ToJson(BankQuestion question) => JsonSerializer.Serialize(question, Json);

    public static string ToJson(QuestionResponse response) => JsonSerializer.Serialize(response, Json);

    public static QuestionResponse? ResponseOf(string? json) => json is null ? null : JsonSerializer.Deserialize<QuestionResponse>(json, Json);

    public static string OrderText(IEnumerable<int> order) => string.Join(',', order.Select(i => i.ToString(CultureInfo.InvariantCulture)));

    /// <summary>
    /// The order to show options in for one attempt: choices shuffled when the question and the quiz allow it; ordering
    /// items always shuffled (in their right order they would give the answer away); matching answers shuffled; others as
    /// they are.
    /// </summary>
    public static IReadOnlyList<int> OrderFor(BankQuestion q, bool shuffle, Random random)
    {
        var order = Enumerable.Range(0, q.Options.Count).ToArray();
        var shuffled = q.Type switch
        {
            QuestionType.SingleChoice or QuestionType.MultipleChoice => shuffle && q.Shuffle,
            QuestionType.Matching => true,
            QuestionType.Ordering => true,
            _ => false,
        };
        if (shuffled)
        {
            random.Shuffle(order);
            if (q.Type == QuestionType.Ordering && order.Length > 1 && order.SequenceEqual(Enumerable.Range(0, order.Length)))
            {
                (order[0], order[1]) = (order[1], order[0]);
            }
        }

        return order;
    }

    /// <summary>Matching: the items to match (options with a text), by their option index, in the bank's order.</summary>
    public IReadOnlyList<int> MatchItems => [.. Enumerable.Range(0, Question.Options.Count).Where(i => !Question.Options[i].Text.IsEmpty)];

    /// <summary>Matching: the answers a learner picks from, one per distinct answer text, named by the first option that has it, in this attempt's order.</summary>
    public IReadOnlyList<int> MatchChoices =>
        [.. Order.Where(i => !Question.Options[i].Match.IsEmpty).GroupBy(i => Question.Options[i].Match).Select(g => g.Min())];

    /// <summary>Null when the answer fits the question, else what is wrong (an English template for the localizer).</summary>
    public string? Problem(QuestionResponse response)
    {
        var n = Question.Options.Count;
        switch (Question.Type)
        {
            case QuestionType.SingleChoice or QuestionType.TrueFalse:
                return response.Chosen.Count > 1 || response.Chosen.Any(i => i < 0 || i >= n) ? "Choose one of the answers." : null;
            case QuestionType.MultipleChoice:
                return response.Chosen.Any(i => i < 0 || i >= n) || response.Chosen.Distinct().Count() != response.Chosen.Count ? "Tick answers from the list only." : null;
            case QuestionType.ShortAnswer:
                return (response.Text?.Length ?? 0) > BankRules.MaxOptionLength ? "The answer is too long." : null;
            case QuestionType.Matching:
                var choices = MatchChoices;
                return response.Chosen.Count != MatchItems.Count || response.Chosen.Any(c => c != -1 && !choices.Contains(c)) ? "Pick an answer for each item from its list." : null;
            default:
                var order = response.Order ?? [];
                return order.Count != n || !order.Order().SequenceEqual(Enumerable.Range(0, n)) ? "Give each item a different place, from 1 to the number of items." : null;
        }
    }
}
