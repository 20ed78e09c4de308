using System.Text;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Demo;
using ServeWell.Web.Modules.Learning.Bank;
using ServeWell.Web.Modules.Learning.Courses;
using ServeWell.Web.Modules.Learning.Quizzes;
using ServeWell.Web.Modules.People.Employees;
using ServeWell.Web.Modules.Training;
using ServeWell.Web.Modules.Training.Enrolments;
using ServeWell.Web.Modules.Training.Programmes;
using ServeWell.Web.Platform.City;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;

namespace ServeWell.Web.Tests.Seeding;

/// <summary>
/// The demo city's self-study programme (ADR-046), read back after a real start: everyone enrolled by the rule, due a week
/// ago; a published course in both languages; learners part-way at plausible city times; finishers completed with
/// certificates; the question bank's categories for a quiz; and a second start that adds nothing.
/// </summary>
public abstract class DemoSelfStudyTests(AppHost app)
{
    [Fact]
    public async Task Programme_EnrolsEveryone_DueAWeekAgo_WithAPublishedCourseInBothLanguages()
    {
        var programme = await ProgrammeAsync();
        var today = await app.UseAsync<CityClock, DateOnly>(c => Task.FromResult(c.Today));
        programme.Delivery.ShouldBe(Delivery.SelfStudy);
        programme.DueDate.ShouldBe(today.AddDays(-DemoSelfStudy.DaysOverdue));
        programme.Title.Ko.ShouldNotBeNullOrWhiteSpace();
        var active = await app.DbAsync(db => db.Employees.CountAsync(e => e.Status != EmployeeStatus.Left));
        (await app.DbAsync(db => db.Enrolments.CountAsync(e => e.ProgrammeId == programme.Id && e.State != EnrolmentState.Withdrawn))).ShouldBe(active);

        var version = await app.DbAsync(db => db.CourseVersions.AsNoTracking().Join(db.Courses.Where(c => c.ProgrammeId == programme.Id), v => v.CourseId, c => c.Id, (v, c) => v).SingleAsync());
        var content = CourseContent.FromJson(version.Content);
        content.Sections.Count.ShouldBe(3);
        content.Sections.ShouldAllBe(s => s.Lessons.Count >= 3 && s.Title.Ko != "" && s.Title.En != "");
        content.Lessons.Where(l => l.Kind == LessonKind.Text).ShouldAllBe(l => l.Body.Ko.Length > 300 && l.Body.En.Length > 300 && l.Minutes > 0);
        content.Lessons.Count(l => l.Kind == LessonKind.Quiz).ShouldBe(1);
        LessonMarkdown.ToHtml(content.Lessons.First(l => l.Body.En.Contains('|')).Body.Ko).ShouldContain("<table>");
    }

