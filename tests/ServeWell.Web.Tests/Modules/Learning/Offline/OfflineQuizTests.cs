using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Learning.Bank;
using ServeWell.Web.Modules.Learning.Courses;
using ServeWell.Web.Modules.Learning.Offline;
using ServeWell.Web.Modules.Learning.Quizzes;
using ServeWell.Web.Tests.Fixtures;
using ServeWell.Web.Tests.Modules.Learning.Quizzes;
using ServeWell.Web.Tests.Modules.Training.Record;

namespace ServeWell.Web.Tests.Modules.Learning.Offline;

/// <summary>
/// A quiz answered on a phone without a connection (ADR-056): an untimed quiz's attempt is started when the course is
/// kept, its answers and its submission queue on the phone and sync later, each once, dated when they were made there;
/// a quiz with a time limit is not kept and refuses offline answers.
/// </summary>
public abstract class OfflineQuizTests(AppHost app)
{
    private const string Sync = "/api/v1/learning/offline/sync";

    private static readonly QuestionResponse Right = QuestionResponse.Choose(0);

    private static object Answer(string key, long attemptId, int position, string chosen, DateTime at) =>
        new { key, type = SyncProgress.QuizAnswer, attemptId, position, answer = new Dictionary<string, string[]> { ["chosen"] = [chosen] }, doneAt = at };

    private static object Submit(string key, long attemptId, DateTime at) => new { key, type = SyncProgress.QuizSubmit, attemptId, doneAt = at };

    private static string Key() => "q-" + Guid.NewGuid().ToString("N");

    private static async Task<List<OfflineResult>> SyncAsync(StaffClient client, params object[] actions)
    {
        using var response = await client.Http.PostAsJsonAsync(Sync, new { actions });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return [.. (await response.Content.ReadFromJsonAsync<OfflineSyncResponse>())!.Results];
    }

