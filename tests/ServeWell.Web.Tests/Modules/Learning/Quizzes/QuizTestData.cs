using ServeWell.Web.Modules.Learning.Bank;
using ServeWell.Web.Modules.Learning.Quizzes;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Tests.Fixtures;
using Shouldly;

namespace ServeWell.Web.Tests.Modules.Learning.Quizzes;

public static class QuizTestData
{
    /// <summary>A bank category of the test's own with the questions given (their category path is ignored).</summary>
    public static Task<(int CategoryId, IReadOnlyList<int> QuestionIds)> CreateCategoryAsync(this AppHost app, IEnumerable<BankQuestion> questions) =>
        app.DbAsync<(int, IReadOnlyList<int>)>(async db =>
        {
            var category = new QuestionCategory { Name = LocalText.Of(TestData.Unique("Quiz cat "), "") };
            var rows = questions.Select(q => ServeWell.Web.Modules.Learning.Bank.Question.From(q, category)).ToList();
            db.AddRange(rows);
            await db.SaveChangesAsync();
            return (category.Id, rows.Select(r => r.Id).ToList());
        });

    /// <summary>n single-choice questions: the first answer right, four answers each.</summary>
    public static IEnumerable<BankQuestion> Singles(int n, string prefix = "Q") => Enumerable.Range(1, n).Select(i => Question(
        QuestionType.SingleChoice, $"{prefix}{i}", [Of("Right", 1m), Of("Wrong A", 0m), Of("Wrong B", 0m), Of("Wrong C", 0m)]));

    public static BankQuestion Question(QuestionType type, string name, IReadOnlyList<BankOption> options, bool caseSensitive = false) =>
        new([], type, name, LocalText.Of($"Question {name}?", ""), TextFormat.Plain, LocalText.Of("Think again.", ""), true, caseSensitive, options);

    public static BankOption Of(string text, decimal fraction, string feedback = "") => BankOption.Of(LocalText.Of(text, ""), fraction, LocalText.Of(feedback, ""));

    public static Task<int> CreateQuizAsync(this AppHost app, IEnumerable<(int CategoryId, int Count)> draws, int pass = 50, int? attempts = null, int? minutes = null, QuizReview review = QuizReview.Feedback) =>
        app.UseAsync<EditQuiz, int>(async edit =>
        {
            var (quiz, problems) = await edit.SaveAsync(null, new QuizForm
            {
                Title = new LocalTextForm { En = TestData.Unique("Quiz "), Ko = "퀴즈" }, PassPercent = pass, MaxAttempts = attempts, TimeLimitMinutes = minutes, Review = review,
                Draws = [.. draws.Select(d => new DrawForm { CategoryId = d.CategoryId, Count = d.Count })],
            }, "officer@test", CancellationToken.None);
            problems.ShouldBeEmpty();
            return quiz!.Id;
        });

    public static Task<StartResult> StartAsync(this AppHost app, int quizId, int employeeId) =>
        app.UseAsync<TakeQuiz, StartResult>(t => t.StartAsync(quizId, employeeId, CancellationToken.None));

    public static Task<AnswerResult> AnswerAsync(this AppHost app, long attemptId, int employeeId, int position, QuestionResponse response) =>
        app.UseAsync<TakeQuiz, AnswerResult>(t => t.AnswerAsync(attemptId, employeeId, position, response, CancellationToken.None));

    public static Task<QuizAttempt?> SubmitAsync(this AppHost app, long attemptId, int employeeId) =>
        app.UseAsync<TakeQuiz, QuizAttempt?>(t => t.SubmitAsync(attemptId, employeeId, CancellationToken.None));

    public static Task<QuizAttempt?> ReadAttemptAsync(this AppHost app, long attemptId, int employeeId) =>
        app.UseAsync<TakeQuiz, QuizAttempt?>(t => t.ReadAsync(attemptId, employeeId, CancellationToken.None));

    /// <summary>Takes the quiz: the right answer (option 0) on the first <paramref name="right"/> questions, a wrong one on the rest; submits.</summary>
    public static async Task<QuizAttempt> TakeAsync(this AppHost app, int quizId, int employeeId, Func<int, bool> rightAt)
    {
        var attempt = (await app.StartAsync(quizId, employeeId)).Attempt!;
        foreach (var slot in attempt.Slots)
        {
            (await app.AnswerAsync(attempt.Id, employeeId, slot.Position, QuestionResponse.Choose(rightAt(slot.Position) ? 0 : 1))).Outcome.ShouldBe(AnswerOutcome.Saved);
        }

        return (await app.SubmitAsync(attempt.Id, employeeId))!;
    }
}