    [Fact]
    public async Task Learners_ArePartWayAtCityTimes_OrCompletedWithCertificates_AndTheDemoEmployeeCanResume()
    {
        var programme = await ProgrammeAsync();
        var now = DateTime.UtcNow;
        var attempts = await app.DbAsync(db =>
        {
            var courses = db.Courses;
            return db.CourseAttempts.AsNoTracking().Where(a => courses.Any(c => c.Id == a.CourseId && c.ProgrammeId == programme.Id)).ToListAsync();
        });
        var ids = attempts.Select(a => a.Id).ToList();
        var steps = await app.DbAsync(db => db.LessonSteps.AsNoTracking().Where(s => ids.Contains(s.AttemptId)).ToListAsync());
        attempts.Count.ShouldBeInRange(250, DemoSelfStudy.Starters);
        var finished = attempts.Where(a => a.CompletedAtUtc != null).ToList();
        finished.Count.ShouldBeInRange(DemoSelfStudy.Finishers / 2, DemoSelfStudy.Finishers);
        (attempts.Count - finished.Count).ShouldBeGreaterThan(150);
        steps.ShouldAllBe(s => s.FirstOpenedAtUtc < now && (s.DoneAtUtc == null || (s.DoneAtUtc < now && s.DoneAtUtc >= s.FirstOpenedAtUtc)));

        // Opened at moments people study: 09:00 to 22:30 in the city's zone, mostly on weekdays.
        var city = await app.UseAsync<CityClock, CityClock>(c => Task.FromResult(c));
        var local = steps.Select(s => city.Local(new DateTimeOffset(DateTime.SpecifyKind(s.FirstOpenedAtUtc, DateTimeKind.Utc)))).ToList();
        local.ShouldAllBe(t => t.TimeOfDay >= TimeSpan.FromHours(9) && t.TimeOfDay <= TimeSpan.FromHours(22.6));
        local.Count(t => t.DayOfWeek == DayOfWeek.Saturday || t.DayOfWeek == DayOfWeek.Sunday).ShouldBeLessThan(local.Count / 5);

        // Finishers went through Training's completion: evidence, completion dated by the last lesson, certificate.
        var completions = await app.DbAsync(db => db.Completions.AsNoTracking().Where(c => c.ProgrammeId == programme.Id).ToListAsync());
        completions.Select(c => c.EmployeeId).Order().ShouldBe(finished.Select(a => a.EmployeeId).Order());
        completions.ShouldAllBe(c => c.CompletedAtUtc == finished.Single(a => a.EmployeeId == c.EmployeeId).CompletedAtUtc);
        (await app.DbAsync(db => db.Certificates.CountAsync(c => c.ProgrammeId == programme.Id))).ShouldBe(completions.Count);

        using var employee = await app.SignInAsRoleAsync(Roles.Employee);
        var mine = await employee.GetPageAsync("/Learning?lang=en");
        mine.Text("main").ShouldContain(DemoSelfStudy.ProgrammeTitle);
        mine.Text("main").ShouldContain("3 of 10 lessons done");
    }

    [Fact]
    public async Task QuestionBank_HasACategoryPerCompetency_TwentyFourWholeQuestionsOfEveryType_InBothLanguages()
    {
        var categories = await app.DbAsync(db => db.Set<QuestionCategory>().AsNoTracking().ToListAsync());
        var top = categories.Single(c => c.Name.En == DemoQuestionBank.Top.En && c.ParentId == null);
        var children = categories.Where(c => c.ParentId == top.Id).ToList();
        children.Count.ShouldBe(6);
        children.ShouldAllBe(c => c.CompetencyId != null && c.Name.Ko != "");
        var childIds = children.Select(c => c.Id).ToList();
        var questions = await app.DbAsync(db => db.Set<Question>().AsNoTracking().Include(q => q.Options).Where(q => childIds.Contains(q.CategoryId)).ToListAsync());
        questions.Count.ShouldBeGreaterThanOrEqualTo(24);
        questions.Select(q => q.Type).Distinct().Count().ShouldBe(Enum.GetValues<QuestionType>().Length);
        questions.ShouldAllBe(q => q.Text.Ko != "" && q.Text.En != "" && q.GeneralFeedback.Ko != "" && q.GeneralFeedback.En != "");
        questions.SelectMany(q => BankRules.Check(q.ToBank([]))).ShouldBeEmpty();

        // The bank's own formats take them: exported as Moodle XML, the file reads back whole.
        var (bytes, _, _) = await app.UseAsync<QuestionBankStore, (byte[], string, string)>(s => s.ExportAsync(top.Id, BankFormat.Xml, "ko", CancellationToken.None));
        var read = await app.UseAsync<QuestionBankStore, BankReadResult>(s => Task.FromResult(s.Read(bytes, BankFormat.Xml, "ko")));
        read.Problems.ShouldBeEmpty();
        read.File.Questions.Count.ShouldBe(questions.Count);
        Encoding.UTF8.GetString(bytes).ShouldContain("배려");
    }

