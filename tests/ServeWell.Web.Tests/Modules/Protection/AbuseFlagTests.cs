using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServeWell.Web.Modules.Feedback.Intake;
using ServeWell.Web.Modules.FollowUps.Cases;
using ServeWell.Web.Modules.Protection.Complainants;
using ServeWell.Web.Modules.Protection.Encounters;
using ServeWell.Web.Platform.City;
using ServeWell.Web.Platform.Events;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;
using ServeWell.Web.Tests.Modules.FollowUps;

namespace ServeWell.Web.Tests.Modules.Protection;

/// <summary>
/// Flagging a follow-up case or a citizen answer as abusive (issue 17, ADR-062): one encounter linked to it, for its
/// handler, with the complainant's keyed hash; an answer out of every figure as an exclusion; and a restriction in force
/// on the complainant shown at the case to those who handle it, and gone when it ends.
/// </summary>
public abstract class AbuseFlagTests(AppHost app)
{
    [Fact]
    public async Task FlagCase_OpensOneEncounterForTheHandler_WithTheComplainantKey_AndFlaggingAgainGivesTheFirst()
    {
        var (cast, handler, handlerEmployeeId) = await HandlerAsync();
        var phone = Phone();
        var followUp = await CaseHandledByAsync(cast, handler, phone);

        using var client = await app.SignInAsync(handler);
        var page = await client.GetPageAsync($"/FollowUps/Case/{followUp.Id}");
        page.QuerySelector($"a[href='/Protection/Flag/Case/{followUp.Id}']").ShouldNotBeNull();
        var confirmPage = await client.GetPageAsync($"/Protection/Flag/Case/{followUp.Id}");
        confirmPage.Text("h1").ShouldBe($"Flag case {followUp.Id} as abusive?");

        var flagged = await client.Http.PostAsync($"/api/v1/follow-ups/{followUp.Id}/abuse-flag", null);
        var body = await flagged.Content.ReadAsStringAsync();
        flagged.StatusCode.ShouldBe(HttpStatusCode.Created, body);
        var dto = JsonDocument.Parse(body).RootElement;
        var id = dto.GetProperty("id").GetInt32();
        dto.GetProperty("followUpCaseId").GetInt32().ShouldBe(followUp.Id);
        dto.GetProperty("channel").GetString().ShouldBe("written");
        dto.GetProperty("description").GetString()!.ShouldContain("Waited an hour.");

        var stored = await app.DbAsync(db => db.ProtectionEncounters.AsNoTracking().SingleAsync(e => e.Id == id));
        stored.EmployeeId.ShouldBe(handlerEmployeeId);
        stored.OfficeId.ShouldBe(cast.Office.Id);
        stored.ComplainantKey.ShouldBe(await app.Services.GetRequiredService<ComplainantKeys>().KeyOfAsync(phone, CancellationToken.None));
        (await app.DbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(Encounter) && a.EntityKey == stored.Reference && a.Action == FlagAbuse.FlagAuditAction))).ShouldBe(1);

        // The encounter page is where the handler corrects the record of what happened, its form open at once.
        var encounterPage = await client.GetPageAsync($"/Protection/Encounters/{id}");
        encounterPage.QuerySelector("details#correct")!.HasAttribute("open").ShouldBeTrue();
        using (var described = await client.SubmitAsync(encounterPage, $"/Protection/Encounters/{id}", new Dictionary<string, string> { ["Correction.Description"] = "The citizen wrote insults and said he would come to the counter; call 010-2718-2818." }))
        {
            described.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var completed = await app.DbAsync(db => db.ProtectionEncounters.AsNoTracking().SingleAsync(e => e.Id == id));
        completed.Description.ShouldStartWith("The citizen wrote insults");
        completed.DescriptionScrubbed.ShouldNotContain("2718");
        completed.Kinds.ShouldBe(EncounterKinds.VerbalAbuse, "the rest of the form is sent back as it was");
        var corrected = await app.DbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.EntityKey == stored.Reference && a.Action == LogEncounter.CorrectedAuditAction));
        var changes = corrected.After!;
        changes.ShouldContain("DescriptionChanged");
        changes.ShouldNotContain("2718");

        // Again, by the API or the page: the same encounter, no second one.
        var again = await client.Http.PostAsync($"/api/v1/follow-ups/{followUp.Id}/abuse-flag", null);
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32().ShouldBe(id);
        using (var confirm = await client.SubmitAsync(confirmPage, $"/Protection/Flag/Case/{followUp.Id}", new Dictionary<string, string> { ["confirmed"] = "true" }))
        {
            confirm.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            confirm.Headers.Location!.OriginalString.ShouldBe($"/Protection/Encounters/{id}");
        }

        (await app.DbAsync(db => db.ProtectionEncounters.CountAsync(e => e.FollowUpCaseId == followUp.Id))).ShouldBe(1);
        (await client.GetPageAsync($"/FollowUps/Case/{followUp.Id}")).QuerySelector($"a[href='/Protection/Encounters/{id}']").ShouldNotBeNull();

        // Only those who may handle the case flag it: another unit's supervisor finds nothing, an employee is refused.
        using (var other = await app.SignInAsync(cast.OtherSupervisor))
        {
            (await other.Http.PostAsync($"/api/v1/follow-ups/{followUp.Id}/abuse-flag", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        using (var peer = await app.SignInAsync(cast.Peer))
        {
            (await peer.Http.PostAsync($"/api/v1/follow-ups/{followUp.Id}/abuse-flag", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }
    }

    [Fact]
    public async Task FlagAnswer_ExcludesItAsAbusive_AndOpensOneEncounterForTheEmployeeNamed()
    {
        var (cast, handler, _) = await HandlerAsync();
        var answer = await app.ReceiveAsync(FollowUpTestData.Answer(cast.Office.Id, overall: 1, comment: "You are useless, I know where you live."));
        var answerId = answer!.AnswerId;
        await app.DbAsync(db => db.InsightsRollupQueue.Where(q => q.OrgUnitId == cast.Office.Id).ExecuteDeleteAsync());

        using var client = await app.SignInAsync(handler);
        var unknown = await client.Http.PostAsJsonAsync($"/api/v1/feedback/answers/{answerId}/abuse-flag", new { employeeNumber = "NOPE-000" });
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unknown.Content.ReadAsStringAsync()).ShouldContain("NOPE-000");
        (await CountsAsync(answerId)).ShouldBeTrue("a refused flag leaves the answer in the figures");

        var flagged = await client.Http.PostAsJsonAsync($"/api/v1/feedback/answers/{answerId}/abuse-flag", new { employeeNumber = cast.EmployeeNumber });
        var body = await flagged.Content.ReadAsStringAsync();
        flagged.StatusCode.ShouldBe(HttpStatusCode.Created, body);
        var id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt32();

        // Out of every figure exactly as an excluded answer: the query filter every figure reads through, the reason, the audit, the rollup re-queued.
        (await CountsAsync(answerId)).ShouldBeFalse();
        var excluded = await app.DbAsync(db => db.FeedbackAnswers.IgnoreQueryFilters().AsNoTracking().SingleAsync(a => a.Id == answerId));
        excluded.ExclusionReason.ShouldBe(ExclusionReason.Abusive);
        (await app.DbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(FeedbackAnswer) && a.EntityKey == answerId.ToString() && a.Action == "excluded"))).ShouldBe(1);
        (await app.DbAsync(db => db.InsightsRollupQueue.AnyAsync(q => q.OrgUnitId == cast.Office.Id))).ShouldBeTrue();

        var encounter = await app.DbAsync(db => db.ProtectionEncounters.AsNoTracking().SingleAsync(e => e.FeedbackAnswerId == answerId));
        encounter.Id.ShouldBe(id);
        encounter.EmployeeId.ShouldBe(await app.DbAsync(db => db.Employees.Where(e => e.EmployeeNumber == cast.EmployeeNumber).Select(e => e.Id).SingleAsync()));

        // The employee reads it as their own; flagging again opens nothing new.
        using (var employee = await app.SignInAsync(cast.Employee))
        {
            (await employee.Http.GetAsync($"/api/v1/encounters/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var again = await client.Http.PostAsJsonAsync($"/api/v1/feedback/answers/{answerId}/abuse-flag", new { employeeNumber = cast.EmployeeNumber });
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.DbAsync(db => db.ProtectionEncounters.CountAsync(e => e.FeedbackAnswerId == answerId))).ShouldBe(1);

        using var other = await app.SignInAsync(cast.OtherSupervisor);
        (await other.Http.PostAsJsonAsync($"/api/v1/feedback/answers/{answerId}/abuse-flag", new { })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task CasePage_ShowsARestrictionInForceOnTheComplainant_ToItsHandlerOnly_AndNotAfterItEnds()
    {
        var (cast, handler, _) = await HandlerAsync();
        var phone = Phone();
        var followUp = await CaseHandledByAsync(cast, handler, phone);
        var path = $"/FollowUps/Case/{followUp.Id}";
        using var client = await app.SignInAsync(handler);
        (await client.GetPageAsync(path)).QuerySelector("[data-restriction]").ShouldBeNull();

        // An earlier encounter with the same person, written differently ("+82"), and a restriction on them.
        using var employee = await app.SignInAsync(cast.Employee);
        var encounterId = (await employee.LogAsync(ProtectionTestData.NewEncounter(contact: "+82 " + phone[1..]))).GetProperty("id").GetInt32();
        var today = app.Services.GetRequiredService<CityClock>().Today;
        using var officer = await app.SignInAsync(cast.Officer);
        var issued = await officer.Http.PostAsJsonAsync($"/api/v1/encounters/{encounterId}/restrictions", new
        {
            scope = "no-access", detail = "No visits to the centre; written contact only.", startsOn = today, endsOn = today.AddDays(30), reviewOn = today.AddDays(20), letterLanguage = "ko",
        });
        issued.StatusCode.ShouldBe(HttpStatusCode.OK, await issued.Content.ReadAsStringAsync());

        var shown = (await client.GetPageAsync(path)).Text("[data-restriction]");
        shown.ShouldContain("A restriction applies to this complainant: No access, until");
        shown.ShouldNotContain("No visits");   // the scope and the date, never the words or a name

        using (var leader = await app.SignInAsync(cast.Leader))
        {
            var seen = await leader.GetPageAsync(path);
            seen.QuerySelector("h1").ShouldNotBeNull();
            seen.QuerySelector("[data-restriction]").ShouldBeNull();
        }

        await app.DbAsync(db => db.ProtectionRestrictions.Where(r => r.EncounterId == encounterId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.StartsOn, today.AddDays(-40)).SetProperty(r => r.EndsOn, today.AddDays(-1))));
        (await client.GetPageAsync(path)).QuerySelector("[data-restriction]").ShouldBeNull();
    }

    private static string Phone() => $"010-{Random.Shared.Next(1000, 9999)}-{Random.Shared.Next(1000, 9999)}";

    private Task<bool> CountsAsync(long answerId) => app.DbAsync(db => db.FeedbackAnswers.AnyAsync(a => a.Id == answerId));

    /// <summary>The cast, and a supervisor of its office who is also an employee there (so the encounter has someone to belong to).</summary>
    private async Task<(ProtectionCast Cast, string Handler, int EmployeeId)> HandlerAsync()
    {
        var cast = await app.CastAsync();
        var record = await app.CreateEmployeeAsync(cast.Office.Code);
        return (cast, await app.AccountAsync(Roles.Supervisor, record.Id, cast.Office.Id), record.Id);
    }

    private async Task<FollowUpCase> CaseHandledByAsync(ProtectionCast cast, string handler, string phone)
    {
        var followUp = await app.OpenCaseAsync(cast.Office.Code, new FeedbackContact("flag." + Guid.NewGuid().ToString("N")[..8] + "@citizen.example", phone));
        var userId = await app.UserIdAsync(handler);
        await app.DbAsync(db => db.Set<FollowUpCase>().Where(c => c.Id == followUp.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.AssignedUserId, userId)));
        return followUp;
    }
}

public sealed class AbuseFlagSqliteTests(SqliteApp app) : AbuseFlagTests(app), IClassFixture<SqliteApp>;

public sealed class AbuseFlagPostgresTests(PostgresApp app) : AbuseFlagTests(app), IClassFixture<PostgresApp>;
