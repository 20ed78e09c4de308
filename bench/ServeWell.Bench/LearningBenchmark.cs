using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServeWell.Web.Modules.Demo;
using ServeWell.Web.Modules.Learning.Bank;
using ServeWell.Web.Modules.Learning.Courses;
using ServeWell.Web.Modules.Training.Audiences;
using ServeWell.Web.Modules.Training.Completions;
using ServeWell.Web.Modules.Training.Programmes;
using ServeWell.Web.Platform.City;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Bench;

/// <summary>
/// Learning at a city's size (ADR-046): a self-study course of 50 lessons, N enrolled learners (10,000 by default) each
/// with an attempt and ten lessons behind them, and a question bank of Q questions (5,000) in ten categories.
/// Measured: a learner opening a lesson (<see cref="StudyCourse.OpenLessonAsync"/> plus the lesson's Markdown, as the
/// lesson page does, a new DbContext per call), the bank page for one category (500 questions), and the whole bank
/// exported as Moodle XML. Each beside its floor in the same run: the same reads as plain prepared SELECTs on one open
/// connection (the lesson: enrolment, programme, course, attempt, version content, steps; the bank: the same rows read
/// through a data reader), with no writes, no mapping and no rendering.
/// </summary>
internal static class LearningBenchmark
{
    public const int Lessons = 50;

    private const int LessonsBehind = 10;

    private const int Categories = 10;

