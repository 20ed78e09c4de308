using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Practice.Cases;
using ServeWell.Web.Modules.Protection.Encounters;
using ServeWell.Web.Tests.Fixtures;
using ServeWell.Web.Tests.Modules.FollowUps;

namespace ServeWell.Web.Tests.Modules.Protection;

/// <summary>
/// Consent before a case draft (issue 17, ADR-062): only the employee turns their encounter into a draft of the case
/// library, scrubbed and without their name; supervisors and officers are refused, peers find nothing.
/// </summary>
public abstract class CaseConsentTests(AppHost app)
{
    [Fact]
    public async Task Consent_OnlyTheEmployee_MakesOneScrubbedDraftWithoutTheirName()
    {
        var cast = await app.CastAsync();
        var name = await app.DbAsync(db => db.Employees.Where(e => e.EmployeeNumber == cast.EmployeeNumber).Select(e => e.Name).SingleAsync());
        using var employee = await app.SignInAsync(cast.Employee);
        var id = (await employee.LogAsync(ProtectionTestData.NewEncounter(
            description: $"민원인이 창구에서 {name} 주무관에게 욕설을 하고 010-3141-5926으로 다시 전화하겠다고 했다."))).GetProperty("id").GetInt32();
        var path = $"/api/v1/encounters/{id}/case-consent";

        foreach (var other in new[] { cast.Supervisor, cast.Officer })
        {
            using var client = await app.SignInAsync(other);
            (await client.Http.PostAsync(path, null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, other);
        }

        using (var peer = await app.SignInAsync(cast.Peer))
        {
            (await peer.Http.PostAsync(path, null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        (await app.DbAsync(db => db.ProtectionEncounters.Where(e => e.Id == id).Select(e => e.PracticeCaseId).SingleAsync())).ShouldBeNull();

        var consented = await employee.Http.PostAsync(path, null);
        var body = await consented.Content.ReadAsStringAsync();
        consented.StatusCode.ShouldBe(HttpStatusCode.Created, body);
        var caseId = JsonDocument.Parse(body).RootElement.GetProperty("practiceCaseId").GetInt32();

        var draft = await app.DbAsync(db => db.PracticeCases.AsNoTracking().SingleAsync(c => c.Id == caseId));
        draft.Status.ShouldBe(CaseStatus.Draft);
        draft.AuthorUserId.ShouldBe(await app.UserIdAsync(cast.Employee));
        draft.Tags.HasFlag(CaseTags.Malicious).ShouldBeTrue();
        var words = string.Join(" ", draft.Texts.Select(t => t.Ko + " " + t.En));
        words.ShouldContain("욕설");
        words.ShouldNotContain(name);
        words.ShouldNotContain("3141");

        var encounter = await app.DbAsync(db => db.ProtectionEncounters.AsNoTracking().SingleAsync(e => e.Id == id));
        encounter.PracticeCaseId.ShouldBe(caseId);
        encounter.CaseConsentAtUtc.ShouldNotBeNull();
        (await app.DbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(Encounter) && a.EntityKey == encounter.Reference && a.Action == "case-consent"))).ShouldBe(1);

        // Again: the same draft, no second one.
        var again = await employee.Http.PostAsync(path, null);
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("practiceCaseId").GetInt32().ShouldBe(caseId);
        (await app.DbAsync(db => db.PracticeCases.CountAsync(c => c.Id == caseId))).ShouldBe(1);
    }

    [Fact]
    public async Task EncounterPage_OffersConsentToTheEmployeeOnly()
    {
        var cast = await app.CastAsync();
        using var employee = await app.SignInAsync(cast.Employee);
        var id = (await employee.LogAsync(ProtectionTestData.NewEncounter())).GetProperty("id").GetInt32();
        var consent = $"a[href='/Protection/Encounters/{id}?handler=Consent']";
        (await employee.GetPageAsync($"/Protection/Encounters/{id}")).QuerySelector(consent).ShouldNotBeNull();
        using var officer = await app.SignInAsync(cast.Officer);
        (await officer.GetPageAsync($"/Protection/Encounters/{id}")).QuerySelector(consent).ShouldBeNull();

        var ask = await employee.GetPageAsync($"/Protection/Encounters/{id}?handler=Consent");
        using var confirmed = await employee.SubmitAsync(ask, $"/Protection/Encounters/{id}?handler=Consent", new Dictionary<string, string> { ["confirmed"] = "true" });
        confirmed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var caseId = await app.DbAsync(db => db.ProtectionEncounters.Where(e => e.Id == id).Select(e => e.PracticeCaseId).SingleAsync());
        confirmed.Headers.Location!.OriginalString.ShouldBe($"/Practice/Cases/Edit/{caseId}");
    }
}

public sealed class CaseConsentSqliteTests(SqliteApp app) : CaseConsentTests(app), IClassFixture<SqliteApp>;

public sealed class CaseConsentPostgresTests(PostgresApp app) : CaseConsentTests(app), IClassFixture<PostgresApp>;
