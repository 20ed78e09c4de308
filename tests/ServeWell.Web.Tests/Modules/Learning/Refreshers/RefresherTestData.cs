using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServeWell.Web.Modules.Learning.Courses;
using ServeWell.Web.Modules.Learning.Refreshers;
using ServeWell.Web.Modules.People.Employees;
using ServeWell.Web.Platform.City;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Tests.Fixtures;
using ServeWell.Web.Tests.Modules.Learning.Quizzes;
using ServeWell.Web.Tests.Modules.Training.Record;
using Shouldly;

namespace ServeWell.Web.Tests.Modules.Learning.Refreshers;

/// <summary>A self-study course whose one lesson is a quiz of single-choice questions (option 0 right), and its learners.</summary>
public sealed record RefresherCase(int ProgrammeId, int CourseId, int QuizId, IReadOnlyList<Employee> People);

/// <summary>A clock standing at a chosen instant, so a test walks through the days of the boxes.</summary>
public sealed class StandingClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

public static class RefresherTestData
{
    public static async Task<RefresherCase> CreateRefresherCourseAsync(this AppHost app, int questions, int people = 1)
    {
        var (category, _) = await app.CreateCategoryAsync(QuizTestData.Singles(questions));
        var quiz = await app.CreateQuizAsync([(category, questions)], pass: 10);
        var training = await app.CreateTrainingCaseAsync(people: people, configure: r => r.Delivery = "SelfStudy");
        var courseId = await app.UseAsync<EditCourse, int>(async edit =>
        {
            var course = (await edit.EnsureAsync(training.Programme.Id, CancellationToken.None))!;
            course = (await edit.LoadAsync(course.Id, CancellationToken.None))!;
            var (_, problems) = await edit.SaveLessonAsync(course, course.Sections[0].Id, null,
                new LessonForm { Title = new LocalTextForm { En = "Check yourself" }, Minutes = 10, QuizId = quiz }, CancellationToken.None);
            problems.ShouldBeEmpty();
            var (_, publish) = await edit.PublishAsync((await edit.LoadAsync(course.Id, CancellationToken.None))!, "test", CancellationToken.None);
            publish.ShouldBeEmpty();
            return course.Id;
        });
        return new RefresherCase(training.Programme.Id, courseId, quiz, training.People);
    }

    /// <summary>Takes the course's quiz (right where <paramref name="rightAt"/> says, by position), which passes and completes the course; returns the missed question ids.</summary>
    public static async Task<IReadOnlyList<int>> CompleteAsync(this AppHost app, RefresherCase c, Employee learner, Func<int, bool> rightAt)
    {
        var attempt = await app.TakeAsync(c.QuizId, learner.Id, rightAt);
        attempt.Passed.ShouldBe(true);
        (await app.DbAsync(db => db.CourseAttempts.AnyAsync(a => a.CourseId == c.CourseId && a.EmployeeId == learner.Id && a.CompletedAtUtc != null))).ShouldBeTrue();
        return [.. attempt.Slots.Where(s => !rightAt(s.Position)).Select(s => s.QuestionId!.Value)];
    }

    /// <summary>Runs <paramref name="work"/> with the refresher services on a clock standing <paramref name="days"/> after now.</summary>
    public static async Task<T> OnDayAsync<T>(this AppHost app, int days, Func<RefresherSchedule, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var city = new CityClock(services.GetRequiredService<IOptions<CityOptions>>(), new StandingClock(DateTimeOffset.UtcNow.AddDays(days)));
        var intake = ActivatorUtilities.CreateInstance<EnterMissedQuestions>(services, city);
        return await work(ActivatorUtilities.CreateInstance<RefresherSchedule>(services, city, intake));
    }

    public static Task<List<RefresherCard>> CardsAsync(this AppHost app, int employeeId) =>
        app.DbAsync(db => db.RefresherCards.AsNoTracking().Where(c => c.EmployeeId == employeeId).OrderBy(c => c.Id).ToListAsync());

    /// <summary>Makes the employee's questions due today by the real clock (for tests through HTTP).</summary>
    public static async Task MakeDueTodayAsync(this AppHost app, int employeeId)
    {
        await app.UseAsync<EnterMissedQuestions, int>(intake => intake.CatchUpAsync(employeeId, CancellationToken.None));
        var today = app.Services.GetRequiredService<CityClock>().Today;
        await app.DbAsync(db => db.RefresherCards.Where(c => c.EmployeeId == employeeId).ExecuteUpdateAsync(s => s.SetProperty(c => c.DueOn, today)));
    }
}
