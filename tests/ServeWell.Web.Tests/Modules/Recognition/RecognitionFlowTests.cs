using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.People.Employees;
using ServeWell.Web.Modules.Recognition.Nominations;
using ServeWell.Web.Modules.Recognition.Rounds;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;
using static ServeWell.Web.Tests.Modules.Recognition.RecognitionTestData;

namespace ServeWell.Web.Tests.Modules.Recognition;

/// <summary>A month's award from nomination to the wall (ADR-058), and every bad input of issue 16 refused with what and why.</summary>
public abstract class RecognitionFlowTests(AppHost app)
{
    private const string Public = "/api/v1/public/recognition";

    [Fact]
    public async Task Round_FromNominationsToTheWall_WithAFairJury()
    {
        var setting = await app.SettingAsync();
        var today = await app.UseAsync<ServeWell.Web.Platform.City.CityClock, DateOnly>(c => Task.FromResult(c.Today));
        await app.MoveAsync(setting, DateTimeOffset.UtcNow);
        var month = new DateOnly(today.Year, today.Month, 1);
        var round = await app.RoundAsync(setting, month);
        var nominee = await app.CreateEmployeeAsync(setting.Office.Code, frontline: true);
        var colleague = await app.CreateEmployeeAsync(setting.Office.Code);
        var (supervisor, supervisorEmail) = await app.SignInLinkedAsync(Roles.Supervisor, null, setting.Office.Id);
        var (peer, _) = await app.SignInLinkedAsync(Roles.Employee, colleague.Id);
        var (awardee, awardeeEmail) = await app.SignInLinkedAsync(Roles.Employee, nominee.Id);
        var (juror, jurorEmail) = await app.SignInLinkedAsync(Roles.Employee, null);
        var (second, secondEmail) = await app.SignInLinkedAsync(Roles.Instructor, null);
        using var officer = await app.SignInAsRoleAsync(Roles.TrainingOfficer);
        using var mayor = await app.SignInAsRoleAsync(Roles.Leadership);
        var counter = await app.TouchpointAsync(setting.Office.Id, null);

        // A supervisor, a colleague and a citizen nominate; the citizen's story loses its phone number, the contact is sealed.
        var bySupervisor = await supervisor.Http.PostAsJsonAsync($"{Api}/nominations", new { employeeNumber = nominee.EmployeeNumber, story = "폭우 속에서도 어르신 민원을 끝까지 처리했습니다." });
        bySupervisor.StatusCode.ShouldBe(HttpStatusCode.OK, await bySupervisor.Content.ReadAsStringAsync());
        (await bySupervisor.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("source").GetString().ShouldBe("supervisor");
        var byPeer = await peer.Http.PostAsJsonAsync($"{Api}/nominations", new { employeeNumber = nominee.EmployeeNumber, story = "동료를 늘 먼저 돕습니다." });
        (await byPeer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("source").GetString().ShouldBe("colleague");
        var staff = await app.Anonymous().Http.GetFromJsonAsync<JsonElement>($"{Public}/offices/{counter.Code}/staff");
        staff.GetProperty("staff").EnumerateArray().Select(s => s.GetProperty("id").GetInt32()).ShouldContain(nominee.Id);
        var byCitizen = await app.Anonymous().Http.PostAsJsonAsync($"{Public}/nominations", new
        {
            touchpointCode = counter.Code, employeeId = nominee.Id, story = "친절하게 안내해 주셨어요. 제 번호는 010-2345-6789입니다.", language = "ko",
            email = "citizen@example.com", contactConsent = true,
        });
        byCitizen.StatusCode.ShouldBe(HttpStatusCode.OK, await byCitizen.Content.ReadAsStringAsync());
        var stored = await app.DbAsync(db => db.AwardNominations.AsNoTracking().Where(n => n.RoundId == round.Id && n.Source == NominationSource.Citizen).SingleAsync());
        stored.Story.ShouldNotContain("2345-6789");
        stored.Story.ShouldContain("친절하게 안내해 주셨어요.");
        stored.NominatorUserId.ShouldBeNull();
        stored.ProtectedContact.ShouldNotBeNull();
        System.Text.Encoding.UTF8.GetString(stored.ProtectedContact).ShouldNotContain("citizen@example.com");

        // The jury: the supervisor (reporting line), the nominee (themself), two others.
        foreach (var email in new[] { jurorEmail, secondEmail, supervisorEmail, awardeeEmail })
        {
            (await officer.Http.PostAsJsonAsync($"{Api}/rounds/{round.Id}/jurors", new { email })).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var early = await juror.Http.PostAsJsonAsync($"{Api}/rounds/{round.Id}/scores", Score(nominee.Id, 4));
        early.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await early.Content.ReadAsStringAsync()).ShouldContain("when nominations close");
        await app.MoveAsync(setting, await app.StartOfAsync(month.AddMonths(1)));
        (await app.RoundAsync(setting, month)).Stage.ShouldBe(RoundStage.Jury);
        (await mayor.Http.PostAsJsonAsync($"{Api}/rounds/{round.Id}/decision", new { approve = true })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var own = await awardee.Http.PostAsJsonAsync($"{Api}/rounds/{round.Id}/scores", Score(nominee.Id, 5));
        own.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await own.Content.ReadAsStringAsync()).ShouldContain("cannot score themself");
        var line = await supervisor.Http.PostAsJsonAsync($"{Api}/rounds/{round.Id}/scores", Score(nominee.Id, 5));
        line.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await line.Content.ReadAsStringAsync()).ShouldContain("reporting line");
        var outside = await juror.Http.PostAsJsonAsync($"{Api}/rounds/{round.Id}/scores", Score(nominee.Id, 9));
        outside.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await outside.Content.ReadAsStringAsync()).ShouldContain("Courtesy: 9 is not on the scale 1–5.");

        (await juror.Http.PostAsJsonAsync($"{Api}/rounds/{round.Id}/scores", Score(nominee.Id, 4))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var twice = await juror.Http.PostAsJsonAsync($"{Api}/rounds/{round.Id}/scores", Score(nominee.Id, 5));
        twice.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await twice.Content.ReadAsStringAsync()).ShouldContain("already scored this finalist");

        // A score is withdrawn with a reason, never deleted, by its juror (not another); then given again.
        var given = await app.DbAsync(db => db.Set<ServeWell.Web.Modules.Recognition.Jury.JuryScore>().AsNoTracking().SingleAsync(s => s.RoundId == round.Id && s.WithdrawnAtUtc == null));
        var withdraw = $"{Api}/rounds/{round.Id}/scores/{given.Id}/withdraw";
        (await second.Http.PostAsJsonAsync(withdraw, new { reason = "잘못 입력" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var noReason = await juror.Http.PostAsJsonAsync(withdraw, new { reason = "" });
        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noReason.Content.ReadAsStringAsync()).ShouldContain("write why the score is withdrawn");
        (await juror.Http.PostAsJsonAsync(withdraw, new { reason = "점수를 잘못 입력했습니다." })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await juror.Http.PostAsJsonAsync(withdraw, new { reason = "다시" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await juror.Http.PostAsJsonAsync($"{Api}/rounds/{round.Id}/scores", Score(nominee.Id, 4))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var kept = await app.DbAsync(db => db.Set<ServeWell.Web.Modules.Recognition.Jury.JuryScore>().AsNoTracking().Where(s => s.RoundId == round.Id).ToListAsync());
        kept.Count.ShouldBe(2);
        kept.Single(s => s.Id == given.Id).WithdrawalReason.ShouldBe("점수를 잘못 입력했습니다.");

        // The second juror sees no one's scores before giving their own; then both.
        var hidden = await second.Http.GetFromJsonAsync<JsonElement>($"{Api}/rounds/{round.Id}/scores");
        hidden.GetProperty("scores").GetArrayLength().ShouldBe(0);
        hidden.GetProperty("totals").ValueKind.ShouldBe(JsonValueKind.Null);
        (await second.Http.PostAsJsonAsync($"{Api}/rounds/{round.Id}/scores", Score(nominee.Id, 2))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var shown = await second.Http.GetFromJsonAsync<JsonElement>($"{Api}/rounds/{round.Id}/scores");
        shown.GetProperty("scores").GetArrayLength().ShouldBe(2);
        var total = shown.GetProperty("totals").EnumerateArray().Single(t => t.GetProperty("employeeId").GetInt32() == nominee.Id);
        total.GetProperty("total").GetDouble().ShouldBe(3.0, 1e-9); // (4 + 2) / 2 on every criterion, equal weights
        shown.GetProperty("tieRule").GetString()!.ShouldContain("courtesy");

        // The jury closes; the mayor approves; the awardee is mailed and decides about the wall.
        await app.MoveAsync(setting, await app.StartOfAsync(month.AddMonths(1).AddDays(7)));
        (await app.RoundAsync(setting, month)).Stage.ShouldBe(RoundStage.Approval);
        var approved = await mayor.Http.PostAsJsonAsync($"{Api}/rounds/{round.Id}/decision", new { approve = true, note = "축하합니다." });
        approved.StatusCode.ShouldBe(HttpStatusCode.OK, await approved.Content.ReadAsStringAsync());
        (await approved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("awardeeEmployeeId").GetInt32().ShouldBe(nominee.Id);
        (await mayor.Http.PostAsJsonAsync($"{Api}/rounds/{round.Id}/decision", new { approve = true })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await app.DbAsync(db => db.OutboxMails.CountAsync(m => m.To == nominee.Email))).ShouldBe(1);

        var wall = await app.Anonymous().Http.GetStringAsync($"{Public}/wall");
        wall.ShouldNotContain(nominee.Name); // not before the awardee agrees
        var mine = await awardee.Http.GetFromJsonAsync<JsonElement>($"{Api}/awards/mine");
        var award = mine.EnumerateArray().Single();
        (await awardee.Http.PostAsJsonAsync($"{Api}/awards/{award.GetProperty("id").GetInt32()}/wall", new { show = true })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await peer.Http.PostAsJsonAsync($"{Api}/awards/{award.GetProperty("id").GetInt32()}/wall", new { show = false })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        wall = await app.Anonymous().Http.GetStringAsync($"{Public}/wall");
        var entry = JsonDocument.Parse(wall).RootElement.EnumerateArray().Single(e => e.GetProperty("name").GetString() == nominee.Name);
        entry.GetProperty("office").GetString().ShouldBe(setting.Office.NameEn);
        entry.GetProperty("story").GetString()!.ShouldStartWith("폭우 속에서도"); // the supervisor's story first
        wall.ShouldNotContain("citizen@example.com");
        wall.ShouldNotContain("2345");

        // Every step is in the audit log.
        (await app.DbAsync(db => db.AuditEntries.CountAsync(e => e.EntityType == "Award"))).ShouldBeGreaterThanOrEqualTo(2);
        foreach (var client in new[] { supervisor, peer, awardee, juror, second })
        {
            client.Dispose();
        }
    }

    [Fact]
    public async Task BadInput_IsRefusedWithWhatAndWhy_AndNothingIsWritten()
    {
        var setting = await app.SettingAsync();
        await app.MoveAsync(setting, DateTimeOffset.UtcNow);
        var left = await app.CreateEmployeeAsync(setting.Office.Code, status: EmployeeStatus.Left);
        var nominee = await app.CreateEmployeeAsync(setting.Office.Code);
        using var officer = await app.SignInAsRoleAsync(Roles.TrainingOfficer);
        var before = await app.DbAsync(db => db.AwardNominations.CountAsync());

        async Task Refused(HttpResponseMessage response, string field, string message)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
            errors.GetProperty(field)[0].GetString()!.ShouldContain(message);
        }

        await Refused(await officer.Http.PostAsJsonAsync($"{Api}/nominations", new { employeeNumber = "NOBODY-1", story = "좋아요" }), "employeeNumber", "\"NOBODY-1\" is not on the roster");
        await Refused(await officer.Http.PostAsJsonAsync($"{Api}/nominations", new { employeeNumber = left.EmployeeNumber, story = "좋아요" }), "employeeNumber", "has left");
        await Refused(await officer.Http.PostAsJsonAsync($"{Api}/nominations", new { employeeNumber = nominee.EmployeeNumber, story = new string('가', 1001) }), "story", "at most 1000 characters (this one has 1001)");
        await Refused(await app.Anonymous().Http.PostAsJsonAsync($"{Public}/nominations", new { officeCode = "NO-SUCH", writtenName = "김", story = "친절" }), "office", "is not an office");
        await Refused(await app.Anonymous().Http.PostAsJsonAsync($"{Public}/nominations", new { officeCode = setting.Office.Code, writtenName = "김 주무관", story = "친절", phone = "010-1111-2222" }), "contactConsent", "tick the consent box");
        (await app.DbAsync(db => db.AwardNominations.CountAsync())).ShouldBe(before);

        await Refused(await officer.Http.PostAsJsonAsync($"{Api}/schemes", new { scopeOrgUnitCode = setting.Bureau.Code, name = new { ko = "상", en = "" }, weights = new { difficulty = 30, courtesy = 30, satisfaction = 30, resolution = 0 } }), "weights", "add up to 90");
        await Refused(await officer.Http.PostAsJsonAsync($"{Api}/schemes", new { scopeOrgUnitCode = setting.Bureau.Code, name = new { ko = "상", en = "" }, minimumAnswers = 2 }), "minimumAnswers", "2 is outside 5–1000");
        (await app.DbAsync(db => db.AwardSchemes.AsNoTracking().SingleAsync(s => s.Id == setting.SchemeId))).Weights.Resolution.ShouldBe(25);

        // Withdrawn with a reason, never deleted.
        var id = (await (await officer.Http.PostAsJsonAsync($"{Api}/nominations", new { employeeNumber = nominee.EmployeeNumber, story = "좋아요" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        await Refused(await officer.Http.PostAsJsonAsync($"{Api}/nominations/{id}/withdraw", new { reason = " " }), "reason", "write why");
        (await officer.Http.PostAsJsonAsync($"{Api}/nominations/{id}/withdraw", new { reason = "중복 추천" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var withdrawn = await app.DbAsync(db => db.AwardNominations.AsNoTracking().SingleAsync(n => n.Id == id));
        (withdrawn.WithdrawnAtUtc is not null, withdrawn.WithdrawalReason).ShouldBe((true, "중복 추천"));
    }

    [Fact]
    public async Task PublicNominations_FromOneAddress_AreRefusedWithAMessage_OnceTheSurveysLimitIsReached()
    {
        var (_, address) = app.StartSocketInstance(new Dictionary<string, string?> { ["Feedback:RateLimits:PerAddressPerMinute"] = "3" });
        using var http = new HttpClient { BaseAddress = address };
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 4; i++)
        {
            last = await http.PostAsJsonAsync($"{Public}/nominations", new { officeCode = "NO-SUCH", story = "친절" });
            statuses.Add(last.StatusCode);
        }

        statuses.ShouldBe([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests]);
        (await last!.Content.ReadAsStringAsync()).ShouldContain("Too many requests from here");
    }

    private static object Score(int employeeId, int mark) =>
        new { employeeId, difficulty = Math.Min(mark, 5), courtesy = mark, satisfaction = Math.Min(mark, 5), resolution = Math.Min(mark, 5), comment = "차분하게 응대" };
}

public sealed class RecognitionFlowSqliteTests(SqliteApp app) : RecognitionFlowTests(app), IClassFixture<SqliteApp>;

public sealed class RecognitionFlowPostgresTests(PostgresApp app) : RecognitionFlowTests(app), IClassFixture<PostgresApp>;
