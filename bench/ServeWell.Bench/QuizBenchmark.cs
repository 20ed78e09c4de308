using ServeWell.Web.Modules.Learning.Checks;
using ServeWell.Web.Modules.Training.KnowledgeChecks;
using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServeWell.Web.Modules.Learning.Bank;
using ServeWell.Web.Modules.Learning.Courses;
using ServeWell.Web.Modules.Learning.Quizzes;
using ServeWell.Web.Modules.Training.Completions;
using ServeWell.Web.Platform.City;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Bench;

/// <summary>
/// Quizzes at the learning benchmark's size (ADR-049): a quiz drawing 2 questions from each of the bank's ten categories
/// (20 of 5,000), a lesson of the course all learners study. Measured: <b>starting</b> an attempt as the quiz page does
/// (<see cref="QuizAccess.CanTakeAsync"/>, then <see cref="TakeQuiz.StartAsync"/>: the draw, 20 questions frozen, one
/// attempt and 20 slots saved) and <b>grading</b> one (<see cref="TakeQuiz.SubmitAsync"/> on an attempt whose 20 answers
/// are saved), each for distinct learners with a new DbContext per call. Floors in the same run, plain SQL on one open
/// connection: for the start, the same reads (enrolments, course versions, quiz, draws, the categories' question ids,
/// 20 questions with their answers) and the same writes (one attempt row, 20 slot rows, one transaction); for grading,
/// the attempt's slots read and the 21 rows updated in one transaction.
/// </summary>
internal static class QuizBenchmark
{
    public const int PerCategory = 2;

    /// <summary>The floor's attempt numbers: unique, as the attempts' (quiz, learner, number) index asks, however often a learner is used.</summary>
    private static int _floorNumber;

    public static async Task<int> CreateAsync(BenchDatabase database, int topCategory)
    {
        await using var db = database.NewContext();
        var categories = await db.Set<QuestionCategory>().Where(c => c.ParentId == topCategory).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync();
        var now = DateTime.UtcNow.AddDays(-30);
        var quiz = new Quiz { Title = LocalText.Of("Bench quiz", "벤치 퀴즈"), Owner = "bench", PassPercent = 60, Review = QuizReview.Feedback, CreatedAtUtc = now, UpdatedAtUtc = now };
        quiz.Draws.AddRange(categories.Select(c => new QuizDraw { CategoryId = c, Count = PerCategory }));
        db.Quizzes.Add(quiz);
        await db.SaveChangesAsync();
        return quiz.Id;
    }

    public static async Task<string> RunAsync(BenchDatabase database, int quizId, IReadOnlyList<int> employees, int calls)
    {
        var random = new Random(49);
        var learners = employees.OrderBy(_ => random.Next()).Take(calls * 2 + 2).ToList();
        var (starters, floorStarters) = (learners.Take(calls + 1).ToList(), learners.Skip(calls + 1).ToList());
        var attempts = new List<(long Attempt, int Employee)>();
        var start = await LearningBenchmark.TimeEachAsync(starters, async employee =>
        {
            await using var db = database.NewContext();
            if (!await new QuizAccess(db).CanTakeAsync(employee, quizId, CancellationToken.None))
            {
                throw new InvalidOperationException("The learner may not take the quiz.");
            }

            var result = await Take(db).StartAsync(quizId, employee, CancellationToken.None);
            attempts.Add((result.Attempt?.Id ?? throw new InvalidOperationException($"No attempt: {result.Outcome}"), employee));
        });

        await using var connection = database.NewConnection();
        await connection.OpenAsync();
        var startFloor = await LearningBenchmark.TimeEachAsync(floorStarters, employee => StartFloorAsync(connection, quizId, employee));

        // Every answer saved (the first option, whatever it is), then the submit timed: grading is the submit.
        await using (var db = database.NewContext())
        {
            foreach (var (attempt, employee) in attempts)
            {
                var take = Take(db);
                for (var position = 1; position <= 10 * PerCategory; position++)
                {
                    await take.AnswerAsync(attempt, employee, position, QuestionResponse.Choose(0), CancellationToken.None);
                }

                db.ChangeTracker.Clear();
            }
        }

        var grade = await LearningBenchmark.TimeEachAsync(attempts, async a =>
        {
            await using var db = database.NewContext();
            _ = await Take(db).SubmitAsync(a.Attempt, a.Employee, CancellationToken.None) ?? throw new InvalidOperationException("No attempt to grade.");
        });
        var floorAttempts = await FloorAttemptsAsync(connection, quizId, floorStarters);
        var gradeFloor = await LearningBenchmark.TimeEachAsync(floorAttempts, a => GradeFloorAsync(connection, a));

        return string.Create(CultureInfo.InvariantCulture,
            $"| quiz (20 of the bank's questions) | start p50 {start.P50:F1} ms, **p95 {start.P95:F1} ms** ({calls} learners) | raw p95 {startFloor.P95:F2} ms | **{start.P95 / startFloor.P95:F1}×** "
            + $"| grade p50 {grade.P50:F1} ms, **p95 {grade.P95:F1} ms** | raw p95 {gradeFloor.P95:F2} ms | **{grade.P95 / gradeFloor.P95:F1}×** |");
    }

