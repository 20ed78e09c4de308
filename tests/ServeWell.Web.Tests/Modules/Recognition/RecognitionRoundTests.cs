using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.People.Employees;
using ServeWell.Web.Modules.Recognition.Rounds;
using ServeWell.Web.Platform.Jobs;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;
using static ServeWell.Web.Tests.Modules.Recognition.RecognitionTestData;

namespace ServeWell.Web.Tests.Modules.Recognition;

/// <summary>Award rounds (ADR-058) on a real database: the ranking from citizens' answers, the schedule in the city's zone, scope.</summary>
public abstract class RecognitionRoundTests(AppHost app)
{
    [Fact]
    public async Task Candidates_AreRankedByTheBayesianAverage_AsWorkedOutByHand_AndNobodyBelowTheMinimum()
    {
        var setting = await app.SettingAsync();
        var month = new DateOnly(2019, 3, 1);
        var at = (await app.StartOfAsync(new DateOnly(2019, 3, 10))).UtcDateTime;
        var a = await app.CreateEmployeeAsync(setting.Office.Code, frontline: true);
        var b = await app.CreateEmployeeAsync(setting.Office.Code, frontline: true);
        var c = await app.CreateEmployeeAsync(setting.Office.Code, frontline: true);
        var d = await app.CreateEmployeeAsync(setting.Office.Code, frontline: true);
        var e = await app.CreateEmployeeAsync(setting.Office.Code, frontline: true, status: EmployeeStatus.OnLeave);
        var counter = await app.TouchpointAsync(setting.Office.Id, null);
        await app.AnswersAsync(await app.TouchpointAsync(setting.Office.Id, a.Id), at, [5, 5, 5, 5, 5]);
        await app.AnswersAsync(await app.TouchpointAsync(setting.Office.Id, b.Id), at, [5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 1, 1]);
        await app.AnswersAsync(await app.TouchpointAsync(setting.Office.Id, c.Id), at, [5, 5, 5, 5]);
        await app.AnswersAsync(counter, at, [4, 4, 4, 4, 4, 4], commended: d.Id);
        await app.AnswersAsync(counter, at, [1], commended: d.Id, excluded: true); // left out of every figure
        await app.AnswersAsync(await app.TouchpointAsync(setting.Office.Id, e.Id), at, [5, 5, 5, 5, 5]);
        await app.AnswersAsync(counter, at.AddMonths(1), [1, 1, 1, 1, 1], commended: a.Id); // April: another month

        await app.MoveAsync(setting, at);
        var round = await app.RoundAsync(setting, month);
        using var officer = await app.SignInAsRoleAsync(Roles.TrainingOfficer);
        var live = await officer.Http.GetFromJsonAsync<JsonElement>($"{Api}/rounds/{round.Id}/candidates");

        // 32 answers count in March: 25 + 52 + 20 + 24 + 25 = 146, so m = 146 / 32 = 4.5625; C = 10.
        var m = 146.0 / 32;
        live.GetProperty("cityMean").GetDouble().ShouldBe(m, 1e-9);
        var rows = live.GetProperty("candidates").EnumerateArray().ToDictionary(x => x.GetProperty("employeeId").GetInt32());
        rows[a.Id].GetProperty("bayesian").GetDouble().ShouldBe(Math.Round(((10 * m) + 25) / 15, 3), 1e-9); // 4.7083
        rows[b.Id].GetProperty("bayesian").GetDouble().ShouldBe(Math.Round(((10 * m) + 52) / 22, 3), 1e-9); // 4.4375
        rows[d.Id].GetProperty("bayesian").GetDouble().ShouldBe(Math.Round(((10 * m) + 24) / 16, 3), 1e-9); // 4.3516
        (rows[a.Id].GetProperty("rank").GetInt32(), rows[b.Id].GetProperty("rank").GetInt32(), rows[d.Id].GetProperty("rank").GetInt32()).ShouldBe((1, 2, 3));
        rows[d.Id].GetProperty("commendations").GetInt32().ShouldBe(6);
        // Four perfect answers would average (45.625 + 20) / 14 = 4.69, second place; four is below the minimum of five.
        rows[c.Id].GetProperty("rank").ValueKind.ShouldBe(JsonValueKind.Null);
        rows[c.Id].GetProperty("why").GetString()!.ShouldContain("Not ranked: fewer than 5 answers");
        rows[e.Id].GetProperty("rank").ValueKind.ShouldBe(JsonValueKind.Null);
        rows[e.Id].GetProperty("exclusion").GetString().ShouldBe("on-leave");
        rows[e.Id].GetProperty("why").GetString()!.ShouldContain("on leave");
        rows[a.Id].GetProperty("why").GetString()!.ShouldContain("+ 25) / (10 + 5) = 4.708");
        live.GetProperty("formula").GetString()!.ShouldContain("(C × m + sum of ratings) / (C + n)");

        // Closing freezes the same numbers, and the finalists.
        await app.MoveAsync(setting, await app.StartOfAsync(new DateOnly(2019, 4, 1)));
        var frozen = await officer.Http.GetFromJsonAsync<JsonElement>($"{Api}/rounds/{round.Id}/candidates");
        frozen.GetProperty("cityMean").GetDouble().ShouldBe(m, 1e-9);
        var finalists = frozen.GetProperty("candidates").EnumerateArray().Where(x => x.GetProperty("finalist").GetBoolean()).Select(x => x.GetProperty("employeeId").GetInt32()).Order();
        finalists.ShouldBe(new[] { a.Id, b.Id, d.Id }.Order());
    }

