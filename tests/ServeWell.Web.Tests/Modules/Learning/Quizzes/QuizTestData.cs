using ServeWell.Web.Modules.Learning.Bank;
using ServeWell.Web.Modules.Learning.Courses;
using ServeWell.Web.Modules.Learning.Quizzes;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Tests.Fixtures;
using ServeWell.Web.Tests.Modules.Training.Record;
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

    /// <summary>
    /// A self-study programme of the test's own for <paramref name="people"/> new employees, its course published with a
    /// lesson that is the quiz (after <paramref name="before"/> runs, when given: e.g. a pass before the quiz was a lesson).
    /// </summary>
    public static async Task<(TrainingCase Training, int LessonKey)> QuizLessonAsync(this AppHost app, int quizId, int people = 1, Func<TrainingCase, Task>? before = null)
    {
        var training = await app.CreateTrainingCaseAsync(people, configure: r => r.Delivery = "SelfStudy");
        if (before is not null)
        {
            await before(training);
        }

        var lesson = await app.UseAsync<EditCourse, int>(async edit =>
        {
            var course = (await edit.EnsureAsync(training.Programme.Id, CancellationToken.None))!;
            course = (await edit.LoadAsync(course.Id, CancellationToken.None))!;
            var (text, textProblems) = await edit.SaveLessonAsync(course, course.Sections[0].Id, null,
                new LessonForm { Title = new LocalTextForm { En = "Read first" }, Body = new LocalTextForm { En = "Listen." }, Minutes = 5 }, CancellationToken.None);
            textProblems.ShouldBeEmpty();
            var (saved, problems) = await edit.SaveLessonAsync(course, course.Sections[0].Id, null,
                new LessonForm { Title = new LocalTextForm { En = "Check yourself" }, Minutes = 10, QuizId = quizId }, CancellationToken.None);
            problems.ShouldBeEmpty();
            var (_, publish) = await edit.PublishAsync((await edit.LoadAsync(course.Id, CancellationToken.None))!, "test", CancellationToken.None);
            publish.ShouldBeEmpty();
            return saved!.Id;
        });
        return (training, lesson);
    }

    /// <summary>An employee for whom the quiz is a lesson of their course, so they may take it (ADR-049).</summary>
    public static async Task<ServeWell.Web.Modules.People.Employees.Employee> LearnerOfAsync(this AppHost app, int quizId) =>
        (await app.QuizLessonAsync(quizId)).Training.People[0];

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
