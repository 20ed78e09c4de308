using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Learning.Courses;
using ServeWell.Web.Modules.Training;
using ServeWell.Web.Modules.Training.Completions;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;
using ServeWell.Web.Tests.Modules.Training.Record;

namespace ServeWell.Web.Tests.Modules.Learning.Courses;

/// <summary>Self-study (ADR-042): versions a learner keeps, steps recorded only when they happen, completion into Training's record.</summary>
public abstract class CourseTests(AppHost app)
{
    private static readonly TimeZoneInfo Seoul = TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul");

    [Fact]
    public async Task LastLessonDone_CompletesTheProgramme_DatedByThatLessonInSeoul_WithItsCertificate()
    {
        var c = await app.CreateCourseCaseAsync();
        var employee = c.Training.People[0];
        await app.OpenLessonAsync(c, employee.Id, c.LessonKeys[0]);
        await app.StartedAsync(c, employee.Id, DateTime.UtcNow.AddDays(-5));
        // 15:30 UTC three days ago is 00:30 the next day in Seoul: the day the learner finished, in the city's zone.
        var day = DateTime.UtcNow.Date.AddDays(-3);
        var last = day.AddHours(15).AddMinutes(30);

        (await app.MarkDoneAsync(c, employee.Id, c.LessonKeys[0], day.AddHours(10))).ShouldBe(MarkDoneOutcome.Done);
        (await app.CompletionsAsync(c.Training.Programme.Id)).ShouldBeEmpty();
        (await app.MarkDoneAsync(c, employee.Id, c.LessonKeys[1], last)).ShouldBe(MarkDoneOutcome.Done);

        var completion = (await app.CompletionsAsync(c.Training.Programme.Id)).ShouldHaveSingleItem();
        completion.EmployeeId.ShouldBe(employee.Id);
        completion.CompletedAtUtc.ShouldBe(last);
        completion.CompletedOn.ShouldBe(DateOnly.FromDateTime(day.AddDays(1)));
        var certificate = await app.DbAsync(db => db.Certificates.AsNoTracking().SingleAsync(x => x.CompletionId == completion.Id));
        certificate.CompletedOn.ShouldBe(completion.CompletedOn);
        (await app.StudyAsync(c, employee.Id))!.Progress.CompletedAtUtc.ShouldBe(last);
    }

    [Fact]
    public async Task OpeningLessons_IsNotCompletingThem()
    {
        var c = await app.CreateCourseCaseAsync();
        var employee = c.Training.People[0];

        foreach (var key in c.LessonKeys)
        {
            await app.OpenLessonAsync(c, employee.Id, key);
        }

        var view = (await app.StudyAsync(c, employee.Id))!;
        view.Progress.Started.ShouldBeTrue();
        view.Progress.Done.ShouldBe(0);
        view.Progress.ResumeKey.ShouldBe(c.LessonKeys[1]); // where they left
        (await app.CompletionsAsync(c.Training.Programme.Id)).ShouldBeEmpty();
        (await app.DbAsync(db =>
        {
            var attempts = db.CourseAttempts;
            return db.LessonSteps.CountAsync(s => s.DoneAtUtc != null && attempts.Any(a => a.Id == s.AttemptId && a.CourseId == c.CourseId));
        })).ShouldBe(0);
    }

    [Fact]
    public async Task LearnerWhoStartedVersionOne_FinishesVersionOne_AfterVersionTwoIsPublished()
    {
        var c = await app.CreateCourseCaseAsync();
        var (started, later) = (c.Training.People[0], c.Training.People[1]);
        await app.OpenLessonAsync(c, started.Id, c.LessonKeys[0]);

        var third = await app.AddLessonAsync(c.CourseId, c.SectionId, "Closing the call", "Say goodbye.");
        (await app.PublishCourseAsync(c.CourseId)).ShouldBe(2);

        var mine = (await app.StudyAsync(c, started.Id))!;
        mine.Progress.VersionNumber.ShouldBe(1);
        mine.Progress.Total.ShouldBe(2);
        (await app.MarkDoneAsync(c, started.Id, third)).ShouldBe(MarkDoneOutcome.NotFound); // not in version 1
        await app.MarkDoneAsync(c, started.Id, c.LessonKeys[0]);
        await app.MarkDoneAsync(c, started.Id, c.LessonKeys[1]);
        (await app.CompletionsAsync(c.Training.Programme.Id)).ShouldHaveSingleItem().EmployeeId.ShouldBe(started.Id);

        var theirs = (await app.StudyAsync(c, later.Id))!;
        theirs.Progress.VersionNumber.ShouldBe(2);
        theirs.Progress.Total.ShouldBe(3);
    }