    [Fact]
    public async Task Schedule_FollowsTheCityCalendar_AcrossTheMonthBoundary_OnceForTwoNodes()
    {
        var setting = await app.SettingAsync();
        var november = new DateOnly(2018, 11, 1);
        var midnight = await app.StartOfAsync(new DateOnly(2018, 12, 1)); // 2018-11-30 15:00 UTC in Seoul
        midnight.UtcDateTime.Day.ShouldBe(30);

        (await app.MoveAsync(setting, midnight.AddMinutes(-1))).ShouldBe(1);
        (await app.RoundAsync(setting, november)).Stage.ShouldBe(RoundStage.Nominating);
        (await app.DbAsync(db => db.AwardRounds.CountAsync(r => r.SchemeId == setting.SchemeId))).ShouldBe(1);

        // Two nodes at the same instant: November closes once, December opens once.
        var moved = await Task.WhenAll(app.MoveAsync(setting, midnight), app.MoveAsync(setting, midnight));
        moved.Sum().ShouldBeGreaterThanOrEqualTo(2);
        var nov = await app.RoundAsync(setting, november);
        nov.Stage.ShouldBe(RoundStage.Jury);
        (nov.ClosesOn, nov.JuryClosesOn, nov.ApprovalDueOn).ShouldBe((new DateOnly(2018, 12, 1), new DateOnly(2018, 12, 8), new DateOnly(2018, 12, 15)));
        (await app.RoundAsync(setting, new DateOnly(2018, 12, 1))).Stage.ShouldBe(RoundStage.Nominating);
        (await app.DbAsync(db => db.AwardRounds.CountAsync(r => r.SchemeId == setting.SchemeId))).ShouldBe(2);
        (await app.DbAsync(db => db.AwardCandidates.CountAsync(c => c.RoundId == nov.Id))).ShouldBe(0); // nobody had answers: nothing frozen, nothing doubled
        (await app.MoveAsync(setting, midnight)).ShouldBe(0);

        // A jury that has not scored keeps the round; the day before it closes the jurors are reminded once.
        (await app.MoveAsync(setting, await app.StartOfAsync(new DateOnly(2018, 12, 7)))).ShouldBe(0);
        (await app.RoundAsync(setting, november)).JuryRemindedAtUtc.ShouldNotBeNull();
        await app.MoveAsync(setting, await app.StartOfAsync(new DateOnly(2018, 12, 9)));
        (await app.RoundAsync(setting, november)).Stage.ShouldBe(RoundStage.Jury);

        // The job itself runs on one node at a time: the lease admits one holder.
        var lease = "recognition-test-" + Guid.NewGuid().ToString("N");
        var claims = await Task.WhenAll(Enumerable.Range(1, 2).Select(i => app.UseAsync<DatabaseLease, bool>(l => l.TryClaimAsync(lease, "node-" + i, TimeSpan.FromHours(1), CancellationToken.None))));
        claims.Count(c => c).ShouldBe(1);
    }

    [Fact]
    public async Task Scope_OfficersSeeEveryRound_LeadershipWithinTheirScope_OthersNone()
    {
        var setting = await app.SettingAsync();
        await app.MoveAsync(setting, await app.StartOfAsync(new DateOnly(2017, 5, 2)));
        var round = await app.RoundAsync(setting, new DateOnly(2017, 5, 1));
        using var officer = await app.SignInAsRoleAsync(Roles.TrainingOfficer);
        using var mayor = await app.SignInAsRoleAsync(Roles.Leadership);
        using var employee = await app.SignInAsRoleAsync(Roles.Employee);
        using var supervisor = await app.SignInAsRoleAsync(Roles.Supervisor);
        var (otherLeader, _) = await app.SignInLinkedAsync(Roles.Leadership, null, (await app.UnitAsync("D-ADM")).Id);

        (await officer.GetAsync($"{Api}/rounds/{round.Id}/candidates")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await mayor.GetAsync($"{Api}/rounds/{round.Id}/candidates")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await otherLeader.GetAsync($"{Api}/rounds/{round.Id}/candidates")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await employee.GetAsync($"{Api}/rounds/{round.Id}/candidates")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await supervisor.GetAsync($"{Api}/rounds/{round.Id}/candidates")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await employee.GetAsync($"{Api}/rounds/{round.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await employee.Http.GetStringAsync($"{Api}/rounds")).ShouldNotContain($"\"id\":{round.Id},");
        (await mayor.Http.GetStringAsync($"{Api}/rounds")).ShouldContain($"\"id\":{round.Id},");
        (await otherLeader.Http.GetStringAsync($"{Api}/rounds")).ShouldNotContain($"\"id\":{round.Id},");
        (await employee.GetAsync($"{Api}/schemes")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        otherLeader.Dispose();
    }
}

public sealed class RecognitionRoundSqliteTests(SqliteApp app) : RecognitionRoundTests(app), IClassFixture<SqliteApp>;

public sealed class RecognitionRoundPostgresTests(PostgresApp app) : RecognitionRoundTests(app), IClassFixture<PostgresApp>;
