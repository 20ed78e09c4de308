using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Protection.Encounters;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;

namespace ServeWell.Web.Tests.Modules.Protection;

/// <summary>The encounter log (issue 17, ADR-059): who is told, who sees what, bad input, the complainant recognised by a keyed hash.</summary>
public abstract class EncounterLogTests(AppHost app)
{
    private const string Encounters = ProtectionTestData.Encounters;

    [Fact]
    public async Task Log_AsEmployee_TellsSupervisorAndOfficer_AndEachRoleSeesOnlyWhatItMay()
    {
        var cast = await app.CastAsync();
        using var employee = await app.SignInAsync(cast.Employee);
        var logged = await employee.LogAsync(ProtectionTestData.NewEncounter("김민수 씨가 010-2345-6789로 전화해 욕설을 했다."));
        var id = logged.GetProperty("id").GetInt32();
        var reference = logged.GetProperty("reference").GetString()!;
        logged.GetProperty("description").GetString().ShouldStartWith("김민수 씨가 010-2345-6789");

        var mail = await app.DbAsync(db => db.OutboxMails.Where(m => m.To == cast.Supervisor || m.To == cast.Officer).Select(m => new { m.To, m.TextBody }).ToListAsync());
        mail.Select(m => m.To).Order().ShouldBe(new[] { cast.Officer, cast.Supervisor }.Order());
        mail.ShouldAllBe(m => !m.TextBody.Contains("010-2345-6789") && m.TextBody.Contains($"/Protection/Encounters/{id}"));

        foreach (var nobody in new[] { cast.Peer, cast.OtherSupervisor, cast.Leader })
        {
            using var client = await app.SignInAsync(nobody);
            (await client.GetAsync($"{Encounters}/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound, nobody);
            (await client.GetAsync($"/Protection/Encounters/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound, nobody);
            (await client.Http.GetStringAsync(Encounters)).ShouldNotContain(reference);
        }

        using var supervisor = await app.SignInAsync(cast.Supervisor);
        var scrubbed = await supervisor.Http.GetFromJsonAsync<JsonElement>($"{Encounters}/{id}");
        scrubbed.GetProperty("scrubbed").GetBoolean().ShouldBeTrue();
        scrubbed.GetProperty("description").GetString()!.ShouldNotContain("010-2345-6789");
        scrubbed.GetProperty("description").GetString()!.ShouldNotContain("김민수");
        (await supervisor.GetPageAsync($"/Protection/Encounters/{id}")).Text(".comment").ShouldNotContain("010-2345-6789");

        using var admin = await app.SignInAsRoleAsync(Roles.Administrator);
        (await admin.Http.GetFromJsonAsync<JsonElement>($"{Encounters}/{id}")).GetProperty("scrubbed").GetBoolean().ShouldBeTrue();

        using var officer = await app.SignInAsync(cast.Officer);
        var full = await officer.Http.GetFromJsonAsync<JsonElement>($"{Encounters}/{id}");
        full.GetProperty("scrubbed").GetBoolean().ShouldBeFalse();
        full.GetProperty("description").GetString().ShouldStartWith("김민수 씨가 010-2345-6789");

        var reads = await app.DbAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(Encounter) && a.EntityKey == reference).Select(a => new { a.Action, a.After }).ToListAsync());
        reads.Count(r => r.Action == "read").ShouldBe(4);
        reads.ShouldAllBe(r => r.After == null || !r.After.Contains("010-2345-6789"));
    }

    [Fact]
    public async Task Log_BySupervisor_ForOwnStaffOnly()
    {
        var cast = await app.CastAsync();
        using var supervisor = await app.SignInAsync(cast.Supervisor);
        var logged = await supervisor.LogAsync(ProtectionTestData.NewEncounter(employeeNumber: cast.EmployeeNumber));
        using var employee = await app.SignInAsync(cast.Employee);
        var mine = await employee.Http.GetFromJsonAsync<JsonElement>(Encounters);
        mine.EnumerateArray().ShouldContain(e => e.GetProperty("id").GetInt32() == logged.GetProperty("id").GetInt32() && e.GetProperty("mine").GetBoolean());

        using var other = await app.SignInAsync(cast.OtherSupervisor);
        var refused = await other.Http.PostAsJsonAsync(Encounters, ProtectionTestData.NewEncounter(employeeNumber: cast.EmployeeNumber));
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Log_BadInput_SaysWhatAndWhy_AndStoresNothing()
    {
        var cast = await app.CastAsync();
        using var employee = await app.SignInAsync(cast.Employee);
        var before = await app.DbAsync(db => db.ProtectionEncounters.CountAsync());
        var response = await employee.Http.PostAsJsonAsync(Encounters, new
        {
            occurredAt = DateTimeOffset.UtcNow.AddDays(2),
            channel = "pigeon",
            kinds = new[] { "rudeness" },
            actions = new[] { "warned" },
            description = "",
            complainantContact = "not a contact",
            office = "NO-SUCH-OFFICE",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.GetProperty("occurredAt")[0].GetString()!.ShouldContain("future");
        errors.GetProperty("channel")[0].GetString()!.ShouldContain("pigeon");
        errors.GetProperty("kinds")[0].GetString()!.ShouldContain("rudeness");
        errors.GetProperty("description")[0].GetString()!.Length.ShouldBeGreaterThan(0);
        errors.GetProperty("complainantContact")[0].GetString()!.Length.ShouldBeGreaterThan(0);
        errors.GetProperty("office")[0].GetString()!.ShouldContain("NO-SUCH-OFFICE");
        (await app.DbAsync(db => db.ProtectionEncounters.CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task Complainant_SamePhoneInAnyForm_IsRecognised_WithoutStoringTheContact()
    {
        var cast = await app.CastAsync();
        using var employee = await app.SignInAsync(cast.Employee);
        var phone = "010-" + Random.Shared.Next(1000, 9999) + "-" + Random.Shared.Next(1000, 9999);
        var digits = phone.Replace("-", "", StringComparison.Ordinal);
        var fullWidth = new string([.. ("+82 " + phone[1..]).Select(c => char.IsAsciiDigit(c) ? (char)(c - '0' + '０') : c)]);
        var first = await employee.LogAsync(ProtectionTestData.NewEncounter(contact: phone, at: DateTimeOffset.UtcNow.AddDays(-3)));
        var second = await employee.LogAsync(ProtectionTestData.NewEncounter(contact: fullWidth, at: DateTimeOffset.UtcNow.AddDays(-1)));
        var third = await employee.LogAsync(ProtectionTestData.NewEncounter(contact: "someone.else@test.example"));

        first.GetProperty("encounterWithComplainant").GetInt32().ShouldBe(1);
        second.GetProperty("encounterWithComplainant").GetInt32().ShouldBe(2);
        third.GetProperty("encounterWithComplainant").GetInt32().ShouldBe(1);
        var page = await employee.GetPageAsync($"/Protection/Encounters/{second.GetProperty("id").GetInt32()}");
        page.Text(".caution").ShouldContain("2");

        var stored = await app.DbAsync(db => db.ProtectionEncounters.AsNoTracking().Where(e => e.Id == second.GetProperty("id").GetInt32()).SingleAsync());
        stored.ComplainantKey!.Length.ShouldBe(64);
        stored.ComplainantKey.ShouldNotContain(digits);
        var audit = await app.DbAsync(db => db.AuditEntries.Where(a => a.After != null && a.After.Contains(digits)).CountAsync());
        audit.ShouldBe(0);
    }
}

public sealed class EncounterLogSqliteTests(SqliteApp app) : EncounterLogTests(app), IClassFixture<SqliteApp>;

public sealed class EncounterLogPostgresTests(PostgresApp app) : EncounterLogTests(app), IClassFixture<PostgresApp>;