    [Fact]
    public async Task Publish_RefusesADraftEqualToTheLatestVersion()
    {
        var c = await app.CreateCourseCaseAsync(people: 1);

        var problems = await app.UseAsync<EditCourse, IReadOnlyList<EditCourse.Problem>>(async edit =>
            (await edit.PublishAsync((await edit.LoadAsync(c.CourseId, CancellationToken.None))!, "test", CancellationToken.None)).Problems);

        problems.ShouldHaveSingleItem().Message.ShouldContain("version 1");
        (await app.DbAsync(db => db.CourseVersions.CountAsync(v => v.CourseId == c.CourseId))).ShouldBe(1);
    }

    [Fact]
    public async Task Sweep_CompletesFromSelfStudyEvidence_TheListenerMissed()
    {
        var c = await app.CreateCourseCaseAsync(people: 1);
        var employee = c.Training.People[0];
        var at = DateTime.UtcNow.AddDays(-1);
        await app.DbAsync(db =>
        {
            db.SelfStudyCompletions.Add(new SelfStudyCompletion { ProgrammeId = c.Training.Programme.Id, EmployeeId = employee.Id, Cycle = 1, CompletedAtUtc = at, Source = "test", RecordedAtUtc = at });
            return db.SaveChangesAsync();
        });

        var counts = await app.UseAsync<CompletionSweepRun, CompletionSweepRun.Counts>(s => s.RunAsync(CancellationToken.None));

        counts.Completed.ShouldBeGreaterThanOrEqualTo(1);
        var completion = (await app.CompletionsAsync(c.Training.Programme.Id)).ShouldHaveSingleItem();
        completion.CompletedAtUtc!.Value.ShouldBe(at, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task BlendedProgramme_NeedsTheSessionToo()
    {
        var c = await app.CreateCourseCaseAsync(people: 1, delivery: "Blended");
        var employee = c.Training.People[0];
        await app.DbAsync(db => db.Programmes.Where(p => p.Id == c.Training.Programme.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Completion, Web.Modules.Training.Programmes.CompletionRules.For(Web.Modules.Training.Programmes.Delivery.Blended, true))));

        await app.MarkDoneAsync(c, employee.Id, c.LessonKeys[0]);
        await app.MarkDoneAsync(c, employee.Id, c.LessonKeys[1]);
        (await app.CompletionsAsync(c.Training.Programme.Id)).ShouldBeEmpty();

        await app.AttendAsync(c.Training, employee);
        (await app.CompletionsAsync(c.Training.Programme.Id)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Api_LessonDone_NeedsAnIdempotencyKey_ReplaysIt_AndRefusesItForAnotherLesson()
    {
        var c = await app.CreateCourseCaseAsync(people: 1);
        var employee = c.Training.People[0];
        using var client = await app.SignInAsEmployeeAsync(employee);
        var path = $"/api/v1/learning/programmes/{c.Training.Programme.Id}/lessons";

        async Task<HttpResponseMessage> PostAsync(int key, string? idempotencyKey)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"{path}/{key}/done") { Content = JsonContent.Create(new { secondsSpent = 90 }) };
            if (idempotencyKey is not null)
            {
                request.Headers.Add("Idempotency-Key", idempotencyKey);
            }

            return await client.Http.SendAsync(request);
        }

        (await PostAsync(c.LessonKeys[0], null)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var key = Guid.NewGuid().ToString();
        using var first = await PostAsync(c.LessonKeys[0], key);
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await first.Content.ReadFromJsonAsync<MyCourseDto>())!.Done.ShouldBe(1);
        using var replay = await PostAsync(c.LessonKeys[0], key);
        replay.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await replay.Content.ReadFromJsonAsync<MyCourseDto>())!.Done.ShouldBe(1);
        (await PostAsync(c.LessonKeys[1], key)).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await app.DbAsync(db => db.LessonSteps.Where(s => s.IdempotencyKey == key).Select(s => s.SecondsSpent).SingleAsync())).ShouldBe(90);

