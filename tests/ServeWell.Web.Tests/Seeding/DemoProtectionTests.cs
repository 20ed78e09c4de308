using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Protection.Encounters;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;

namespace ServeWell.Web.Tests.Seeding;

/// <summary>
/// The demo city's staff protection (ADR-063), read back after a real start: two years of encounters, a cluster around one
/// complainant known only by the keyed hash, support, a criminal complaint, two restrictions whose letters print, three
/// library cases, the training officer as the city's protection officer; a second start adds nothing.
/// </summary>
public abstract class DemoProtectionTests(AppHost app)
{
    [Fact]
    public async Task DemoCity_HasTwoYearsOfEncounters_AClusterAroundOneComplainant_SupportRestrictionsAndAnOfficer()
    {
        var encounters = await app.DbAsync(db => db.ProtectionEncounters.AsNoTracking().Where(e => e.Reference.StartsWith("ENC-DEMO")).ToListAsync());
        encounters.Count.ShouldBeInRange(30, 60);
        (encounters.Max(e => e.OccurredAtUtc) - encounters.Min(e => e.OccurredAtUtc)).TotalDays.ShouldBeGreaterThan(600);
        encounters.Where(e => e.ComplainantKey is not null).GroupBy(e => e.ComplainantKey).Max(g => g.Count()).ShouldBeGreaterThanOrEqualTo(4);
        encounters.ShouldAllBe(e => e.ComplainantKey == null || !e.ComplainantKey.Contains("010"));
        encounters.Count(e => e.PracticeCaseId != null).ShouldBe(3);
        var ids = encounters.Select(e => e.Id).ToList();
        (await app.DbAsync(db => db.ProtectionSupportOffers.CountAsync(s => ids.Contains(s.EncounterId)))).ShouldBeGreaterThan(encounters.Count / 2);
        (await app.DbAsync(db => db.ProtectionLegalActions.CountAsync(s => ids.Contains(s.EncounterId)))).ShouldBe(1);
        var restrictions = await app.DbAsync(db => db.ProtectionRestrictions.AsNoTracking().Where(r => ids.Contains(r.EncounterId)).ToListAsync());
        restrictions.Count.ShouldBe(2);
        restrictions.Select(r => r.LetterLanguage).OrderBy(l => l).ShouldBe(["en", "ko"]);

        // The training officer is the city's protection officer: they read the cluster's words in full and print a letter.
        using var officer = await app.SignInAsRoleAsync(Roles.TrainingOfficer);
        var restriction = restrictions.First();
        var seen = await officer.Http.GetFromJsonAsync<JsonElement>($"/api/v1/encounters/{restriction.EncounterId}");
        seen.GetProperty("scrubbed").GetBoolean().ShouldBeFalse();
        var letter = await officer.Http.PostAsJsonAsync($"/api/v1/encounters/{restriction.EncounterId}/restrictions/{restriction.Id}/letter", new { name = "홍길동" });
        letter.Content.Headers.ContentType?.MediaType.ShouldBe("application/pdf", await letter.Content.ReadAsStringAsync());

        var before = await app.DbAsync(db => db.ProtectionEncounters.CountAsync());
        app.StartInstance();
        (await app.DbAsync(db => db.ProtectionEncounters.CountAsync())).ShouldBe(before);
    }
}

public sealed class DemoProtectionSqliteTests(SqliteApp app) : DemoProtectionTests(app), IClassFixture<SqliteApp>;

public sealed class DemoProtectionPostgresTests(PostgresApp app) : DemoProtectionTests(app), IClassFixture<PostgresApp>;