    public static async Task RunAsync(string label, BenchDatabase database, int learners, int questions, int calls)
    {
        await ImportBenchmark.SeedAsync(database);
        await ImportBenchmark.ImportRosterAsync(database, learners);
        var top = await BankAsync(database, questions);
        var quizId = await QuizBenchmark.CreateAsync(database, top);
        var (programmeId, courseId, keys) = await CourseAsync(database, quizId);
        if ((await AudienceBenchmark.SyncAsync(database, programmeId)).Invited != learners)
        {
            throw new InvalidOperationException("Not everyone was enrolled.");
        }

        await ProgressAsync(database, programmeId, courseId, keys);

        var random = new Random(14);
        var employees = await EmployeesAsync(database);
        var picks = Enumerable.Range(0, calls).Select(_ => (employees[random.Next(employees.Count)], keys[random.Next(keys.Count)])).ToList();
        var open = await TimeEachAsync(picks, async p =>
        {
            await using var db = database.NewContext();
            var view = await Study(db).OpenLessonAsync(programmeId, p.Item1, p.Item2, CancellationToken.None)
                ?? throw new InvalidOperationException("The lesson did not open.");
            _ = LessonMarkdown.ToHtml(view.Content.Find(p.Item2)!.Body.Ko);
        });
        await using var connection = database.NewConnection();
        await connection.OpenAsync();
        var floor = await TimeEachAsync(picks, p => LessonReadsAsync(connection, programmeId, courseId, p.Item1));

        var category = await FirstCategoryAsync(database, top);
        var pageCalls = Math.Max(3, calls / 20);
        var page = await TimeEachAsync(Enumerable.Range(0, pageCalls).ToList(), async _ =>
        {
            await using var db = database.NewContext();
            var model = new ServeWell.Web.Modules.Learning.Bank.IndexModel(db) { Category = category };
            await model.OnGetAsync(CancellationToken.None);
        });
        var pageFloor = await TimeEachAsync(Enumerable.Range(0, pageCalls).ToList(), _ => ReadAllAsync(connection, $"""SELECT * FROM "questions" WHERE "CategoryId" = {category} ORDER BY "Id" LIMIT 500"""));

        var exportCalls = Math.Max(2, calls / 100);
        var size = 0;
        var export = await TimeEachAsync(Enumerable.Range(0, exportCalls).ToList(), async _ =>
        {
            await using var db = database.NewContext();
            var (bytes, _, _) = await new QuestionBankStore(db, Options.Create(new QuestionBankOptions())).ExportAsync(null, BankFormat.Xml, "ko", CancellationToken.None);
            size = bytes.Length;
        });
        var exportFloor = await TimeEachAsync(Enumerable.Range(0, exportCalls).ToList(), _ => ReadAllAsync(connection,
            """SELECT q.*, o.* FROM "questions" q LEFT JOIN "question_options" o ON o."QuestionId" = q."Id" ORDER BY q."CategoryId", q."Id", o."Position" """));

        var s = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(s,
            $"| {label} | {learners:N0} learners, {Lessons} lessons, {questions:N0} questions | open a lesson p50 {open.P50:F1} ms, **p95 {open.P95:F1} ms** ({calls} calls) | raw reads p95 {floor.P95:F2} ms | **{open.P95 / floor.P95:F1}×** "
            + $"| bank page (500 questions) p95 {page.P95:F1} ms | raw p95 {pageFloor.P95:F2} ms | **{page.P95 / pageFloor.P95:F1}×** "
            + $"| export Moodle XML ({size / 1024:N0} KB) p50 {export.P50:F0} ms | raw p50 {exportFloor.P50:F1} ms | **{export.P50 / exportFloor.P50:F1}×** |"));
        Console.WriteLine($"| {label} " + await QuizBenchmark.RunAsync(database, quizId, employees, calls));
    }

    internal sealed record Stat(double P50, double P95);

    internal static async Task<Stat> TimeEachAsync<T>(IReadOnlyList<T> items, Func<T, Task> work)
    {
        await work(items[0]); // warm-up: the first call pays for JIT and the connection
        var times = new List<double>(items.Count);
        foreach (var item in items)
        {
            var clock = Stopwatch.StartNew();
            await work(item);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        double At(double q) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(q * times.Count) - 1)];
        return new Stat(At(0.5), At(0.95));
    }

    private static StudyCourse Study(ServeWellDbContext db)
    {
        var cycles = new ProgrammeCycles(db, new CityClock(Options.Create(new CityOptions()), TimeProvider.System), TimeProvider.System);
        // Opening a lesson never completes anything, so the completion service is not needed on this path.
        return new StudyCourse(db, new RecordSelfStudy(db, cycles, null!, TimeProvider.System), TimeProvider.System);
    }

    /// <summary>
    /// A self-study programme for everyone and its course, 5 sections of 10 lessons of about 2,000 characters each and,
    /// last, a lesson that is the bench's quiz (ADR-049: a quiz is taken as a lesson of one's course), published.
    /// </summary>
    private static async Task<(int ProgrammeId, int CourseId, List<int> Keys)> CourseAsync(BenchDatabase database, int quizId)
    {
        await using var db = database.NewContext();
        var now = DateTime.UtcNow.AddDays(-30);
        var programme = new Programme
        {
            Title = LocalText.Of("Bench self-study", "벤치 자율학습"), Delivery = Delivery.SelfStudy, Hours = 10, Audience = new AudienceRule(),
            Completion = CompletionRules.For(Delivery.SelfStudy, true), CreatedAt = now, UpdatedAt = now,
        };
        db.Programmes.Add(programme);
        await db.SaveChangesAsync();
        var course = new Course { ProgrammeId = programme.Id, CreatedAt = now, DraftUpdatedAt = now };
        var sample = DemoSelfStudyCourse.Sections.SelectMany(x => x.Lessons).ToList();
        for (var s = 0; s < Lessons / 10; s++)
        {
            var section = new CourseSection { Title = LocalText.Of($"Section {s + 1}", $"{s + 1}부"), Order = s + 1 };
            for (var l = 0; l < 10; l++)
            {
                var text = sample[(s * 10 + l) % sample.Count];
                section.Lessons.Add(new CourseLesson { Title = text.Title, Body = text.Body, Minutes = 8, Order = l + 1 });
            }

            course.Sections.Add(section);
        }

        course.Sections[^1].Lessons.Add(new CourseLesson { Title = LocalText.Of("Check yourself", "스스로 점검"), Body = LocalText.Empty, Minutes = 15, Order = 11, Kind = LessonKind.Quiz, QuizId = quizId });
        db.Courses.Add(course);
        await db.SaveChangesAsync();
        var content = CourseContent.Of(course);
        db.CourseVersions.Add(new CourseVersion
        {
            CourseId = course.Id, Number = 1, Content = content.ToJson(), LessonCount = Lessons + 1, Minutes = content.Minutes, PublishedAtUtc = now, PublishedBy = "bench",
        });
        await db.SaveChangesAsync();
        return (programme.Id, course.Id, content.Lessons.Select(l => l.Key).ToList());
    }

    /// <summary>Every learner started version 1 and finished its first ten lessons: one attempt each and ten steps, by INSERT … SELECT.</summary>
    private static async Task ProgressAsync(BenchDatabase database, int programmeId, int courseId, List<int> keys)
    {
        await using var db = database.NewContext();
        var programme = await db.Programmes.AsNoTracking().SingleAsync(p => p.Id == programmeId);
        var cycle = (await new ProgrammeCycles(db, new CityClock(Options.Create(new CityOptions()), TimeProvider.System), TimeProvider.System).CurrentAsync(programme, CancellationToken.None)).Number;
        var version = await db.CourseVersions.Where(v => v.CourseId == courseId).Select(v => v.Id).SingleAsync();
        var started = DateTime.UtcNow.AddDays(-10);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "learn_course_attempts" ("CourseId", "CourseVersionId", "EmployeeId", "Cycle", "StartedAtUtc", "LastLessonKey", "LastOpenedAtUtc")
            SELECT {courseId}, {version}, "EmployeeId", {cycle}, {started}, {keys[LessonsBehind - 1]}, {started} FROM "enrolments" WHERE "ProgrammeId" = {programmeId}
            """);
        foreach (var key in keys.Take(LessonsBehind))
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "learn_lesson_steps" ("AttemptId", "LessonKey", "FirstOpenedAtUtc", "DoneAtUtc", "SecondsSpent")
                SELECT "Id", {key}, {started}, {started.AddMinutes(8)}, 480 FROM "learn_course_attempts" WHERE "CourseId" = {courseId}
                """);
        }
    }

    /// <summary>Q questions in ten categories under one top category: the demo bank's 24 questions of all six types, over and over.</summary>
    private static async Task<int> BankAsync(BenchDatabase database, int questions)
    {
        await using var db = database.NewContext();
        var top = new QuestionCategory { Name = LocalText.Of("Bench", "벤치") };
        var categories = Enumerable.Range(1, Categories).Select(i => new QuestionCategory { Name = LocalText.Of($"Category {i}", $"분류 {i}"), Parent = top }).ToList();
        var samples = DemoQuestionBank.Categories.SelectMany(c => c.Questions).ToList();
        db.Set<QuestionCategory>().Add(top);
        db.Set<QuestionCategory>().AddRange(categories);
        db.Set<Question>().AddRange(Enumerable.Range(0, questions).Select(i =>
            Question.From(samples[i % samples.Count] with { Name = string.Create(CultureInfo.InvariantCulture, $"q{i:D5}") }, categories[i % Categories])));
        await db.SaveChangesAsync();
        return top.Id;
    }

    private static async Task<List<int>> EmployeesAsync(BenchDatabase database)
    {
        await using var db = database.NewContext();
        return await db.Enrolments.Select(e => e.EmployeeId).ToListAsync();
    }

    private static async Task<int> FirstCategoryAsync(BenchDatabase database, int top)
    {
        await using var db = database.NewContext();
        return await db.Set<QuestionCategory>().Where(c => c.ParentId == top).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
    }

    /// <summary>The reads a lesson opening needs, as plain SELECTs: the floor the page is compared with.</summary>
    private static async Task LessonReadsAsync(DbConnection connection, int programmeId, int courseId, int employeeId)
    {
        var p = programmeId.ToString(CultureInfo.InvariantCulture);
        var e = employeeId.ToString(CultureInfo.InvariantCulture);
        await ReadAllAsync(connection, $"""SELECT "Id", "State" FROM "enrolments" WHERE "ProgrammeId" = {p} AND "EmployeeId" = {e}""");
        await ReadAllAsync(connection, $"""SELECT * FROM "programmes" WHERE "Id" = {p}""");
        await ReadAllAsync(connection, $"""SELECT * FROM "learn_courses" WHERE "ProgrammeId" = {p}""");
        var attempt = "0";
        var version = "0";
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"""SELECT "Id", "CourseVersionId" FROM "learn_course_attempts" WHERE "CourseId" = {courseId} AND "EmployeeId" = {e}""";
            await using var reader = await command.ExecuteReaderAsync();
            if (await reader.ReadAsync())
            {
                attempt = reader.GetInt32(0).ToString(CultureInfo.InvariantCulture);
                version = reader.GetInt32(1).ToString(CultureInfo.InvariantCulture);
            }
        }

        await ReadAllAsync(connection, $"""SELECT "Content" FROM "learn_course_versions" WHERE "Id" = {version}""");
        await ReadAllAsync(connection, $"""SELECT * FROM "learn_lesson_steps" WHERE "AttemptId" = {attempt}""");
    }

    internal static async Task ReadAllAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new object[reader.FieldCount];
        while (await reader.ReadAsync())
        {
            reader.GetValues(values); // every value read, as a mapper would, none kept
        }
    }
}