        var mine = await client.Http.GetFromJsonAsync<List<MyCourseDto>>("/api/v1/learning/courses");
        mine!.ShouldContain(x => x.ProgrammeId == c.Training.Programme.Id && x.Done == 1 && x.Total == 2);
    }

    [Fact]
    public async Task Progress_PerRole_OfficerSeesAll_SupervisorTheirUnits_EmployeeNothing()
    {
        var c = await app.CreateCourseCaseAsync(people: 2);
        await app.MarkDoneAsync(c, c.Training.People[0].Id, c.LessonKeys[0]);
        var progress = $"/api/v1/courses/{c.CourseId}/progress";

        using var officer = await app.SignInAsRoleAsync(Roles.TrainingOfficer);
        var all = await officer.Http.GetFromJsonAsync<CourseProgressSummary>(progress);
        all!.Enrolled.ShouldBe(2);
        all.InProgress.ShouldBe(1);
        all.NotStarted.ShouldBe(1);
        (await officer.GetPageAsync($"/Learning/Courses/{c.CourseId}/Progress")).Text("table").ShouldContain(c.Training.People[0].Name);

        var unit = await app.UnitAsync(c.Training.UnitCode);
        using var own = await app.SignInAsSupervisorOfAsync(unit.Id);
        (await own.Http.GetFromJsonAsync<CourseProgressSummary>(progress))!.Enrolled.ShouldBe(2);
        var elsewhere = await app.CreateOrgUnitAsync("O-CIVIL");
        using var other = await app.SignInAsSupervisorOfAsync(elsewhere.Id);
        (await other.Http.GetFromJsonAsync<CourseProgressSummary>(progress))!.Enrolled.ShouldBe(0);

        using var employee = await app.SignInAsEmployeeAsync(c.Training.People[1]);
        (await employee.GetAsync(progress)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await employee.GetAsync($"/Learning/Courses/{c.CourseId}")).StatusCode.ShouldNotBe(HttpStatusCode.OK);
        // Another employee's course is not theirs to open: someone not enrolled gets 404.
        var stranger = await app.CreateEmployeeAsync((await app.CreateOrgUnitAsync("O-CIVIL")).Code);
        using var outsider = await app.SignInAsEmployeeAsync(stranger);
        (await outsider.GetAsync($"/Learning/Programmes/{c.Training.Programme.Id}/Lessons/{c.LessonKeys[0]}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task LessonPage_MarksDone_ThenMyTrainingAndMyCoursesShowProgress()
    {
        var c = await app.CreateCourseCaseAsync(people: 1);
        var employee = c.Training.People[0];
        using var client = await app.SignInAsEmployeeAsync(employee);

        var training = await client.GetPageAsync("/Training/My");
        training.QuerySelectorAll("section.my-programme").First(s => s.Text("h2") == c.Training.Programme.Title.En)
            .GetAttribute("data-step").ShouldBe("StudyCourse");

        var path = $"/Learning/Programmes/{c.Training.Programme.Id}/Lessons/{c.LessonKeys[0]}";
        var lesson = await client.GetPageAsync(path);
        lesson.QuerySelector(".lesson-body strong")!.TextContent.ShouldBe("인사");
        using var done = await client.SubmitAsync(lesson, path, new Dictionary<string, string>());
        done.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var mine = await client.GetPageAsync("/Learning");
        // The learner may have other courses too (the demo city's course for everyone): read this programme's panel.
        var id = c.Training.Programme.Id;
        mine.QuerySelector($"#course-{id}-bar")!.GetAttribute("value").ShouldBe("1");
        mine.QuerySelector($"section[aria-labelledby='course-{id}']")!.TextContent.ShouldContain("1 of 2 lessons done");
    }
}

public sealed class CourseSqliteTests(SqliteApp app) : CourseTests(app), IClassFixture<SqliteApp>;

public sealed class CoursePostgresTests(PostgresApp app) : CourseTests(app), IClassFixture<PostgresApp>;
