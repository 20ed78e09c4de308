using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServeWell.Web.Modules.Accounts;
using ServeWell.Web.Modules.Learning.Courses;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;
using ServeWell.Web.Tests.Modules.Training.Record;

namespace ServeWell.Web.Tests.Modules.Learning.Courses;

/// <summary>A self-study programme of the test's own, enrolled by its audience rule, with a course of two lessons published as version 1.</summary>
public sealed record CourseCase(TrainingCase Training, int CourseId, int SectionId, IReadOnlyList<int> LessonKeys);

public static class CourseTestData
{
    public static async Task<CourseCase> CreateCourseCaseAsync(this AppHost app, int people = 2, string delivery = "SelfStudy")
    {
        var training = await app.CreateTrainingCaseAsync(people, configure: r => r.Delivery = delivery);
        var (courseId, sectionId) = await app.UseAsync<EditCourse, (int, int)>(async edit =>
        {
            var course = (await edit.EnsureAsync(training.Programme.Id, CancellationToken.None))!;
            return (course.Id, (await edit.LoadAsync(course.Id, CancellationToken.None))!.Sections[0].Id);
        });
        var keys = new List<int>
        {
            await app.AddLessonAsync(courseId, sectionId, "Greeting the complainant", "# 인사\n\n먼저 **인사**합니다."),
            await app.AddLessonAsync(courseId, sectionId, "Listening", "Listen first."),
        };
        await app.PublishCourseAsync(courseId);
        return new CourseCase(training, courseId, sectionId, keys);
    }

    public static Task<int> AddLessonAsync(this AppHost app, int courseId, int sectionId, string title, string body) =>
        app.UseAsync<EditCourse, int>(async edit =>
        {
            var course = (await edit.LoadAsync(courseId, CancellationToken.None))!;
            var (lesson, problems) = await edit.SaveLessonAsync(course, sectionId, null, new LessonForm
            {
                Title = new LocalTextForm { En = title, Ko = title }, Body = new LocalTextForm { En = body }, Minutes = 5,
            }, CancellationToken.None);
            problems.ShouldBeEmpty();
            return lesson!.Id;
        });

    public static Task<int> PublishCourseAsync(this AppHost app, int courseId) =>
        app.UseAsync<EditCourse, int>(async edit =>
        {
            var (version, problems) = await edit.PublishAsync((await edit.LoadAsync(courseId, CancellationToken.None))!, "test", CancellationToken.None);
            problems.ShouldBeEmpty();
            return version!.Number;
        });

    public static Task<StudyView?> OpenLessonAsync(this AppHost app, CourseCase c, int employeeId, int key) =>
        app.UseAsync<StudyCourse, StudyView?>(s => s.OpenLessonAsync(c.Training.Programme.Id, employeeId, key, CancellationToken.None));

    public static Task<MarkDoneOutcome> MarkDoneAsync(this AppHost app, CourseCase c, int employeeId, int key, DateTime? at = null, string? idempotencyKey = null) =>
        app.UseAsync<StudyCourse, MarkDoneOutcome>(s => s.MarkDoneAsync(c.Training.Programme.Id, employeeId, key, at, null, idempotencyKey, CancellationToken.None));

    public static Task<StudyView?> StudyAsync(this AppHost app, CourseCase c, int employeeId) =>
        app.UseAsync<StudyCourse, StudyView?>(s => s.ReadAsync(c.Training.Programme.Id, employeeId, CancellationToken.None));

    /// <summary>A supervisor whose scope is <paramref name="unitId"/>, signed in.</summary>
    public static async Task<StaffClient> SignInAsSupervisorOfAsync(this AppHost app, int unitId)
    {
        var email = TestData.Unique("sup.").ToLowerInvariant() + "@test.example";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Unit head", ScopeOrgUnitId = unitId };
            (await users.CreateAsync(user, Demo.Password)).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(user, Roles.Supervisor)).Succeeded.ShouldBeTrue();
        }

        return await app.SignInAsync(email);
    }

    /// <summary>Moves the attempt's start back, so a device's earlier "done at" is not clamped to the start.</summary>
    public static Task StartedAsync(this AppHost app, CourseCase c, int employeeId, DateTime startedAtUtc) =>
        app.DbAsync(db => db.CourseAttempts.Where(a => a.CourseId == c.CourseId && a.EmployeeId == employeeId)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.StartedAtUtc, startedAtUtc)));
}