    private static TakeQuiz Take(ServeWellDbContext db)
    {
        var cycles = new ProgrammeCycles(db, new CityClock(Options.Create(new CityOptions()), TimeProvider.System), TimeProvider.System);
        // Only the last lesson completes a course; the bench's learners have 40 lessons to go, so completion is never reached.
        var study = new StudyCourse(db, new RecordSelfStudy(db, cycles, null!, TimeProvider.System), TimeProvider.System);
        // The bench's quiz is no programme's knowledge check, so the check ledger only looks (one read) and records nothing.
        var checks = new CheckAttempts(new TakeKnowledgeCheck(db, null!, cycles, null!));
        return new TakeQuiz(db, new QuizLessonCompletion(db, study), checks, TimeProvider.System);
    }

    /// <summary>The start's reads and writes as plain SQL: the floor.</summary>
    private static async Task StartFloorAsync(DbConnection connection, int quizId, int employeeId)
    {
        var e = employeeId.ToString(CultureInfo.InvariantCulture);
        var q = quizId.ToString(CultureInfo.InvariantCulture);
        await LearningBenchmark.ReadAllAsync(connection, $"""SELECT c."Id" FROM "enrolments" e JOIN "programmes" p ON p."Id" = e."ProgrammeId" JOIN "learn_courses" c ON c."ProgrammeId" = p."Id" WHERE e."EmployeeId" = {e}""");
        await LearningBenchmark.ReadAllAsync(connection, $"""SELECT "CourseVersionId" FROM "learn_course_attempts" WHERE "EmployeeId" = {e}""");
        await LearningBenchmark.ReadAllAsync(connection, """SELECT "Content" FROM "learn_course_versions" ORDER BY "Id" DESC LIMIT 1""");
        await LearningBenchmark.ReadAllAsync(connection, $"""SELECT * FROM "learn_quizzes" WHERE "Id" = {q}""");
        var categories = await Sql.IntsAsync(connection, $"""SELECT "CategoryId" FROM "learn_quiz_draws" WHERE "QuizId" = {q}""");
        await LearningBenchmark.ReadAllAsync(connection, $"""SELECT "Id" FROM "learn_quiz_attempts" WHERE "OpenQuizId" = {q} AND "EmployeeId" = {e}""");
        await LearningBenchmark.ReadAllAsync(connection, $"""SELECT COUNT(*) FROM "learn_quiz_attempts" WHERE "QuizId" = {q} AND "EmployeeId" = {e}""");
        var picked = new List<int>();
        foreach (var c in categories)
        {
            var ids = await Sql.IntsAsync(connection, $"""SELECT "Id" FROM "questions" WHERE "CategoryId" = {c.ToString(CultureInfo.InvariantCulture)}""");
            picked.AddRange(ids.OrderBy(_ => Random.Shared.Next()).Take(PerCategory));
        }

        var list = string.Join(',', picked.Select(i => i.ToString(CultureInfo.InvariantCulture)));
        await LearningBenchmark.ReadAllAsync(connection, $"""SELECT q.*, o.* FROM "questions" q LEFT JOIN "question_options" o ON o."QuestionId" = q."Id" WHERE q."Id" IN ({list})""");
        await using var tx = await connection.BeginTransactionAsync();
        var now = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        var attempt = await Sql.ScalarAsync(connection, tx, $"""
            INSERT INTO "learn_quiz_attempts" ("QuizId", "EmployeeId", "Number", "StartedAtUtc", "ClosedByDeadline", "PassPercent", "Review", "OpenQuizId")
            VALUES ({q}, {e}, {Interlocked.Increment(ref _floorNumber)}, '{now}', FALSE, 60, 'Feedback', NULL) RETURNING "Id"
            """);
        var json = "'" + new string('x', 1500) + "'"; // a frozen question is about this size
        await Sql.ExecuteAsync(connection, tx, $"""
            INSERT INTO "learn_quiz_slots" ("AttemptId", "Position", "QuestionId", "Question", "OptionOrder")
            VALUES {string.Join(',', picked.Select((id, i) => string.Create(CultureInfo.InvariantCulture, $"({attempt}, {i + 1}, {id}, {json}, '0,1,2,3')")))}
            """);
        await tx.CommitAsync();
    }