    private static async Task<OfflineCopyDto> KeepAsync(StaffClient client, int programmeId)
    {
        using var response = await client.Http.PostAsync($"/api/v1/learning/programmes/{programmeId}/offline-copy", null);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<OfflineCopyDto>())!;
    }

    private Task<QuizAttempt> OpenAttemptAsync(int quizId, int employeeId) =>
        app.DbAsync(db => db.QuizAttempts.AsNoTracking().Include(a => a.Slots).SingleAsync(a => a.QuizId == quizId && a.EmployeeId == employeeId));

    private async Task<(int Quiz, int Programme, int Lesson, ServeWell.Web.Modules.People.Employees.Employee Learner)> UntimedQuizLessonAsync(int? minutes = null)
    {
        var (category, _) = await app.CreateCategoryAsync(QuizTestData.Singles(2));
        var quiz = await app.CreateQuizAsync([(category, 2)], pass: 100, minutes: minutes);
        var (training, lesson) = await app.QuizLessonAsync(quiz);
        return (quiz, training.Programme.Id, lesson, training.People[0]);
    }

    [Fact]
    public async Task Keeping_StartsTheUntimedQuizsAttempt_AndListsEachQuestionPage_ATimedQuizNeedsAConnection()
    {
        var untimed = await UntimedQuizLessonAsync();
        var timed = await UntimedQuizLessonAsync(minutes: 10);
        using var client = await app.SignInAsEmployeeAsync(untimed.Learner);
        using var timedClient = await app.SignInAsEmployeeAsync(timed.Learner);

        var copy = await KeepAsync(client, untimed.Programme);
        var timedCopy = await KeepAsync(timedClient, timed.Programme);

        var attempt = await OpenAttemptAsync(untimed.Quiz, untimed.Learner.Id);
        attempt.SubmittedAtUtc.ShouldBeNull();
        copy.NeedsConnection.ShouldBeEmpty();
        copy.Pages.ShouldContain(OfflineDevice.LessonPath(untimed.Programme, untimed.Lesson));
        copy.Pages.ShouldContain($"/Learning/Quiz/Attempts/{attempt.Id}");
        copy.Pages.ShouldContain($"/Learning/Quiz/Attempts/{attempt.Id}?q=1");
        copy.Pages.ShouldContain($"/Learning/Quiz/Attempts/{attempt.Id}?q=2");
        copy.Pages.ShouldContain($"/Learning/Quiz/Attempts/{attempt.Id}/Submit");
        timedCopy.NeedsConnection.ShouldBe([timed.Lesson]);
        timedCopy.Pages.ShouldNotContain(OfflineDevice.LessonPath(timed.Programme, timed.Lesson));
        (await app.DbAsync(db => db.QuizAttempts.CountAsync(a => a.QuizId == timed.Quiz))).ShouldBe(0);
        // Keeping again resumes the same attempt: the phone never holds two.
        await KeepAsync(client, untimed.Programme);
        (await app.DbAsync(db => db.QuizAttempts.CountAsync(a => a.QuizId == untimed.Quiz))).ShouldBe(1);

        // The kept pages say what works offline: the question form queues, the timed quiz says it needs a connection.
        var question = await client.GetPageAsync($"/Learning/Quiz/Attempts/{attempt.Id}?q=1");
        question.QuerySelector("form[data-offline-answer]")!.GetAttribute("data-next").ShouldBe($"/Learning/Quiz/Attempts/{attempt.Id}?q=2");
        question.QuerySelector("#learning-offline")!.GetAttribute("data-attempt").ShouldBe(attempt.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var lesson = await client.GetPageAsync(OfflineDevice.LessonPath(untimed.Programme, untimed.Lesson));
        lesson.QuerySelector($"a[href='/Learning/Quiz/Attempts/{attempt.Id}']")!.TextContent.ShouldBe("Resume the attempt");
        var timedLesson = await timedClient.GetPageAsync(OfflineDevice.LessonPath(timed.Programme, timed.Lesson));
        timedLesson.Body!.TextContent.ShouldContain("A quiz with a time limit needs a connection: it cannot be answered offline.");
        timedLesson.QuerySelector($"form[action='/Learning/Quiz/{timed.Quiz}'] button")!.TextContent.ShouldBe("Start the quiz");
    }

    [Fact]
    public async Task AnswersAndSubmissionMadeOffline_AreGradedOnce_DatedOnThePhone_AndAReplayChangesNothing()
    {
        var q = await UntimedQuizLessonAsync();
        using var client = await app.SignInAsEmployeeAsync(q.Learner);
        await KeepAsync(client, q.Programme);
        var attempt = await OpenAttemptAsync(q.Quiz, q.Learner.Id);
        await Task.Delay(1500); // the phone's moments lie between the attempt's start and now
        var start = attempt.StartedAtUtc;
        DateTime At(int ms) => DateTime.SpecifyKind(start.AddMilliseconds(ms), DateTimeKind.Utc);
        object[] batch = [Answer(Key(), attempt.Id, 1, "0", At(300)), Answer(Key(), attempt.Id, 2, "0", At(600)), Submit(Key(), attempt.Id, At(900))];

        var first = await SyncAsync(client, batch);
        var graded = await app.ReadAttemptAsync(attempt.Id, q.Learner.Id);
        var replay = await SyncAsync(client, batch);
        var again = await app.ReadAttemptAsync(attempt.Id, q.Learner.Id);

        first.Select(r => (r.Status, r.Outcome)).ShouldBe([(200, "saved"), (200, "saved"), (200, "graded")]);
        graded!.Passed.ShouldBe(true);
        graded.ScorePercent.ShouldBe(100m);
        graded.SubmittedAtUtc!.Value.ShouldBe(At(900), TimeSpan.FromMilliseconds(5));
        var saved = graded.Slots.OrderBy(s => s.Position).Select(s => s.SavedAtUtc!.Value).ToList();
        saved[0].ShouldBe(At(300), TimeSpan.FromMilliseconds(5));
        saved[1].ShouldBe(At(600), TimeSpan.FromMilliseconds(5));
        replay.Select(r => (r.Status, r.Outcome)).ShouldBe([(200, "superseded"), (200, "superseded"), (200, "graded")]);
        again!.SubmittedAtUtc.ShouldBe(graded.SubmittedAtUtc);
        // Passing did the quiz's lesson, dated when the phone submitted.
        var (lesson, learner) = (q.Lesson, q.Learner.Id);
        var done = await app.DbAsync(db =>
        {
            var attempts = db.CourseAttempts;
            return db.LessonSteps.Where(s => s.LessonKey == lesson && s.DoneAtUtc != null && attempts.Any(a => a.Id == s.AttemptId && a.EmployeeId == learner))
                .Select(s => s.DoneAtUtc).ToListAsync();
        });
        done.ShouldHaveSingleItem()!.Value.ShouldBe(At(900), TimeSpan.FromSeconds(1));
        (await app.DbAsync(db => db.QuizAttempts.CountAsync(a => a.QuizId == q.Quiz))).ShouldBe(1);
    }

    [Fact]
    public async Task AnAnswerMadeOfflineBeforeOneSavedOnline_DoesNotReplaceIt_ALaterOneDoes()
    {
        var q = await UntimedQuizLessonAsync();
        using var client = await app.SignInAsEmployeeAsync(q.Learner);
        await KeepAsync(client, q.Programme);
        var attempt = await OpenAttemptAsync(q.Quiz, q.Learner.Id);
        (await app.AnswerAsync(attempt.Id, q.Learner.Id, 1, Right)).Outcome.ShouldBe(AnswerOutcome.Saved);

        var older = await SyncAsync(client, Answer(Key(), attempt.Id, 1, "1", attempt.StartedAtUtc));
        var kept = await app.ReadAttemptAsync(attempt.Id, q.Learner.Id);
        await Task.Delay(1200);
        var newer = await SyncAsync(client, Answer(Key(), attempt.Id, 1, "1", DateTime.UtcNow.AddMilliseconds(-300)));
        var replaced = await app.ReadAttemptAsync(attempt.Id, q.Learner.Id);

        older.Single().Outcome.ShouldBe("superseded");
        FrozenQuestion.ResponseOf(kept!.Slots.Single(s => s.Position == 1).Response)!.Chosen.ShouldBe([0]);
        newer.Single().Outcome.ShouldBe("saved");
        FrozenQuestion.ResponseOf(replaced!.Slots.Single(s => s.Position == 1).Response)!.Chosen.ShouldBe([1]);
    }

    [Fact]
    public async Task QuizActionsThatCannotCount_AreRefused_WithWhatAndWhy()
    {
        var untimed = await UntimedQuizLessonAsync();
        var timed = await UntimedQuizLessonAsync(minutes: 10);
        using var client = await app.SignInAsEmployeeAsync(untimed.Learner);
        using var timedClient = await app.SignInAsEmployeeAsync(timed.Learner);
        await KeepAsync(client, untimed.Programme);
        var attempt = await OpenAttemptAsync(untimed.Quiz, untimed.Learner.Id);
        var timedAttempt = (await app.StartAsync(timed.Quiz, timed.Learner.Id)).Attempt!;
        var now = DateTime.UtcNow;

        var results = await SyncAsync(client,
            new { key = Key(), type = SyncProgress.QuizAnswer, attemptId = attempt.Id, position = 1, answer = new Dictionary<string, string[]> { ["chosen"] = ["0"] } },
            new { key = Key(), type = "quiz-skip", attemptId = attempt.Id, doneAt = now },
            Answer(Key(), attempt.Id, 9, "0", now),
            Answer(Key(), attempt.Id, 1, "99", now),
            Answer(Key(), timedAttempt.Id, 1, "0", now));
        var timedResults = await SyncAsync(timedClient, Answer(Key(), timedAttempt.Id, 1, "0", now), Submit(Key(), timedAttempt.Id, now));
        await app.SubmitAsync(attempt.Id, untimed.Learner.Id);
        var afterSubmit = await SyncAsync(client, Answer(Key(), attempt.Id, 2, "0", DateTime.UtcNow));

        results.Select(r => (r.Status, r.Outcome)).ShouldBe([(400, "invalid"), (400, "invalid"), (404, "not-found"), (400, "invalid"), (404, "not-found")]);
        results[0].Problem.ShouldBe("doneAt: required for a quiz action (when it happened on the phone).");
        results[1].Problem!.ShouldStartWith("type: 'quiz-skip' is not one of");
        results[2].Problem.ShouldBe($"position: attempt {attempt.Id} has no question 9.");
        results[3].Problem!.ShouldStartWith("answer (question 1): ");
        results[4].Problem.ShouldBe($"attemptId: {timedAttempt.Id} is not an attempt of yours.");
        timedResults.Select(r => (r.Status, r.Outcome)).ShouldBe([(409, "needs-connection"), (409, "needs-connection")]);
        (await app.ReadAttemptAsync(timedAttempt.Id, timed.Learner.Id))!.SubmittedAtUtc.ShouldBeNull();
        afterSubmit.Single().ShouldBe(new OfflineResult(afterSubmit.Single().Key, 409, "closed", $"Attempt {attempt.Id} was submitted before this answer arrived; it was not changed."));
        (await app.ReadAttemptAsync(attempt.Id, untimed.Learner.Id))!.Slots.ShouldAllBe(s => s.Response == null);
    }
}

public sealed class OfflineQuizSqliteTests(SqliteApp app) : OfflineQuizTests(app), IClassFixture<SqliteApp>;

public sealed class OfflineQuizPostgresTests(PostgresApp app) : OfflineQuizTests(app), IClassFixture<PostgresApp>;
