using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Learning.Scorm;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;
using Shouldly;

namespace ServeWell.Web.Tests.Modules.Learning.Scorm;

/// <summary>A purchased SCORM course end to end through the API: upload, the player's files, the run-time's commits (ADR-043).</summary>
public abstract class ScormApiTests(AppHost app)
{
    [Fact]
    public async Task Upload_AsTrainingOfficer_StoresThePackageWholeWithItsItems_AndAuditsIt()
    {
        using var officer = await app.SignInAsRoleAsync(Roles.TrainingOfficer);
        var zip = ScormPackages.Courtesy().ToArray();

        using var response = await UploadAsync(officer, zip, "courtesy.zip");

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var package = await response.Content.ReadFromJsonAsync<ScormPackageDto>(Json.Web);
        package!.Title.ShouldBe("Courtesy at the counter");
        package.Version.ShouldBe("1.2");
        package.Scos.ShouldHaveSingleItem().MasteryScore.ShouldBe(80m);
        (await app.DbAsync(db => db.Set<ScormPackageContent>().Where(c => c.PackageId == package.Id).Select(c => c.Zip).SingleAsync())).ShouldBe(zip);
        (await officer.Http.GetFromJsonAsync<List<ScormPackageDto>>("/api/v1/scorm/packages", Json.Web))!.ShouldContain(p => p.Id == package.Id);
        (await app.DbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(ScormPackage) && a.EntityKey.Contains("courtesy.zip")))).ShouldBeTrue();
    }

    [Fact]
    public async Task Upload_OfAFolderZippedWithItsManifestInside_IsRefusedWithTheReasonInTheReadersLanguage_AndStoresNothing()
    {
        using var officer = await app.SignInAsRoleAsync(Roles.TrainingOfficer);
        var before = await app.DbAsync(db => db.Set<ScormPackage>().CountAsync());
        var zip = ScormPackages.Zip(("golf/imsmanifest.xml", ScormPackages.Manifest12()), ("golf/course/index.html", "x")).ToArray();

        using var english = await UploadAsync(officer, zip, "golf.zip", "?lang=en");
        using var korean = await UploadAsync(officer, zip, "golf.zip", "?lang=ko");

        english.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await english.ReadProblemDetailAsync()).ShouldBe("The package has no imsmanifest.xml at its top; there is one at \"golf/imsmanifest.xml\". Zip the contents of that folder, not the folder itself.");
        (await korean.ReadProblemDetailAsync()).ShouldBe("패키지 맨 위에 imsmanifest.xml이 없고 \"golf/imsmanifest.xml\"에 있습니다. 폴더 자체가 아니라 그 폴더 안의 내용을 압축해 주세요.");
        (await app.DbAsync(db => db.Set<ScormPackage>().CountAsync())).ShouldBe(before);
    }

    [Theory]
    [InlineData(Roles.Employee)]
    [InlineData(Roles.Supervisor)]
    [InlineData(Roles.Leadership)]
    public async Task Upload_AndTheList_ForRolesThatDoNotManageTraining_AreRefused(string role)
    {
        using var client = await app.SignInAsRoleAsync(role);

        using var upload = await UploadAsync(client, ScormPackages.Courtesy().ToArray(), "courtesy.zip");
        using var list = await client.GetAsync("/api/v1/scorm/packages");

        upload.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        list.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Content_ServesThePackagesFilesWithTheirOwnPolicy_AndNothingOutsideIt_AndNothingToOthers()
    {
        using var officer = await app.SignInAsRoleAsync(Roles.TrainingOfficer);
        var package = await UploadedAsync(officer);

        using var launch = await officer.GetAsync($"/learning/scorm/{package.Id}/content/course/index.html");
        using var script = await officer.GetAsync($"/learning/scorm/{package.Id}/content/shared/sco.js");
        using var escape = await officer.GetAsync($"/learning/scorm/{package.Id}/content/..%2F..%2Fappsettings.json");
        using var missing = await officer.GetAsync($"/learning/scorm/{package.Id}/content/course/none.html");
        using var employee = await app.SignInAsRoleAsync(Roles.Employee);
        using var notOffered = await employee.GetAsync($"/learning/scorm/{package.Id}/content/course/index.html");

        launch.StatusCode.ShouldBe(HttpStatusCode.OK);
        launch.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await launch.Content.ReadAsStringAsync()).ShouldContain("Courtesy at the counter");
        launch.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("frame-ancestors 'self'");
        launch.Headers.GetValues("X-Frame-Options").Single().ShouldBe("SAMEORIGIN");
        script.Content.Headers.ContentType!.MediaType.ShouldBe("text/javascript");
        escape.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        notOffered.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Commits_KeepWhereTheLearnerIs_ThePlayerResumesThere_AndTheMasteryScoreDecidesPassed()
    {
        using var officer = await app.SignInAsRoleAsync(Roles.TrainingOfficer);
        var sco = (await UploadedAsync(officer)).Scos.Single();

        var first = await CommitAsync(officer, sco.Id, "visit-1", false, ("cmi.core.lesson_location", "page-2"), ("cmi.suspend_data", "q1=a"), ("cmi.core.lesson_status", "incomplete"), ("cmi.core.exit", "suspend"));
        var player = await officer.GetPageAsync($"/Learning/Scorm/Play/{sco.Id}?lang=en");
        var initial = JsonSerializer.Deserialize<Dictionary<string, string>>(player.QuerySelector("#scorm-sco")!.GetAttribute("data-initial")!)!;
        var finished = await CommitAsync(officer, sco.Id, "visit-2", true, ("cmi.core.score.raw", "85"), ("cmi.core.lesson_status", "completed"), ("cmi.core.session_time", "0000:12:30.00"));

        first.GetProperty("lessonStatus").GetString().ShouldBe("incomplete");
        first.GetProperty("completedAt").ValueKind.ShouldBe(JsonValueKind.Null);
        initial["cmi.core.entry"].ShouldBe("resume");
        initial["cmi.core.lesson_location"].ShouldBe("page-2");
        initial["cmi.suspend_data"].ShouldBe("q1=a");
        initial["cmi.student_data.mastery_score"].ShouldBe("80");
        player.QuerySelector("#scorm-sco")!.GetAttribute("sandbox").ShouldNotBeNull();
        finished.GetProperty("lessonStatus").GetString().ShouldBe("passed");
        finished.GetProperty("scoreRaw").GetDecimal().ShouldBe(85m);
        finished.GetProperty("totalSeconds").GetDecimal().ShouldBe(750m);
        finished.GetProperty("completedAt").ValueKind.ShouldBe(JsonValueKind.String);
    }

    [Fact]
    public async Task The_players_own_policy_lets_it_frame_the_package_from_this_origin()
    {
        using var officer = await app.SignInAsRoleAsync(Roles.TrainingOfficer);
        var sco = (await UploadedAsync(officer)).Scos.Single();

        using var player = await officer.GetAsync($"/Learning/Scorm/Play/{sco.Id}");

        player.StatusCode.ShouldBe(HttpStatusCode.OK);
        // A frame-src without 'self' (added for video players) once left the course's frame empty.
        var policy = player.Headers.GetValues("Content-Security-Policy").Single();
        policy.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("frame-src", StringComparison.Ordinal)).Split(' ').ShouldContain("'self'");
    }

    [Fact]
    public async Task A_commit_with_one_value_outside_the_data_model_stores_none_of_its_values()
    {
        using var officer = await app.SignInAsRoleAsync(Roles.TrainingOfficer);
        var sco = (await UploadedAsync(officer)).Scos.Single();
        await CommitAsync(officer, sco.Id, "visit-1", false, ("cmi.core.lesson_location", "page-1"));

        using var refused = await officer.Http.PostAsJsonAsync($"/api/v1/scorm/scos/{sco.Id}/commit",
            new ScormCommit("visit-1", new() { ["cmi.core.lesson_location"] = "page-9", ["cmi.core.lesson_status"] = "done", ["cmi.core.student_name"] = "Someone else" }, false));

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await refused.ReadJsonAsync()).GetProperty("errors");
        errors.GetProperty("cmi.core.lesson_status")[0].GetString().ShouldBe("\"done\" is not one of passed, completed, failed, incomplete, browsed.");
        errors.GetProperty("cmi.core.student_name")[0].GetString().ShouldBe("\"Someone else\" is read-only or not in the data model.");
        var employee = (await app.DemoAccountAsync(Roles.TrainingOfficer)).EmployeeId;
        (await app.DbAsync(db => db.Set<ScormAttempt>().Where(a => a.ScoId == sco.Id && a.EmployeeId == employee).Select(a => a.LessonLocation).SingleAsync())).ShouldBe("page-1");
    }

    [Fact]
    public async Task A_visit_left_without_finishing_still_counts_its_time_when_the_next_visit_commits()
    {
        using var officer = await app.SignInAsRoleAsync(Roles.TrainingOfficer);
        var sco = (await UploadedAsync(officer)).Scos.Single();

        await CommitAsync(officer, sco.Id, "closed-tab", false, ("cmi.core.session_time", "0000:01:00"));
        var next = await CommitAsync(officer, sco.Id, "next-day", false, ("cmi.core.lesson_location", "page-3"));

        next.GetProperty("totalSeconds").GetDecimal().ShouldBe(60m);
    }

    [Fact]
    public async Task An_employee_the_package_is_not_offered_to_can_neither_play_nor_commit()
    {
        using var officer = await app.SignInAsRoleAsync(Roles.TrainingOfficer);
        var sco = (await UploadedAsync(officer)).Scos.Single();
        using var employee = await app.SignInAsRoleAsync(Roles.Employee);

        using var play = await employee.GetAsync($"/Learning/Scorm/Play/{sco.Id}");
        using var commit = await employee.Http.PostAsJsonAsync($"/api/v1/scorm/scos/{sco.Id}/commit", new ScormCommit("x", new() { ["cmi.core.lesson_status"] = "passed" }, true));

        play.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        commit.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private static async Task<HttpResponseMessage> UploadAsync(StaffClient client, byte[] zip, string fileName, string query = "")
    {
        using var content = new MultipartFormDataContent();
        var part = new ByteArrayContent(zip);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        content.Add(part, "file", fileName);
        return await client.Http.PostAsync("/api/v1/scorm/packages" + query, content);
    }

    private static async Task<ScormPackageDto> UploadedAsync(StaffClient officer)
    {
        using var response = await UploadAsync(officer, ScormPackages.Courtesy().ToArray(), "courtesy.zip");
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ScormPackageDto>(Json.Web))!;
    }

    private static async Task<JsonElement> CommitAsync(StaffClient client, int scoId, string session, bool finish, params (string Element, string Value)[] values)
    {
        using var response = await client.Http.PostAsJsonAsync($"/api/v1/scorm/scos/{scoId}/commit", new ScormCommit(session, values.ToDictionary(v => v.Element, v => v.Value), finish));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }
}

public sealed class ScormApiSqliteTests(SqliteApp app) : ScormApiTests(app), IClassFixture<SqliteApp>;

public sealed class ScormApiPostgresTests(PostgresApp app) : ScormApiTests(app), IClassFixture<PostgresApp>;
