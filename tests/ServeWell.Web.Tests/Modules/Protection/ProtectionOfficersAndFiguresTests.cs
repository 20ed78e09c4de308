using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServeWell.Web.Modules.People.OrgUnits;
using ServeWell.Web.Modules.Protection.Encounters;
using ServeWell.Web.Modules.Protection.Restrictions;
using ServeWell.Web.Modules.Protection.Support;
using ServeWell.Web.Platform.City;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;

namespace ServeWell.Web.Tests.Modules.Protection;

/// <summary>
/// The protection officers page and API (administrators only; a designated officer then reads the unit's encounters in
/// full, a removed one no longer), and the Insights staff protection page (ADR-063): counts right against hand-made
/// encounters, a small office withheld with the next smallest, scope per role, and never a description or a name.
/// </summary>
public abstract class ProtectionOfficersAndFiguresTests(AppHost app)
{
    private const string Page = "/Protection/Officers";
    private const string Api = "/api/v1/protection/officers";

    [Fact]
    public async Task Officers_AdministratorDesignatesAndRemovesAfterConfirmation_TheOfficerThenSeesTheUnitsEncounters_OthersRefused()
    {
        var cast = await app.CastAsync();
        using var employee = await app.SignInAsync(cast.Employee);
        var id = (await employee.LogAsync(ProtectionTestData.NewEncounter())).GetProperty("id").GetInt32();
        var elsewhere = await app.CreateEmployeeAsync(cast.OtherUnit.Code);
        var newOfficer = await app.AccountAsync(Roles.Employee, elsewhere.Id, null);
        using var officer = await app.SignInAsync(newOfficer);
        (await officer.GetAsync($"{ProtectionTestData.Encounters}/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        foreach (var refused in new[] { cast.Supervisor, cast.Employee, cast.Leader })
        {
            using var client = refused == cast.Employee ? null : await app.SignInAsync(refused);
            var http = (client ?? employee).Http;
            var page = await http.GetAsync(Page);
            (page.StatusCode == HttpStatusCode.Forbidden || page.Headers.Location?.OriginalString.Contains("/Accounts/AccessDenied", StringComparison.Ordinal) == true)
                .ShouldBeTrue($"{refused}: {page.StatusCode}");
            (await http.PostAsJsonAsync(Api, new { orgUnitCode = cast.Office.Code, account = newOfficer })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        using var admin = await app.SignInAsRoleAsync(Roles.Administrator);
        var bad = await admin.Http.PostAsJsonAsync(Api, new { orgUnitCode = "NO-SUCH-UNIT", account = "nobody@nowhere.example" });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problems = await bad.Content.ReadAsStringAsync();
        problems.ShouldContain("NO-SUCH-UNIT");
        problems.ShouldContain("nobody@nowhere.example");

        // Designated through the page, by employee number: a notice, the officer listed, an audit entry.
        var form = await admin.GetPageAsync(Page);
        var posted = await admin.SubmitAsync(form, Page, new Dictionary<string, string> { ["Form.OrgUnitCode"] = cast.Office.Code, ["Form.Account"] = elsewhere.EmployeeNumber });
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect, await posted.Content.ReadAsStringAsync());
        var listed = await admin.GetPageAsync(Page);
        listed.QuerySelector(".notice")!.TextContent.ShouldContain(cast.Office.Name);
        listed.Body!.TextContent.ShouldContain(newOfficer);
        (await app.DbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "ProtectionOfficer" && a.EntityKey == cast.Office.Code && a.Action == "designated"))).ShouldBe(1);

        var seen = await officer.Http.GetFromJsonAsync<JsonElement>($"{ProtectionTestData.Encounters}/{id}");
        seen.GetProperty("scrubbed").GetBoolean().ShouldBeFalse();

        // The same designation twice is refused by name.
        var twice = await admin.Http.PostAsJsonAsync(Api, new { orgUnitCode = cast.Office.Code, account = newOfficer });
        twice.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var designation = (await admin.Http.GetFromJsonAsync<JsonElement>(Api)).EnumerateArray().Single(o => o.GetProperty("account").GetString() == newOfficer);
        var designationId = designation.GetProperty("id").GetInt32();

        // Removing asks first; a post without the confirmation goes back to the question and removes nothing.
        var question = await admin.GetPageAsync($"{Page}?handler=Remove&id={designationId}");
        question.QuerySelector("form input[name=confirmed]").ShouldNotBeNull();
        var unconfirmed = await admin.SubmitAsync(question, Page, new Dictionary<string, string> { ["confirmed"] = "false" }, "id");
        unconfirmed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.DbAsync(db => db.ProtectionOfficers.CountAsync(o => o.Id == designationId))).ShouldBe(1);
        var confirmed = await admin.SubmitAsync(question, Page, new Dictionary<string, string> { ["confirmed"] = "true" }, "id");
        confirmed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.DbAsync(db => db.ProtectionOfficers.CountAsync(o => o.Id == designationId))).ShouldBe(0);
        (await app.DbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "ProtectionOfficer" && a.EntityKey == cast.Office.Code && a.Action == "removed"))).ShouldBe(1);
        (await officer.GetAsync($"{ProtectionTestData.Encounters}/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task InsightsProtection_CountsPerOfficeAndKind_SmallOfficesWithheld_ScopedPerRole_NoWordsNoNames()
    {
        var department = await app.CreateOrgUnitAsync(Demo.City, kind: OrgUnitKind.Department);
        var busy = await app.CreateOrgUnitAsync(department.Code, kind: OrgUnitKind.CommunityCentre);
        var middle = await app.CreateOrgUnitAsync(department.Code, kind: OrgUnitKind.CommunityCentre);
        var small = await app.CreateOrgUnitAsync(department.Code, kind: OrgUnitKind.CommunityCentre);
        var other = await app.CreateOrgUnitAsync(Demo.City, kind: OrgUnitKind.Office);
        var victims = new Dictionary<int, ServeWell.Web.Modules.People.Employees.Employee>
        {
            [busy.Id] = await app.CreateEmployeeAsync(busy.Code, frontline: true),
            [middle.Id] = await app.CreateEmployeeAsync(middle.Code, frontline: true),
            [small.Id] = await app.CreateEmployeeAsync(small.Code, frontline: true),
        };
        const string Words = "민원인이 창구에서 소리치며 위협했다 SECRET-WORDS";

        // Two months ago in the city's calendar: 7 at the busy centre (2 of them threats too), 5 in the middle, 2 at the small one.
        var city = app.Services.GetRequiredService<CityClock>();
        var thisMonth = new DateOnly(city.Today.Year, city.Today.Month, 1);
        var month = thisMonth.AddMonths(-2);
        var day = month.AddDays(9);
        var at = city.StartOf(day).AddMinutes(30).UtcDateTime; // just after midnight: by the UTC day, support the next day would be two days late
        var plan = new List<(OrgUnit Office, EncounterKinds Kinds)>();
        plan.AddRange(Enumerable.Range(0, 7).Select(i => (busy, i < 2 ? EncounterKinds.VerbalAbuse | EncounterKinds.Threat : EncounterKinds.VerbalAbuse)));
        plan.AddRange(Enumerable.Range(0, 5).Select(_ => (middle, EncounterKinds.Persistence)));
        plan.AddRange(Enumerable.Range(0, 2).Select(_ => (small, EncounterKinds.Violence)));
        var ids = await app.DbAsync(async db =>
        {
            var rows = plan.Select(p => new Encounter
            {
                Reference = "ENC-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant(), EmployeeId = victims[p.Office.Id].Id, OfficeId = p.Office.Id,
                OccurredAtUtc = at, Channel = EncounterChannel.Visit, Kinds = p.Kinds, Description = Words, DescriptionScrubbed = Words,
                LoggedByUserId = "test", LoggedAtUtc = at,
            }).ToList();
            db.ProtectionEncounters.AddRange(rows);
            await db.SaveChangesAsync();
            return rows.Select(r => r.Id).ToList();
        });
        await app.DbAsync(async db =>
        {
            // Support the next day for three (within a day), three days later for one (not).
            db.ProtectionSupportOffers.AddRange(ids.Take(3).Select(id => new SupportOffer { EncounterId = id, Kind = SupportKind.Counselling, OfferedOn = day.AddDays(1), OfferedAtUtc = at, OfferedByUserId = "test" }));
            db.ProtectionSupportOffers.Add(new SupportOffer { EncounterId = ids[3], Kind = SupportKind.Leave, OfferedOn = day.AddDays(3), OfferedAtUtc = at, OfferedByUserId = "test" });
            db.ProtectionRestrictions.Add(new Restriction { EncounterId = ids[0], ComplainantKey = "k1", Detail = "x", StartsOn = city.Today.AddDays(-5), EndsOn = city.Today.AddDays(30), ReviewOn = city.Today.AddDays(20), LetterLanguage = "ko", IssuedByUserId = "test" });
            db.ProtectionRestrictions.Add(new Restriction { EncounterId = ids[1], ComplainantKey = "k2", Detail = "x", StartsOn = city.Today.AddDays(-60), EndsOn = city.Today.AddDays(-1), ReviewOn = city.Today.AddDays(-10), LetterLanguage = "ko", IssuedByUserId = "test" });
            return await db.SaveChangesAsync();
        });

        var m = month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var path = $"/Insights/Protection?from={m}&to={m}&unit={department.Code}";
        var leader = await app.AccountAsync(Roles.Leadership, null, (await app.UnitAsync(Demo.City)).Id);
        using var leadership = await app.SignInAsync(leader);
        var page = await leadership.GetPageAsync(path);
        page.QuerySelector($"tr[data-office='{busy.Code}'] [data-encounters]")!.TextContent.Trim().ShouldBe("7");
        // The small centre is withheld, and the middle one with it: the total less the busy one would give it away.
        page.QuerySelector($"tr[data-office='{small.Code}'] [data-encounters]")!.TextContent.ShouldContain("fewer than 5");
        page.QuerySelector($"tr[data-office='{middle.Code}'] [data-encounters]")!.TextContent.ShouldContain("fewer than 5");
        page.QuerySelector("[data-figure=encounters]")!.TextContent.ShouldContain("14");
        page.QuerySelector("[data-figure=supported]")!.TextContent.ShouldContain("3 of 14");
        page.QuerySelector("[data-figure=restrictions]")!.TextContent.Trim().ShouldStartWith("1");
        var kinds = page.QuerySelector("table[data-table=kinds] tbody tr")!.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        kinds[0].ShouldBe("14"); // all
        kinds[1].ShouldBe("7"); // verbal abuse
        kinds[2].ShouldBe("2"); // threat
        kinds[3].ShouldBe("2"); // violence
        kinds[5].ShouldBe("5"); // persistence
        var html = page.DocumentElement.OuterHtml;
        html.ShouldNotContain("SECRET-WORDS");
        foreach (var victim in victims.Values)
        {
            html.ShouldNotContain(victim.Name);
        }

        // A supervisor over another unit does not see the department; an employee has no Insights at all.
        using (var outsider = await app.SignInAsync(await app.AccountAsync(Roles.Supervisor, null, other.Id)))
        {
            (await outsider.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        using (var inside = await app.SignInAsync(await app.AccountAsync(Roles.Supervisor, null, department.Id)))
        {
            (await inside.GetPageAsync(path)).QuerySelector($"tr[data-office='{busy.Code}'] [data-encounters]")!.TextContent.Trim().ShouldBe("7");
        }

        using var employee = await app.SignInAsync(await app.AccountAsync(Roles.Employee, victims[busy.Id].Id, null));
        var refused = await employee.GetAsync(path);
        (refused.StatusCode == HttpStatusCode.Forbidden || refused.Headers.Location?.OriginalString.Contains("/Accounts/AccessDenied", StringComparison.Ordinal) == true).ShouldBeTrue();
    }
}

public sealed class ProtectionOfficersAndFiguresSqliteTests(SqliteApp app) : ProtectionOfficersAndFiguresTests(app), IClassFixture<SqliteApp>;

public sealed class ProtectionOfficersAndFiguresPostgresTests(PostgresApp app) : ProtectionOfficersAndFiguresTests(app), IClassFixture<PostgresApp>;
