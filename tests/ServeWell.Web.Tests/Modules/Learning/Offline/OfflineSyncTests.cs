using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Learning.Courses;
using ServeWell.Web.Modules.Learning.Offline;
using ServeWell.Web.Modules.Learning.Scorm;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Modules.Training;
using ServeWell.Web.Modules.Training.Completions;
using ServeWell.Web.Tests.Fixtures;
using ServeWell.Web.Tests.Modules.Learning.Courses;
using ServeWell.Web.Tests.Modules.Learning.Scorm;
using ServeWell.Web.Tests.Modules.Training.Record;

namespace ServeWell.Web.Tests.Modules.Learning.Offline;

/// <summary>Progress made on a phone while offline, synced later (ADR-045): once per key, per action, only the learner's own.</summary>
public abstract class OfflineSyncTests(AppHost app)
{
    private const string Sync = "/api/v1/learning/offline/sync";

    private static object Action(string key, CourseCase c, int lesson, DateTime? doneAt = null, int? seconds = 60) =>
        new { key, programmeId = c.Training.Programme.Id, lessonKey = lesson, doneAt, secondsSpent = seconds };

    private static async Task<List<OfflineResult>> SyncAsync(StaffClient client, params object[] actions)
    {
        using var response = await client.Http.PostAsJsonAsync(Sync, new { actions });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return [.. (await response.Content.ReadFromJsonAsync<OfflineSyncResponse>())!.Results];
    }

