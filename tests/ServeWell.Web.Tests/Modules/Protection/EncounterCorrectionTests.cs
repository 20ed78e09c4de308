using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServeWell.Web.Modules.FollowUps.Cases;
using ServeWell.Web.Modules.Protection.Encounters;
using ServeWell.Web.Modules.Protection.Figures;
using ServeWell.Web.Platform.City;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;
using ServeWell.Web.Tests.Modules.FollowUps;

namespace ServeWell.Web.Tests.Modules.Protection;

/// <summary>
/// Correcting an encounter's record (issue 17, ADR-062 addendum): the employee, whoever logged it and the protection
/// officers correct it, checked as logging, all or nothing, audited without the words; others are refused; a flagged
/// encounter's kinds are corrected and the counts follow; and a flagger who may not read the encounter gets a notice, not a 404.
/// </summary>
public abstract class EncounterCorrectionTests(AppHost app)
{
    private const string Encounters = ProtectionTestData.Encounters;

    [Fact]
    public async Task Correct_AsEmployee_ChangesEveryField_ScrubsAgain_AndAuditsOldAndNewWithoutTheWords()
    {
        var cast = await app.CastAsync();
        using var employee = await app.SignInAsync(cast.Employee);
        var logged = await employee.LogAsync(ProtectionTestData.NewEncounter("전화로 욕설을 들었다."));
        var id = logged.GetProperty("id").GetInt32();
        var reference = logged.GetProperty("reference").GetString()!;
        var at = DateTimeOffset.UtcNow.AddDays(-2);

        var response = await employee.Http.PutAsJsonAsync($"{Encounters}/{id}", Correction(
            at: at, office: cast.Department.Code, channel: "visit", kinds: ["threat", "persistence"], actions: ["second-official"],
            description: "박영희 씨가 010-3141-5926으로 다시 전화해 찾아오겠다고 위협했다.", injury: "손목을 다쳤다."));
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        var dto = JsonDocument.Parse(body).RootElement;
        dto.GetProperty("channel").GetString().ShouldBe("visit");
        dto.GetProperty("kinds").EnumerateArray().Select(k => k.GetString()).ShouldBe(["threat", "persistence"]);

        var stored = await StoredAsync(id);
        stored.OfficeId.ShouldBe(cast.Department.Id);
        stored.Channel.ShouldBe(EncounterChannel.Visit);
        stored.Kinds.ShouldBe(EncounterKinds.Threat | EncounterKinds.Persistence);
        stored.Actions.ShouldBe(SpotActions.SecondOfficialJoined);
        stored.OccurredAtUtc.ShouldBe(at.UtcDateTime, TimeSpan.FromSeconds(1));
        stored.Description.ShouldStartWith("박영희 씨가 010-3141-5926");
        stored.DescriptionScrubbed.ShouldNotContain("3141-5926");
        stored.Injury.ShouldBe("손목을 다쳤다.");

        var audit = await app.DbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(Encounter) && a.EntityKey == reference && a.Action == LogEncounter.CorrectedAuditAction).ToListAsync());
        var entry = audit.ShouldHaveSingleItem();
        var before = entry.Before!;
        var after = entry.After!;
        before.ShouldContain("verbal-abuse, threat");
        after.ShouldContain("threat, persistence");
        before.ShouldContain("phone");
        after.ShouldContain("visit");
        after.ShouldContain("DescriptionChanged");
        after.ShouldContain("InjuryChanged");
        foreach (var words in new[] { "박영희", "3141", "손목", "욕설" })
        {
            (before + after).ShouldNotContain(words);
        }

        // The same record again changes nothing and writes no entry.
        (await employee.Http.PutAsJsonAsync($"{Encounters}/{id}", Correction(
            at: at, office: cast.Department.Code, channel: "visit", kinds: ["threat", "persistence"], actions: ["second-official"],
            description: stored.Description, injury: stored.Injury))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.DbAsync(db => db.AuditEntries.CountAsync(a => a.EntityKey == reference && a.Action == LogEncounter.CorrectedAuditAction))).ShouldBe(1);
    }

    [Fact]
    public async Task Correct_AsOfficer_AndAsTheLoggingSupervisorWithoutTheWords()
    {
        var cast = await app.CastAsync();
        using var supervisor = await app.SignInAsync(cast.Supervisor);
        var logged = await supervisor.LogAsync(ProtectionTestData.NewEncounter("김철수 씨가 욕설을 했다.", employeeNumber: cast.EmployeeNumber));
        var id = logged.GetProperty("id").GetInt32();
        var at = Utc(logged.GetProperty("occurredAtUtc"));

        // The supervisor who logged it corrects the coded fields; the words are the employee's and the officer's.
        var coded = await supervisor.Http.PutAsJsonAsync($"{Encounters}/{id}", Correction(at: at, kinds: ["violence"], actions: ["security-called"]));
        coded.StatusCode.ShouldBe(HttpStatusCode.OK, await coded.Content.ReadAsStringAsync());
        (await StoredAsync(id)).Kinds.ShouldBe(EncounterKinds.Violence);
        (await StoredAsync(id)).Description.ShouldBe("김철수 씨가 욕설을 했다.");

        var words = await supervisor.Http.PutAsJsonAsync($"{Encounters}/{id}", Correction(at: at, kinds: ["threat"], description: "Something else"));
        words.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ErrorsAsync(words)).Keys.ShouldBe(["description"]);
        (await StoredAsync(id)).Kinds.ShouldBe(EncounterKinds.Violence, "a refused correction changes nothing");

        using var officer = await app.SignInAsync(cast.Officer);
        var byOfficer = await officer.Http.PutAsJsonAsync($"{Encounters}/{id}", Correction(at: at, kinds: ["violence", "threat"], description: "The officer's completion of what happened."));
        byOfficer.StatusCode.ShouldBe(HttpStatusCode.OK, await byOfficer.Content.ReadAsStringAsync());
        var stored = await StoredAsync(id);
        stored.Kinds.ShouldBe(EncounterKinds.Violence | EncounterKinds.Threat);
        stored.Description.ShouldBe("The officer's completion of what happened.");
    }

    [Fact]
    public async Task Correct_RefusedForPeer_OtherSupervisor_Leadership_ReadingSupervisor_AndAdministrator_NothingChanged()
    {
        var cast = await app.CastAsync();
        using var employee = await app.SignInAsync(cast.Employee);
        var id = (await employee.LogAsync(ProtectionTestData.NewEncounter())).GetProperty("id").GetInt32();
        var change = Correction(kinds: ["sexual-harassment"], description: "Changed by someone else");

        foreach (var nobody in new[] { cast.Peer, cast.OtherSupervisor, cast.Leader })
        {
            using var client = await app.SignInAsync(nobody);
            (await client.Http.PutAsJsonAsync($"{Encounters}/{id}", change)).StatusCode.ShouldBe(HttpStatusCode.NotFound, nobody);
        }

        // The office's supervisor reads it (scrubbed) but did not log it: no form, and the post is refused.
        using var supervisor = await app.SignInAsync(cast.Supervisor);
        var refused = await supervisor.Http.PutAsJsonAsync($"{Encounters}/{id}", Correction(kinds: ["sexual-harassment"]));
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("correct");
        var page = await supervisor.GetPageAsync($"/Protection/Encounters/{id}");
        page.QuerySelector("h1").ShouldNotBeNull();
        page.QuerySelector("form[action*='handler=Correct']").ShouldBeNull();
        using (var posted = await supervisor.Http.PostAsync($"/Protection/Encounters/{id}?handler=Correct", new FormUrlEncodedContent(
            [new("Correction.Channel", "visit"), new("Correction.Kinds", "sexual-harassment"), new("Correction.Date", "2026-01-01")])))
        {
            (posted.StatusCode == HttpStatusCode.Forbidden || posted.Headers.Location?.OriginalString.Contains("/Accounts/AccessDenied", StringComparison.Ordinal) == true)
                .ShouldBeTrue($"{posted.StatusCode} {posted.Headers.Location}");
        }

        using var admin = await app.SignInAsRoleAsync(Roles.Administrator);
        (await admin.Http.PutAsJsonAsync($"{Encounters}/{id}", Correction(kinds: ["sexual-harassment"]))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var stored = await StoredAsync(id);
        stored.Kinds.ShouldBe(EncounterKinds.VerbalAbuse | EncounterKinds.Threat);
        (await app.DbAsync(db => db.AuditEntries.CountAsync(a => a.EntityKey == stored.Reference && a.Action == LogEncounter.CorrectedAuditAction))).ShouldBe(0);
    }

    [Fact]
    public async Task Correct_BadInput_NamesEachFieldAndWhy_AndChangesNothing()
    {
        var cast = await app.CastAsync();
        using var employee = await app.SignInAsync(cast.Employee);
        var id = (await employee.LogAsync(ProtectionTestData.NewEncounter("Shouted at the counter."))).GetProperty("id").GetInt32();
        var before = await StoredAsync(id);

        var future = DateTimeOffset.UtcNow.AddDays(2);
        var response = await employee.Http.PutAsJsonAsync($"{Encounters}/{id}", Correction(
            at: future, office: "NO-SUCH-OFFICE", channel: "visit", kinds: [], description: new string('x', Encounter.MaxDescription + 1)));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = await ErrorsAsync(response);
        errors.Keys.Order().ShouldBe(["description", "kinds", "occurredAt", "office"]);
        errors["occurredAt"].ShouldContain("in the future");
        // The time is told as the city's clock shows it (Asia/Seoul, UTC+9 without summer time), not the server's UTC.
        errors["occurredAt"].ShouldContain($"{future.ToOffset(TimeSpan.FromHours(9)):yyyy-MM-dd HH:mm} (Asia/Seoul)");
        errors["office"].ShouldContain("NO-SUCH-OFFICE");
        errors["kinds"].ShouldContain("at least one");
        errors["description"].ShouldContain($"{Encounter.MaxDescription + 1}");

        var after = await StoredAsync(id);
        after.Channel.ShouldBe(before.Channel);
        after.Kinds.ShouldBe(before.Kinds);
        after.OfficeId.ShouldBe(before.OfficeId);
        after.OccurredAtUtc.ShouldBe(before.OccurredAtUtc);
        after.Description.ShouldBe("Shouted at the counter.");
        (await app.DbAsync(db => db.AuditEntries.CountAsync(a => a.EntityKey == before.Reference && a.Action == LogEncounter.CorrectedAuditAction))).ShouldBe(0);

        // The page says the same, each message by its field, and keeps what was typed.
        var page = await employee.GetPageAsync($"/Protection/Encounters/{id}");
        var fields = Html.FieldsOf(Html.FindForm(page, "Correction.Channel")).Where(f => f.Key != "Correction.Kinds").ToList();
        fields.RemoveAll(f => f.Key == "Correction.Office");
        fields.Add(new("Correction.Office", "NO-SUCH-OFFICE"));
        using var posted = await employee.Http.PostAsync($"/Protection/Encounters/{id}?handler=Correct", new FormUrlEncodedContent(fields));
        posted.StatusCode.ShouldBe(HttpStatusCode.OK);
        var shown = await Html.ParseAsync(posted);
        shown.QuerySelector("details#correct")!.HasAttribute("open").ShouldBeTrue();
        shown.Text("#correct .error-summary").ShouldContain("NO-SUCH-OFFICE");
        shown.Text("#correct-office-error").ShouldContain("NO-SUCH-OFFICE");
        shown.Text("#correct-kinds .field-error").ShouldContain("at least one");
        (await StoredAsync(id)).Kinds.ShouldBe(before.Kinds);
    }

    [Fact]
    public async Task Correct_OnThePage_AsEmployee_SavesWithANotice()
    {
        var cast = await app.CastAsync();
        using var employee = await app.SignInAsync(cast.Employee);
        var id = (await employee.LogAsync(ProtectionTestData.NewEncounter("Shouted at the counter."))).GetProperty("id").GetInt32();
        var page = await employee.GetPageAsync($"/Protection/Encounters/{id}");
        var fields = Html.FieldsOf(Html.FindForm(page, "Correction.Channel")).Where(f => f.Key is not ("Correction.Kinds" or "Correction.Channel" or "Correction.Description")).ToList();
        fields.AddRange([new("Correction.Channel", "visit"), new("Correction.Kinds", "threat"), new("Correction.Kinds", "unreasonable-demands"), new("Correction.Description", "Shouted and threatened at the counter.")]);

        using var posted = await employee.Http.PostAsync($"/Protection/Encounters/{id}?handler=Correct", new FormUrlEncodedContent(fields));
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect, await posted.Content.ReadAsStringAsync());
        posted.Headers.Location!.OriginalString.ShouldBe($"/Protection/Encounters/{id}");
        (await employee.GetPageAsync($"/Protection/Encounters/{id}")).Text(".notice").ShouldContain("corrected");
        var stored = await StoredAsync(id);
        stored.Channel.ShouldBe(EncounterChannel.Visit);
        stored.Kinds.ShouldBe(EncounterKinds.Threat | EncounterKinds.UnreasonableDemands);
        stored.Description.ShouldBe("Shouted and threatened at the counter.");
    }

    [Fact]
    public async Task Correct_AFlaggedEncounter_FromVerbalAbuseToThreatAndPersistence_AndTheCountsFollow()
    {
        var cast = await app.CastAsync();
        var flagger = await app.AccountAsync(Roles.Supervisor, null, cast.Office.Id);
        var answer = await app.ReceiveAsync(FollowUpTestData.Answer(cast.Office.Id, overall: 1, comment: "I will wait for you after work."));
        using var supervisor = await app.SignInAsync(flagger);
        var flagged = await supervisor.Http.PostAsJsonAsync($"/api/v1/feedback/answers/{answer!.AnswerId}/abuse-flag", new { employeeNumber = cast.EmployeeNumber });
        flagged.StatusCode.ShouldBe(HttpStatusCode.Created, await flagged.Content.ReadAsStringAsync());
        var id = (await flagged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var month = await MonthOfAsync(id);
        var counts = await CountsAsync(cast, month);
        counts[EncounterKinds.VerbalAbuse].ShouldBe(1);
        counts.ShouldNotContainKey(EncounterKinds.Threat);

        // The encounter page opens the correction at once for the employee.
        using var employee = await app.SignInAsync(cast.Employee);
        var page = await employee.GetPageAsync($"/Protection/Encounters/{id}");
        page.QuerySelector("details#correct")!.HasAttribute("open").ShouldBeTrue();

        var seen = await employee.Http.GetFromJsonAsync<JsonElement>($"{Encounters}/{id}");
        var corrected = await employee.Http.PutAsJsonAsync($"{Encounters}/{id}", Correction(
            at: Utc(seen.GetProperty("occurredAtUtc")), channel: "written", kinds: ["threat", "persistence"],
            description: seen.GetProperty("description").GetString() + " He wrote four times this week."));
        corrected.StatusCode.ShouldBe(HttpStatusCode.OK, await corrected.Content.ReadAsStringAsync());

        counts = await CountsAsync(cast, month);
        counts.ShouldNotContainKey(EncounterKinds.VerbalAbuse);
        counts[EncounterKinds.Threat].ShouldBe(1);
        counts[EncounterKinds.Persistence].ShouldBe(1);
        (await employee.GetPageAsync($"/Protection/Encounters/{id}")).QuerySelector("details#correct")!.HasAttribute("open").ShouldBeFalse("corrected once, it no longer opens at once");
    }

    [Fact]
    public async Task FlagCase_ByAFlaggerWhoMayNotReadTheEncounter_GetsANoticeAtTheCase_AndTheApiOnlyTheReference()
    {
        var cast = await app.CastAsync();
        var elsewhere = await app.CreateEmployeeAsync(cast.OtherUnit.Code);
        var handler = await app.AccountAsync(Roles.Employee, elsewhere.Id, null);
        var handlerId = await app.UserIdAsync(handler);
        var byPage = await app.OpenCaseAsync(cast.Office.Code);
        var byApi = await app.OpenCaseAsync(cast.Office.Code);
        await app.DbAsync(db => db.Set<FollowUpCase>().Where(c => c.Id == byPage.Id || c.Id == byApi.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.AssignedUserId, handlerId)));

        // The office's supervisor handles the case but may not read an encounter of another unit's employee.
        using var supervisor = await app.SignInAsync(cast.Supervisor);
        var confirm = await supervisor.GetPageAsync($"/Protection/Flag/Case/{byPage.Id}");
        using (var posted = await supervisor.SubmitAsync(confirm, $"/Protection/Flag/Case/{byPage.Id}", new Dictionary<string, string> { ["confirmed"] = "true" }))
        {
            posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            posted.Headers.Location!.OriginalString.ShouldBe($"/FollowUps/Case/{byPage.Id}");
        }

        var encounter = await app.DbAsync(db => db.ProtectionEncounters.AsNoTracking().SingleAsync(e => e.FollowUpCaseId == byPage.Id));
        encounter.EmployeeId.ShouldBe(elsewhere.Id);
        var notice = (await supervisor.GetPageAsync($"/FollowUps/Case/{byPage.Id}")).Text(".notice");
        notice.ShouldContain("The encounter is recorded for the employee who handles the case");
        notice.ShouldNotContain(elsewhere.Name);
        (await supervisor.GetAsync($"/Protection/Encounters/{encounter.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Opening the flag again leads back to the case with the notice, not to a 404.
        using (var again = await supervisor.GetAsync($"/Protection/Flag/Case/{byPage.Id}"))
        {
            again.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            again.Headers.Location!.OriginalString.ShouldBe($"/FollowUps/Case/{byPage.Id}");
        }

        var flagged = await supervisor.Http.PostAsync($"/api/v1/follow-ups/{byApi.Id}/abuse-flag", null);
        var body = await flagged.Content.ReadAsStringAsync();
        flagged.StatusCode.ShouldBe(HttpStatusCode.Created, body);
        var receipt = JsonDocument.Parse(body).RootElement;
        receipt.GetProperty("recorded").GetBoolean().ShouldBeTrue();
        receipt.GetProperty("reference").GetString().ShouldStartWith("ENC-");
        receipt.TryGetProperty("description", out _).ShouldBeFalse();
        receipt.TryGetProperty("employee", out _).ShouldBeFalse();
        receipt.TryGetProperty("id", out _).ShouldBeFalse();
        var twice = await supervisor.Http.PostAsync($"/api/v1/follow-ups/{byApi.Id}/abuse-flag", null);
        twice.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await twice.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reference").GetString().ShouldBe(receipt.GetProperty("reference").GetString());
    }

    [Fact]
    public async Task FlagAnswer_FlaggedBeforeForAnEmployeeTheFlaggerMayNotRead_LeadsBackToTheAnswerWithANotice()
    {
        var cast = await app.CastAsync();
        var answer = await app.ReceiveAsync(FollowUpTestData.Answer(cast.Office.Id, overall: 1, comment: "Useless people."));
        var answerId = answer!.AnswerId;

        // The department's supervisor flags it for one of the department's own staff, outside the office.
        var departmental = await app.CreateEmployeeAsync(cast.Department.Code);
        var departmentSupervisor = await app.AccountAsync(Roles.Supervisor, null, cast.Department.Id);
        using (var first = await app.SignInAsync(departmentSupervisor))
        {
            (await first.Http.PostAsJsonAsync($"/api/v1/feedback/answers/{answerId}/abuse-flag", new { employeeNumber = departmental.EmployeeNumber }))
                .StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        // The office's supervisor revises the office's answers but may not read that encounter: the answer again, with a notice.
        using var supervisor = await app.SignInAsync(cast.Supervisor);
        using (var opened = await supervisor.GetAsync($"/Protection/Flag/Answer/{answerId}"))
        {
            opened.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            opened.Headers.Location!.OriginalString.ShouldBe($"/Insights/Answers/{answerId}/Exclusion");
        }

        (await supervisor.GetPageAsync($"/Insights/Answers/{answerId}/Exclusion")).Text(".notice").ShouldContain("Its encounter is recorded for the employee it hurt");
        var again = await supervisor.Http.PostAsJsonAsync($"/api/v1/feedback/answers/{answerId}/abuse-flag", new { });
        var body = await again.Content.ReadAsStringAsync();
        again.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        var receipt = JsonDocument.Parse(body).RootElement;
        receipt.GetProperty("recorded").GetBoolean().ShouldBeTrue();
        receipt.TryGetProperty("description", out _).ShouldBeFalse();
        body.ShouldNotContain("Useless");
        (await app.DbAsync(db => db.ProtectionEncounters.CountAsync(e => e.FeedbackAnswerId == answerId))).ShouldBe(1);
    }

    [Fact]
    public async Task OpenApi_NamesTheCorrection()
    {
        using var api = app.ApiClient();
        var doc = await api.GetOkAsync<JsonElement>("/openapi/v1.json");
        var correct = doc.GetProperty("paths").GetProperty("/api/v1/encounters/{id}").GetProperty("put");
        correct.GetProperty("operationId").GetString().ShouldBe("CorrectEncounter");
        correct.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ShouldContain("If-Match");
        correct.GetProperty("responses").TryGetProperty("409", out _).ShouldBeTrue();
    }

    private static object Correction(
        DateTimeOffset? at = null, string? office = null, string channel = "phone", string[]? kinds = null, string[]? actions = null,
        string? description = null, string? injury = null) => new
    {
        occurredAt = at ?? DateTimeOffset.UtcNow.AddHours(-1),
        office,
        channel,
        kinds = kinds ?? ["verbal-abuse"],
        actions = actions ?? [],
        description,
        injury,
    };

    private static DateTimeOffset Utc(JsonElement instant) => new(DateTime.SpecifyKind(instant.GetDateTime(), DateTimeKind.Utc));

    private Task<Encounter> StoredAsync(int id) => app.DbAsync(db => db.ProtectionEncounters.AsNoTracking().SingleAsync(e => e.Id == id));

    private static async Task<Dictionary<string, string>> ErrorsAsync(HttpResponseMessage response)
    {
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return problem.GetProperty("errors").EnumerateObject().ToDictionary(p => p.Name, p => string.Join(" ", p.Value.EnumerateArray().Select(v => v.GetString())));
    }

    private async Task<DateOnly> MonthOfAsync(int id)
    {
        var day = app.Services.GetRequiredService<CityClock>().DateOf(new DateTimeOffset(DateTime.SpecifyKind((await StoredAsync(id)).OccurredAtUtc, DateTimeKind.Utc)));
        return new DateOnly(day.Year, day.Month, 1);
    }

    private async Task<Dictionary<EncounterKinds, int>> CountsAsync(ProtectionCast cast, DateOnly month)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var counts = await scope.ServiceProvider.GetRequiredService<ProtectionFigures>().CountAsync(cast.Office.Path, month, month, CancellationToken.None);
        counts.Encounters.ShouldBe(1);
        return counts.ByKindAndMonth.ToDictionary(k => k.Kind, k => k.Encounters);
    }
}

public sealed class EncounterCorrectionSqliteTests(SqliteApp app) : EncounterCorrectionTests(app), IClassFixture<SqliteApp>;

public sealed class EncounterCorrectionPostgresTests(PostgresApp app) : EncounterCorrectionTests(app), IClassFixture<PostgresApp>;
