using System.Globalization;
using System.Text.Json;
using ServeWell.Web.Modules.Learning.Bank;
using ServeWell.Web.Modules.Learning.Quizzes;

namespace ServeWell.Web.Modules.Learning.Refreshers;

/// <summary>A due question as the employee sees it, in their language; answers name options by <see cref="OptionView.Id"/>.</summary>
public sealed record RefresherQuestion(long CardId, int Box, DateOnly DueOn, string Type, string Text, IReadOnlyList<OptionView> Options, IReadOnlyList<OptionView>? Choices);

/// <summary>Today's refresher: at most <see cref="LeitnerBoxes.PerDay"/> due questions, and when the next ones are due.</summary>
public sealed record RefresherToday(bool OptedOut, DateOnly Today, int AnsweredToday, IReadOnlyList<RefresherQuestion> Due, DateOnly? NextDueOn, int Asked);

/// <summary>An answer graded: right or wrong, the feedback in the reader's language, and where the question went.</summary>
public sealed record RefresherResult(long AnswerId, long CardId, bool Right, decimal MarkPercent, IReadOnlyList<string> Feedback, int Box, DateOnly? NextDueOn, bool Left);

/// <summary>The frozen question of a card and how it is shown.</summary>
internal static class RefresherQuestions
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static BankQuestion Of(RefresherCard card) => JsonSerializer.Deserialize<BankQuestion>(card.Question, Json)!;

    /// <summary>Options in an order that stays the same for a card all day, on every node (not HashCode, which differs per process).</summary>
    public static FrozenQuestion Frozen(RefresherCard card, DateOnly today)
    {
        var question = Of(card);
        return new FrozenQuestion(question, FrozenQuestion.OrderFor(question, true, new Random(unchecked((int)(card.Id * 7919) ^ today.DayNumber))));
    }

    public static RefresherQuestion View(RefresherCard card, DateOnly today)
    {
        var f = Frozen(card, today);
        var q = f.Question;
        var language = Language;
        string Plain(Platform.Localization.LocalText t) => QuestionText.Plain(t.For(language));
        IReadOnlyList<OptionView> options = q.Type switch
        {
            QuestionType.ShortAnswer => [],
            QuestionType.Matching => [.. f.MatchItems.Select(i => new OptionView(i, Plain(q.Options[i].Text)))],
            _ => [.. f.Order.Select(i => new OptionView(i, Plain(q.Options[i].Text)))],
        };
        var choices = q.Type == QuestionType.Matching ? f.MatchChoices.Select(i => new OptionView(i, Plain(q.Options[i].Match))).ToList() : null;
        return new RefresherQuestion(card.Id, card.Box, card.DueOn, q.Type.ToString(), Plain(q.Text), options, choices);
    }

    /// <summary>The result of a stored answer, the feedback in the reader's language (read again later, it follows their language then).</summary>
    public static RefresherResult Result(RefresherAnswer answer, RefresherCard card)
    {
        var q = Of(card);
        var response = FrozenQuestion.ResponseOf(answer.Response) ?? new QuestionResponse([]);
        var grade = QuestionGrading.Grade(q, response);
        var language = Language;
        var feedback = grade.FeedbackOptions.Select(i => q.Options[i].Feedback).Append(q.GeneralFeedback)
            .Select(t => QuestionText.Plain(t.For(language))).Where(t => t.Length > 0).ToList();
        return new RefresherResult(answer.Id, card.Id, answer.Fraction == 1m, Math.Round(answer.Fraction * 100m, 1), feedback, answer.BoxAfter, answer.NextDueOn, answer.NextDueOn is null);
    }

    private static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
}
