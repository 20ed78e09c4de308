using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServeWell.Web.Modules.Protection.Encounters;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;
using ServeWell.Web.Tests.Modules.FollowUps;

namespace ServeWell.Web.Tests.Modules.Protection;

/// <summary>
/// The record's corrections on the encounter page, and no lost update (ADR-062, 13): every reader sees who corrected it,
/// when and what changed, never the words; a correction made on a version someone else has corrected since is refused
/// (409 on the API, a message on the page that keeps the input), nothing changed and nothing audited.
/// </summary>
public abstract class EncounterHistoryTests(AppHost app)
{
    private const string Encounters = ProtectionTestData.Encounters;

    [Fact]
    public async Task History_ListsEachCorrection_NewestFirst_WithWhoAndOldToNew_ButNeverTheWords()
    {
        var cast = await app.CastAsync();
        using var employee = await app.SignInAsync(cast.Employee);
        var id = (await employee.LogAsync(ProtectionTestData.NewEncounter("전화로 욕설을 들었다."))).GetProperty("id").GetInt32();
        var employeeName = await RenameAsync(cast.Employee, "Kim Jiwoo " + TestData.Unique(""));
        var officerName = await RenameAsync(cast.Officer, "Officer Han " + TestData.Unique(""));

        // Not corrected yet: no list and no empty heading.
        using var supervisor = await app.SignInAsync(cast.Supervisor);
        var before = await supervisor.GetPageAsync($"/Protection/Encounters/{id}");
        before.QuerySelector("#corrections").ShouldBeNull();
        before.QuerySelector("#corrections-heading").ShouldBeNull();

        var seen = await employee.Http.GetFromJsonAsync<JsonElement>($"{Encounters}/{id}");
        var first = await PutAsync(employee, id, Utc(seen.GetProperty("occurredAtUtc")), "\"0\"", channel: "visit", kinds: ["threat", "persistence"],
            description: "박영희 씨가 010-3141-5926으로 다시 전화해 위협했다.");
        first.StatusCode.ShouldBe(HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        using var officer = await app.SignInAsync(cast.Officer);
        var second = await PutAsync(officer, id, Utc(seen.GetProperty("occurredAtUtc")), "\"1\"", channel: "visit", kinds: ["threat", "persistence"],
            actions: ["warned"], description: "박영희 씨가 010-3141-5926으로 다시 전화해 위협했다.", injury: "손목을 다쳤다.");
        second.StatusCode.ShouldBe(HttpStatusCode.OK, await second.Content.ReadAsStringAsync());

        // The office's supervisor reads the scrubbed record, and sees who corrected it and what changed, newest first.
        var page = await supervisor.GetPageAsync($"/Protection/Encounters/{id}");
        page.Text("#corrections-heading").ShouldBe("Corrections");
        var items = page.QuerySelectorAll("#corrections > li").Select(li => li.TextContent).ToList();
        items.Count.ShouldBe(2);
        items[0].ShouldContain(officerName);
        items[0].ShouldContain("On-the-spot actions: Warned the person, Ended the call after the warning → Warned the person");
        items[0].ShouldContain("Injury changed");
        items[0].ShouldNotContain("Description changed");
        items[1].ShouldContain(employeeName);
        items[1].ShouldContain("Channel: On the phone → At the counter or a visit");
        items[1].ShouldContain("Kinds: Verbal abuse, Threat → Threat, Unreasonable persistence");
        items[1].ShouldContain("Description changed");
        page.QuerySelector("#corrections time")!.GetAttribute("datetime").ShouldNotBeNullOrEmpty();
        var history = page.Text("#corrections");
        foreach (var words in new[] { "박영희", "3141", "손목", "욕설", "@test.example" })
        {
            history.ShouldNotContain(words);
        }

        // In Korean, for a reader who reads Korean.
        var korean = await app.AccountAsync(Roles.Supervisor, null, cast.Office.Id, culture: "ko");
        using var koreanSupervisor = await app.SignInAsync(korean);
        var koPage = await koreanSupervisor.GetPageAsync($"/Protection/Encounters/{id}");
        koPage.Text("#corrections-heading").ShouldBe("정정 이력");
        koPage.Text("#corrections").ShouldContain("설명 변경");
        koPage.Text("#corrections").ShouldContain("정정한 사람: " + employeeName);
    }

    [Fact]
    public async Task Correct_OnAVersionSomeoneElseCorrected_Is409_AndTheConflictOnThePage_NothingChanged_NothingAudited()
    {
        var cast = await app.CastAsync();
        using var employee = await app.SignInAsync(cast.Employee);
        var id = (await employee.LogAsync(ProtectionTestData.NewEncounter("Shouted at the counter."))).GetProperty("id").GetInt32();

        // The officer opens the record (API and page) at version 0.
        using var officer = await app.SignInAsync(cast.Officer);
        using var opened = await officer.GetAsync($"{Encounters}/{id}");
        opened.Headers.ETag!.Tag.ShouldBe("\"0\"");
        var seen = await opened.Content.ReadFromJsonAsync<JsonElement>();
        seen.GetProperty("version").GetInt32().ShouldBe(0);
        var at = Utc(seen.GetProperty("occurredAtUtc"));
        var form = await officer.GetPageAsync($"/Protection/Encounters/{id}");

        // The employee corrects it first: that correction stands.
        var first = await PutAsync(employee, id, at, opened.Headers.ETag.Tag, kinds: ["threat"], description: "Shouted and threatened at the counter.");
        first.StatusCode.ShouldBe(HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        first.Headers.ETag!.Tag.ShouldBe("\"1\"");
        (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32().ShouldBe(1);
        var corrected = await StoredAsync(id);

        // The officer's correction, made on version 0, is refused on the API.
        var stale = await PutAsync(officer, id, at, "\"0\"", kinds: ["violence"], description: "The officer's words.");
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = await stale.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("detail").GetString().ShouldBe("Someone else corrected this record since you opened it. Reload it to see their correction, then correct it again.");

        // ... and on the page: the message, the form open with what was typed, the version it was opened on.
        var fields = Html.FieldsOf(Html.FindForm(form, "Correction.Channel")).Where(f => f.Key is not ("Correction.Kinds" or "Correction.Description")).ToList();
        fields.Single(f => f.Key == "Correction.Version").Value.ShouldBe("0");
        fields.AddRange([new("Correction.Kinds", "sexual-harassment"), new("Correction.Description", "The officer's second try.")]);
        using var posted = await officer.Http.PostAsync($"/Protection/Encounters/{id}?handler=Correct", new FormUrlEncodedContent(fields));
        posted.StatusCode.ShouldBe(HttpStatusCode.OK);
        var shown = await Html.ParseAsync(posted);
        shown.Text("#correct .error-summary").ShouldContain("Someone else corrected this record since you opened it");
        shown.QuerySelector("details#correct")!.HasAttribute("open").ShouldBeTrue();
        shown.Text("#correct-description").ShouldBe("The officer's second try.");
        shown.QuerySelector("#correct-kind-sexual-harassment")!.HasAttribute("checked").ShouldBeTrue();
        shown.QuerySelector("input[name='Correction.Version']")!.GetAttribute("value").ShouldBe("0");

        var stored = await StoredAsync(id);
        stored.Version.ShouldBe(1);
        stored.Kinds.ShouldBe(corrected.Kinds);
        stored.Description.ShouldBe("Shouted and threatened at the counter.");
        (await app.DbAsync(db => db.AuditEntries.CountAsync(a => a.EntityKey == stored.Reference && a.Action == LogEncounter.CorrectedAuditAction))).ShouldBe(1);

        // Reloaded (version 1), the officer's correction goes through.
        var reloaded = await PutAsync(officer, id, at, "W/\"1\"", kinds: ["violence"], description: "The officer's words.");
        reloaded.StatusCode.ShouldBe(HttpStatusCode.OK, await reloaded.Content.ReadAsStringAsync());
        (await StoredAsync(id)).Kinds.ShouldBe(EncounterKinds.Violence);
        (await StoredAsync(id)).Version.ShouldBe(2);

        // An If-Match that names no version is refused by name.
        var wrong = await PutAsync(officer, id, at, "\"abc\"", kinds: ["threat"]);
        wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.GetProperty("If-Match")[0].GetString()!.ShouldContain("\"abc\" is not a version");
        (await StoredAsync(id)).Kinds.ShouldBe(EncounterKinds.Violence);
    }

    [Fact]
    public async Task Correct_SavedAtTheSameMomentAsAnother_IsAConflictToo_NothingChanged_NothingAudited()
    {
        var cast = await app.CastAsync();
        using var employee = await app.SignInAsync(cast.Employee);
        var logged = await employee.LogAsync(ProtectionTestData.NewEncounter("Shouted at the counter."));
        var id = logged.GetProperty("id").GetInt32();
        var at = Utc(logged.GetProperty("occurredAtUtc"));
        var reader = new EncounterReader(await app.UserIdAsync(cast.Employee), "Test Employee", (await app.EmployeeAsync(cast.EmployeeNumber)).Id, false, null, []);

        // This correction has read the record (version 0) when another one, sent without If-Match, is saved.
        await using var scope = app.Services.CreateAsyncScope();
        _ = await scope.ServiceProvider.GetRequiredService<ServeWellDbContext>().ProtectionEncounters.SingleAsync(e => e.Id == id);
        var other = await PutAsync(employee, id, at, null, kinds: ["threat"], description: "Shouted and threatened at the counter.");
        other.StatusCode.ShouldBe(HttpStatusCode.OK, await other.Content.ReadAsStringAsync());

        var outcome = await scope.ServiceProvider.GetRequiredService<LogEncounter>().CorrectAsync(
            id, new EncounterRecord(at, null, "visit", ["violence"], [], "Hit the counter.", null), null, reader, CancellationToken.None);
        outcome.Conflict.ShouldBeTrue();
        outcome.Succeeded.ShouldBeFalse();
        var stored = await StoredAsync(id);
        stored.Version.ShouldBe(1);
        stored.Kinds.ShouldBe(EncounterKinds.Threat);
        stored.Description.ShouldBe("Shouted and threatened at the counter.");
        (await app.DbAsync(db => db.AuditEntries.CountAsync(a => a.EntityKey == stored.Reference && a.Action == LogEncounter.CorrectedAuditAction))).ShouldBe(1);
    }

    private static async Task<HttpResponseMessage> PutAsync(
        StaffClient client, int id, DateTimeOffset at, string? ifMatch, string channel = "phone", string[]? kinds = null, string[]? actions = null,
        string? description = null, string? injury = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"{Encounters}/{id}")
        {
            Content = JsonContent.Create(new
            {
                occurredAt = at, office = (string?)null, channel, kinds = kinds ?? ["verbal-abuse"], actions = actions ?? ["warned", "call-ended"],
                description, injury,
            }),
        };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await client.Http.SendAsync(request);
    }

    private async Task<string> RenameAsync(string email, string displayName)
    {
        await app.DbAsync(db => db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(s => s.SetProperty(u => u.DisplayName, displayName)));
        return displayName;
    }

    private static DateTimeOffset Utc(JsonElement instant) => new(DateTime.SpecifyKind(instant.GetDateTime(), DateTimeKind.Utc));

    private Task<Encounter> StoredAsync(int id) => app.DbAsync(db => db.ProtectionEncounters.AsNoTracking().SingleAsync(e => e.Id == id));
}

public sealed class EncounterHistorySqliteTests(SqliteApp app) : EncounterHistoryTests(app), IClassFixture<SqliteApp>;

public sealed class EncounterHistoryPostgresTests(PostgresApp app) : EncounterHistoryTests(app), IClassFixture<PostgresApp>;