    [Fact]
    public async Task QuizLesson_DrawsTwentyFourFromTheSixCategories_WithAFewHundredAttempts_PassedByThoseWhoGotPastIt()
    {
        var programme = await ProgrammeAsync();
        var quiz = await app.DbAsync(db => db.Quizzes.AsNoTracking().Include(q => q.Draws).SingleAsync(q => q.Title.En == DemoQuiz.Title.En));
        var attempts = await app.DbAsync(db => db.QuizAttempts.AsNoTracking().Include(a => a.Slots).Where(a => a.QuizId == quiz.Id).ToListAsync());
        var version = await app.DbAsync(db => db.CourseVersions.AsNoTracking().Join(db.Courses.Where(c => c.ProgrammeId == programme.Id), v => v.CourseId, c => c.Id, (v, c) => v).SingleAsync());
        var key = CourseContent.FromJson(version.Content).Lessons.Single(l => l.Kind == LessonKind.Quiz && l.QuizId == quiz.Id).Key;
        var doneAt = await app.DbAsync(db => db.LessonSteps.AsNoTracking().Where(s => s.LessonKey == key && s.DoneAtUtc != null)
            .Join(db.CourseAttempts, s => s.AttemptId, a => a.Id, (s, a) => new { a.EmployeeId, s.DoneAtUtc }).ToListAsync());

        quiz.Draws.Count.ShouldBe(6);
        quiz.Draws.Sum(d => d.Count).ShouldBeGreaterThanOrEqualTo(20);
        quiz.TimeLimitMinutes.ShouldBeNull();
        attempts.Count.ShouldBeInRange(150, 700);
        attempts.ShouldAllBe(a => a.Slots.Count == quiz.Draws.Sum(d => d.Count) && a.SubmittedAtUtc != null && a.Passed == (a.ScorePercent >= quiz.PassPercent));
        // Whoever has the lesson done passed, dated by that moment; whoever has no pass has not done the lesson.
        doneAt.ShouldAllBe(d => attempts.Any(a => a.EmployeeId == d.EmployeeId && a.Passed == true && a.SubmittedAtUtc == d.DoneAtUtc));
        attempts.Where(a => a.Passed == true).Select(a => a.EmployeeId).Distinct().Count().ShouldBe(doneAt.Count);
        attempts.Count(a => a.Passed == false).ShouldBeGreaterThan(20);

        using var officer = await app.SignInAsRoleAsync(Roles.TrainingOfficer);
        using var response = await officer.GetAsync($"/api/v1/quizzes/{quiz.Id}/results");
        var questions = (await response.ReadJsonAsync()).GetProperty("questions").EnumerateArray().ToList();
        questions.Count.ShouldBe(24);
        var facility = questions.Select(q => q.GetProperty("facility").GetDouble()).ToList();
        (facility.Max() - facility.Min()).ShouldBeGreaterThan(30); // easy and hard questions, as in a real bank
        questions.Count(q => q.GetProperty("discrimination").ValueKind == System.Text.Json.JsonValueKind.Number
            && q.GetProperty("discrimination").GetDouble() > 20).ShouldBeGreaterThan(8); // most questions tell stronger learners from weaker ones
    }

    [Fact]
    public async Task SecondStart_AddsNothing()
    {
        var programme = await ProgrammeAsync();
        int Count(ServeWell.Web.Platform.Data.ServeWellDbContext db) =>
            db.CourseAttempts.Count() + db.LessonSteps.Count() + db.QuizAttempts.Count() + db.Quizzes.Count() + db.Completions.Count(c => c.ProgrammeId == programme.Id) + db.Set<Question>().Count()
            + db.Programmes.Count(p => p.Title.En == DemoSelfStudy.ProgrammeTitle);
        var before = await app.DbAsync(db => Task.FromResult(Count(db)));

        app.StartInstance();

        (await app.DbAsync(db => Task.FromResult(Count(db)))).ShouldBe(before);
    }

    private Task<Programme> ProgrammeAsync() =>
        app.DbAsync(db => db.Programmes.AsNoTracking().SingleAsync(p => p.Title.En == DemoSelfStudy.ProgrammeTitle));
}

public sealed class DemoSelfStudySqliteTests(SqliteApp app) : DemoSelfStudyTests(app), IClassFixture<SqliteApp>;

public sealed class DemoSelfStudyPostgresTests(PostgresApp app) : DemoSelfStudyTests(app), IClassFixture<PostgresApp>;