    private static async Task<List<long>> FloorAttemptsAsync(DbConnection connection, int quizId, IReadOnlyList<int> employees)
    {
        var list = string.Join(',', employees.Select(e => e.ToString(CultureInfo.InvariantCulture)));
        return await Sql.LongsAsync(connection, $"""SELECT "Id" FROM "learn_quiz_attempts" WHERE "QuizId" = {quizId.ToString(CultureInfo.InvariantCulture)} AND "EmployeeId" IN ({list})""");
    }

    /// <summary>Grading's reads and writes as plain SQL: the attempt and its slots read, the slots' marks and the attempt updated in one transaction.</summary>
    private static async Task GradeFloorAsync(DbConnection connection, long attemptId)
    {
        var a = attemptId.ToString(CultureInfo.InvariantCulture);
        await LearningBenchmark.ReadAllAsync(connection, $"""SELECT * FROM "learn_quiz_attempts" WHERE "Id" = {a}""");
        var slots = await Sql.LongsAsync(connection, $"""SELECT "Id" FROM "learn_quiz_slots" WHERE "AttemptId" = {a}""");
        await using var tx = await connection.BeginTransactionAsync();
        await Sql.ExecuteAsync(connection, tx, $"""UPDATE "learn_quiz_attempts" SET "SubmittedAtUtc" = "StartedAtUtc", "ScorePercent" = 50, "Passed" = FALSE, "OpenQuizId" = NULL WHERE "Id" = {a} AND "SubmittedAtUtc" IS NULL""");
        foreach (var slot in slots)
        {
            await Sql.ExecuteAsync(connection, tx, $"""UPDATE "learn_quiz_slots" SET "Fraction" = 1 WHERE "Id" = {slot.ToString(CultureInfo.InvariantCulture)}""");
        }

        await tx.CommitAsync();
    }
}

/// <summary>The few plain-SQL steps the quiz floors need, on one open connection.</summary>
internal static class Sql
{
    public static async Task<List<int>> IntsAsync(DbConnection connection, string sql) =>
        [.. (await LongsAsync(connection, sql)).Select(v => (int)v)];

    public static async Task<List<long>> LongsAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<long>();
        while (await reader.ReadAsync())
        {
            values.Add(Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture));
        }

        return values;
    }

    public static async Task<long> ScalarAsync(DbConnection connection, DbTransaction transaction, string sql)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    public static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
