using System.Net;
using ServeWell.Web.Modules.Learning.Scorm;
using ServeWell.Web.Modules.People.Employees;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;
using ServeWell.Web.Tests.Modules.Training.Record;
using ServeWell.Web.Tests.Modules.Learning.Courses;

namespace ServeWell.Web.Tests.Modules.Learning.Scorm;

/// <summary>Per-learner results of a purchased course (ADR-046): officers see everyone, a supervisor their own subtree only.</summary>
public abstract class ScormResultsTests(AppHost app)
{
    [Fact]
    public async Task Results_PerRole_OfficerSeesEveryAttempt_SupervisorTheirSubtree_EmployeeNothing()
    {
        var package = await app.UseAsync<ScormLibrary, ScormPackage>(library => library.AddAsync(ScormPackages.Courtesy(), "courtesy.zip", "test", CancellationToken.None));
        var scoId = await app.DbAsync(db => Task.FromResult(db.Set<ScormSco>().Where(s => s.PackageId == package.Id).Select(s => s.Id).Single()));
        var mine = await app.CreateOrgUnitAsync("O-CIVIL");
        var inside = await app.CreateEmployeeAsync((await app.CreateOrgUnitAsync(mine.Code)).Code); // a team under the supervisor's unit
        var outside = await app.CreateEmployeeAsync((await app.CreateOrgUnitAsync("O-TAX")).Code);
        // 23:40 UTC is 08:40 the next morning in Seoul: the page shows the city's date and time.
        var last = DateTime.UtcNow.Date.AddDays(-2).AddHours(23).AddMinutes(40);
        await AttemptAsync(scoId, inside, "passed", 90, 3_900, last);
        await AttemptAsync(scoId, outside, "incomplete", null, 300, last.AddHours(-5));
        var path = $"/Learning/Scorm/Package/{package.Id}/Results";
        var shown = await app.UseAsync<ServeWell.Web.Platform.City.CityClock, string>(city => Task.FromResult(city.Format(last)));

        using var officer = await app.SignInAsRoleAsync(Roles.TrainingOfficer);
        (await officer.GetPageAsync($"/Learning/Scorm/Package/{package.Id}")).QuerySelector($"a[href='{path}']").ShouldNotBeNull();
        var all = await officer.GetPageAsync(path);
        var rows = all.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        rows.Count.ShouldBe(2);
        rows[0].ShouldContain(inside.Name);
        rows[0].ShouldContain("passed");
        rows[0].ShouldContain("90 of 100");
        rows[0].ShouldContain("1 h 5 min");
        rows[0].ShouldContain(shown);
        shown.ShouldContain(" 08:40 (");
        rows[1].ShouldContain(outside.Name);
        rows[1].ShouldContain("in progress");
        rows[1].ShouldContain("5 min");

        using var supervisor = await app.SignInAsSupervisorOfAsync(mine.Id);
        var theirs = (await supervisor.GetPageAsync(path)).QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        theirs.ShouldHaveSingleItem().ShouldContain(inside.Name);

        using var employee = await app.SignInAsEmployeeAsync(inside);
        (await employee.GetAsync(path)).StatusCode.ShouldNotBe(HttpStatusCode.OK);
        (await officer.GetAsync("/Learning/Scorm/Package/999999/Results")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private Task AttemptAsync(int scoId, Employee employee, string status, decimal? score, decimal seconds, DateTime lastAt) =>
        app.DbAsync(async db =>
        {
            db.Set<ScormAttempt>().Add(new ScormAttempt
            {
                ScoId = scoId, EmployeeId = employee.Id, LessonStatus = status, ScoreRaw = score, ScoreMax = score is null ? null : 100, TotalSeconds = seconds,
                Sessions = 1, StartedAt = lastAt.AddHours(-2), LastCommitAt = lastAt, CompletedAt = status == "passed" ? lastAt : null,
            });
            return await db.SaveChangesAsync();
        });
}

public sealed class ScormResultsSqliteTests(SqliteApp app) : ScormResultsTests(app), IClassFixture<SqliteApp>;

public sealed class ScormResultsPostgresTests(PostgresApp app) : ScormResultsTests(app), IClassFixture<PostgresApp>;