    private static async Task KeepAsync(StaffClient client, CourseCase c)
    {
        using var response = await client.Http.PostAsync($"/api/v1/learning/programmes/{c.Training.Programme.Id}/offline-copy", null);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private Task<List<DateTime?>> DoneTimesAsync(CourseCase c, int employeeId) =>
        app.DbAsync(db =>
        {
            var attempts = db.CourseAttempts;
            return db.LessonSteps.Where(s => attempts.Any(a => a.Id == s.AttemptId && a.CourseId == c.CourseId && a.EmployeeId == employeeId))
                .OrderBy(s => s.LessonKey).Select(s => s.DoneAtUtc).ToListAsync();
        });

    [Fact]
    public async Task Replay_ChangesNothing_AndAnswersTheSame()
    {
        var c = await app.CreateCourseCaseAsync(people: 1);
        var employee = c.Training.People[0];
        using var client = await app.SignInAsEmployeeAsync(employee);
        await KeepAsync(client, c);
        var key = "k-" + Guid.NewGuid().ToString("N");
        var action = Action(key, c, c.LessonKeys[0], DateTime.UtcNow.AddMinutes(-1));

        var first = await SyncAsync(client, action);
        var stored = await DoneTimesAsync(c, employee.Id);
        var replay = await SyncAsync(client, action);

        first.ShouldHaveSingleItem().ShouldBe(new OfflineResult(key, 200, "done", null));
        replay.ShouldBe(first);
        (await DoneTimesAsync(c, employee.Id)).ShouldBe(stored);
        (await app.DbAsync(db => db.LessonSteps.CountAsync(s => s.IdempotencyKey == key))).ShouldBe(1);
    }

    [Fact]
    public async Task BatchWithOneBadItem_KeepsTheGoodOnes_AndNamesTheBadOne()
    {
        var c = await app.CreateCourseCaseAsync(people: 1);
        var employee = c.Training.People[0];
        using var client = await app.SignInAsEmployeeAsync(employee);
        await KeepAsync(client, c);
        var (good1, bad, good2) = ("a-" + Guid.NewGuid(), "b-" + Guid.NewGuid(), "c-" + Guid.NewGuid());

        var results = await SyncAsync(client, Action(good1, c, c.LessonKeys[0]), Action(bad, c, 987654321), Action(good2, c, c.LessonKeys[1]), Action("", c, c.LessonKeys[0]));

        results.Select(r => (r.Key, r.Status)).ShouldBe([(good1, 200), (bad, 404), (good2, 200), ("", 400)]);
        results[1].Problem!.ShouldContain("lesson 987654321");
        results[3].Problem!.ShouldStartWith("key:");
        (await DoneTimesAsync(c, employee.Id)).ShouldAllBe(t => t != null);
        (await DoneTimesAsync(c, employee.Id)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Learner_CannotSync_ACourseTheyAreNotEnrolledIn_NorAnotherPersonsAction()
    {
        var c = await app.CreateCourseCaseAsync(people: 2);
        var (owner, colleague) = (c.Training.People[0], c.Training.People[1]);
        var stranger = await app.CreateEmployeeAsync((await app.CreateOrgUnitAsync("O-CIVIL")).Code);
        using var ownerClient = await app.SignInAsEmployeeAsync(owner);
        var ownerKey = "o-" + Guid.NewGuid();
        (await SyncAsync(ownerClient, Action(ownerKey, c, c.LessonKeys[0]))).Single().Status.ShouldBe(200);

        using var outsider = await app.SignInAsEmployeeAsync(stranger);
        (await SyncAsync(outsider, Action("s-" + Guid.NewGuid(), c, c.LessonKeys[1]))).Single().Status.ShouldBe(404);
        using var colleagueClient = await app.SignInAsEmployeeAsync(colleague);
        // The owner's key replayed by someone else records nothing for either of them.
        (await SyncAsync(colleagueClient, Action(ownerKey, c, c.LessonKeys[0]))).Single().Status.ShouldBe(422);

        (await DoneTimesAsync(c, stranger.Id)).ShouldBeEmpty();
        (await DoneTimesAsync(c, colleague.Id)).ShouldAllBe(t => t == null);
        (await DoneTimesAsync(c, owner.Id)).Count(t => t != null).ShouldBe(1);
    }

    [Fact]
    public async Task DoneAt_IsKeptBetweenTheAttemptsStartAndNow()
    {
        var c = await app.CreateCourseCaseAsync(people: 1);
        var employee = c.Training.People[0];
        using var client = await app.SignInAsEmployeeAsync(employee);
        await KeepAsync(client, c);
        var started = DateTime.UtcNow.AddDays(-2);
        await app.StartedAsync(c, employee.Id, started);

        var before = DateTime.UtcNow;
        await SyncAsync(client, Action("f-" + Guid.NewGuid(), c, c.LessonKeys[0], DateTime.UtcNow.AddDays(3)), Action("p-" + Guid.NewGuid(), c, c.LessonKeys[1], DateTime.UtcNow.AddYears(-1)));
        var after = DateTime.UtcNow;

        var times = await DoneTimesAsync(c, employee.Id);
        times[0]!.Value.ShouldBeInRange(before.AddSeconds(-1), after.AddSeconds(1)); // not in the future: now
        times[1]!.Value.ShouldBe(started, TimeSpan.FromMilliseconds(1)); // not before the attempt, which starts only once enrolled
    }

    [Fact]
    public async Task LastLessonDoneOffline_CompletesTheProgramme_AndItsCertificate()
    {
        var c = await app.CreateCourseCaseAsync(people: 1);
        var employee = c.Training.People[0];
        using var client = await app.SignInAsEmployeeAsync(employee);
        await KeepAsync(client, c);
        await app.StartedAsync(c, employee.Id, DateTime.UtcNow.AddDays(-3));
        var last = DateTime.UtcNow.AddDays(-1);

        var results = await SyncAsync(client, Action("1-" + Guid.NewGuid(), c, c.LessonKeys[0], last.AddHours(-1)), Action("2-" + Guid.NewGuid(), c, c.LessonKeys[1], last));

        results.ShouldAllBe(r => r.Status == 200);
        var completion = (await app.CompletionsAsync(c.Training.Programme.Id)).ShouldHaveSingleItem();
        completion.EmployeeId.ShouldBe(employee.Id);
        completion.CompletedAtUtc!.Value.ShouldBe(last, TimeSpan.FromMilliseconds(1));
        (await app.DbAsync(db => db.Certificates.AnyAsync(x => x.CompletionId == completion.Id))).ShouldBeTrue();
    }

    [Fact]
    public async Task LessonThatIsNotText_IsNotKept_ShowsNeedsAConnection_AndIsNotDoneBySync()
    {
        var c = await app.CreateCourseCaseAsync(people: 1);
        var package = await app.UseAsync<ScormLibrary, ScormPackage>(library => library.AddAsync(ScormPackages.Courtesy(), "courtesy.zip", "test", CancellationToken.None));
        var scorm = await app.UseAsync<EditCourse, int>(async edit =>
        {
            var (lesson, problems) = await edit.SaveLessonAsync((await edit.LoadAsync(c.CourseId, CancellationToken.None))!, c.SectionId, null,
                new LessonForm { Title = new LocalTextForm { En = "The vendor's course" }, Minutes = 20, ScormPackageId = package.Id }, CancellationToken.None);
            problems.ShouldBeEmpty();
            return lesson!.Id;
        });
        await app.PublishCourseAsync(c.CourseId);
        var programme = c.Training.Programme.Id;
        using var client = await app.SignInAsEmployeeAsync(c.Training.People[0]);

        using var response = await client.Http.PostAsync($"/api/v1/learning/programmes/{programme}/offline-copy", null);
        var copy = (await response.Content.ReadFromJsonAsync<OfflineCopyDto>())!;
        copy.NeedsConnection.ShouldBe([scorm]);
        copy.Pages.ShouldNotContain($"/Learning/Programmes/{programme}/Lessons/{scorm}");
        var page = await client.GetPageAsync($"/Learning/Programmes/{programme}");
        page.QuerySelectorAll("[data-needs-connection]").ShouldHaveSingleItem().Closest("li")!.GetAttribute("data-lesson-key").ShouldBe(scorm.ToString(System.Globalization.CultureInfo.InvariantCulture));
        (await SyncAsync(client, Action("q-" + Guid.NewGuid(), c, scorm))).Single().Status.ShouldBe(409);
    }

    [Fact]
    public async Task OfflineCopy_ListsTextLessons_AndFetchingThemRecordsNoOpening()
    {
        var c = await app.CreateCourseCaseAsync(people: 1);
        var employee = c.Training.People[0];
        using var client = await app.SignInAsEmployeeAsync(employee);
        var programme = c.Training.Programme.Id;

        using var response = await client.Http.PostAsync($"/api/v1/learning/programmes/{programme}/offline-copy", null);
        var copy = (await response.Content.ReadFromJsonAsync<OfflineCopyDto>())!;
        copy.Pages.ShouldBe([$"/Learning/Programmes/{programme}", .. c.LessonKeys.Select(k => $"/Learning/Programmes/{programme}/Lessons/{k}")]);
        copy.NeedsConnection.ShouldBeEmpty();
        using var request = new HttpRequestMessage(HttpMethod.Get, copy.Pages[1]);
        request.Headers.Add(OfflineDevice.CopyHeader, "1");
        (await client.Http.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await DoneTimesAsync(c, employee.Id)).ShouldBeEmpty(); // no step: the copy is not the learner opening the lesson
        (await app.StudyAsync(c, employee.Id))!.Progress.Started.ShouldBeTrue();

        using var anonymous = app.Anonymous();
        using var worker = await anonymous.GetAsync(OfflineDevice.WorkerPath);
        worker.StatusCode.ShouldBe(HttpStatusCode.OK);
        worker.Content.Headers.ContentType!.MediaType.ShouldBe("text/javascript");
        worker.Headers.CacheControl!.NoCache.ShouldBeTrue();
    }
}

public sealed class OfflineSyncSqliteTests(SqliteApp app) : OfflineSyncTests(app), IClassFixture<SqliteApp>;

public sealed class OfflineSyncPostgresTests(PostgresApp app) : OfflineSyncTests(app), IClassFixture<PostgresApp>;
