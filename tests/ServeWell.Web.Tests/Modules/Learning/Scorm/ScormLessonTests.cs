using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServeWell.Web.Modules.Accounts;
using ServeWell.Web.Modules.Learning.Courses;
using ServeWell.Web.Modules.Learning.Scorm;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;
using ServeWell.Web.Tests.Modules.Training.Record;
using Shouldly;

namespace ServeWell.Web.Tests.Modules.Learning.Scorm;

/// <summary>A course lesson that plays a purchased course: offered to the programme's learners, done by the package (ADR-043).</summary>
public abstract class ScormLessonTests(AppHost app)
{
    [Fact]
    public async Task A_lesson_playing_a_package_is_done_by_the_package_and_completes_the_programme_on_the_day_it_happened()
    {
        var (training, packageId, scoId, textLesson, scormLesson) = await CourseWithAPackageLessonAsync();
        var learner = training.People[0];
        using var client = await SignInAsAsync(learner.Id);

        var lessonPage = await client.GetPageAsync($"/Learning/Programmes/{training.Programme.Id}/Lessons/{scormLesson}?lang=en");
        using var byHandRequest = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/learning/programmes/{training.Programme.Id}/lessons/{scormLesson}/done") { Content = JsonContent.Create(new { }) };
        byHandRequest.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var byHand = await client.Http.SendAsync(byHandRequest);
        using var content = await client.GetAsync($"/learning/scorm/{packageId}/content/course/index.html");
        await app.UseAsync<StudyCourse, MarkDoneOutcome>(s => s.MarkDoneAsync(training.Programme.Id, learner.Id, textLesson, null, null, null, CancellationToken.None));
        using var commit = await client.Http.PostAsJsonAsync($"/api/v1/scorm/scos/{scoId}/commit",
            new ScormCommit("visit-1", new() { ["cmi.core.score.raw"] = "90", ["cmi.core.lesson_status"] = "completed", ["cmi.core.session_time"] = "0000:10:00" }, true));

        lessonPage.QuerySelector($"a[href^='/Learning/Scorm/Play/{scoId}']").ShouldNotBeNull();
        lessonPage.QuerySelector("form[method=post] button.primary").ShouldBeNull(); // no "Mark as done" for a package lesson
        byHand.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        content.StatusCode.ShouldBe(HttpStatusCode.OK);
        commit.StatusCode.ShouldBe(HttpStatusCode.OK, await commit.Content.ReadAsStringAsync());
        var attempt = await app.DbAsync(db => db.Set<ScormAttempt>().AsNoTracking().SingleAsync(a => a.ScoId == scoId && a.EmployeeId == learner.Id));
        attempt.LessonStatus.ShouldBe("passed");
        var completion = (await app.CompletionsAsync(training.Programme.Id)).ShouldHaveSingleItem();
        completion.EmployeeId.ShouldBe(learner.Id);
        completion.CompletedAtUtc!.Value.ShouldBe(attempt.CompletedAt!.Value, TimeSpan.FromSeconds(1));
        var study = await app.UseAsync<StudyCourse, StudyView?>(s => s.ReadAsync(training.Programme.Id, learner.Id, CancellationToken.None));
        study!.Progress.DoneKeys.ShouldContain(scormLesson);

        // Whoever sees the course's progress (a supervisor too) is led to the package's results per learner (ADR-046).
        var courseId = await app.DbAsync(db => db.Courses.Where(c => c.ProgrammeId == training.Programme.Id).Select(c => c.Id).SingleAsync());
        using var officer = await app.SignInAsRoleAsync(Roles.TrainingOfficer);
        (await officer.GetPageAsync($"/Learning/Courses/{courseId}/Progress")).QuerySelector($"a[href='/Learning/Scorm/Package/{packageId}/Results']").ShouldNotBeNull();
    }

    [Fact]
    public async Task An_employee_not_enrolled_in_the_programme_is_not_offered_its_package()
    {
        var (_, packageId, scoId, _, _) = await CourseWithAPackageLessonAsync();
        var outsider = (await app.CreateTrainingCaseAsync(people: 1)).People[0];
        using var client = await SignInAsAsync(outsider.Id);

        using var play = await client.GetAsync($"/Learning/Scorm/Play/{scoId}");
        using var content = await client.GetAsync($"/learning/scorm/{packageId}/content/course/index.html");
        using var commit = await client.Http.PostAsJsonAsync($"/api/v1/scorm/scos/{scoId}/commit", new ScormCommit("x", new() { ["cmi.core.lesson_status"] = "passed" }, true));

        play.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        content.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        commit.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private async Task<(TrainingCase Training, int PackageId, int ScoId, int TextLesson, int ScormLesson)> CourseWithAPackageLessonAsync()
    {
        var package = await app.UseAsync<ScormLibrary, ScormPackage>(library => library.AddAsync(ScormPackages.Courtesy(), "courtesy.zip", "test", CancellationToken.None));
        var training = await app.CreateTrainingCaseAsync(people: 2, configure: r => r.Delivery = "SelfStudy");
        var lessons = await app.UseAsync<EditCourse, (int, int)>(async edit =>
        {
            var course = (await edit.EnsureAsync(training.Programme.Id, CancellationToken.None))!;
            course = (await edit.LoadAsync(course.Id, CancellationToken.None))!;
            var section = course.Sections[0].Id;
            var (text, p1) = await edit.SaveLessonAsync(course, section, null, new LessonForm { Title = new LocalTextForm { En = "Before you start" }, Body = new LocalTextForm { En = "Read this." }, Minutes = 2 }, CancellationToken.None);
            var (scorm, p2) = await edit.SaveLessonAsync(course, section, null, new LessonForm { Title = new LocalTextForm { En = "The vendor's course" }, Minutes = 20, ScormPackageId = package.Id }, CancellationToken.None);
            p1.ShouldBeEmpty();
            p2.ShouldBeEmpty();
            var (_, p3) = await edit.PublishAsync((await edit.LoadAsync(course.Id, CancellationToken.None))!, "test", CancellationToken.None);
            p3.ShouldBeEmpty();
            return (text!.Id, scorm!.Id);
        });
        var scoId = await app.DbAsync(db => db.Set<ScormSco>().Where(s => s.PackageId == package.Id).Select(s => s.Id).SingleAsync());
        return (training, package.Id, scoId, lessons.Item1, lessons.Item2);
    }

    private async Task<StaffClient> SignInAsAsync(int employeeId)
    {
        var email = TestData.Unique("learner.").ToLowerInvariant() + "@test.example";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Learner", EmployeeId = employeeId };
            (await users.CreateAsync(user, Demo.Password)).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(user, Roles.Employee)).Succeeded.ShouldBeTrue();
        }

        return await app.SignInAsync(email);
    }
}

public sealed class ScormLessonSqliteTests(SqliteApp app) : ScormLessonTests(app), IClassFixture<SqliteApp>;

public sealed class ScormLessonPostgresTests(PostgresApp app) : ScormLessonTests(app), IClassFixture<PostgresApp>;
