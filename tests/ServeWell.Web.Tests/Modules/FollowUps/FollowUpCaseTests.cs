using System.Text;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.FollowUps;
using ServeWell.Web.Modules.FollowUps.Cases;
using ServeWell.Web.Modules.FollowUps.Contacts;
using ServeWell.Web.Modules.FollowUps.Notices;
using ServeWell.Web.Platform.Events;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;

namespace ServeWell.Web.Tests.Modules.FollowUps;

/// <summary>Cases opened by the intake's listener: when, for whom, with which deadline; the encrypted contact and its purge; reminders.</summary>
public abstract class FollowUpCaseTests(AppHost app)
{
    [Fact]
    public async Task LowScore_OpensCaseForTheNearestSupervisor_AndQueuesTheirMail()
    {
        var office = await app.CreateOrgUnitAsync(Demo.SupervisorCentre);
        var team = await app.CreateOrgUnitAsync(office.Code);
        var sibling = await app.CreateOrgUnitAsync(Demo.SupervisorCentre);
        var near = await app.CreateSupervisorAsync(office.Code, culture: "en");
        var demoSupervisor = await app.DemoAccountAsync(Roles.Supervisor);

        var inTeam = await app.ReceiveAsync(FollowUpTestData.Answer(team.Id, overall: 2));
        var inSibling = await app.ReceiveAsync(FollowUpTestData.Answer(sibling.Id, overall: 1));

        inTeam.ShouldNotBeNull();
        inTeam.AssignedUserId.ShouldBe(await app.UserIdAsync(near));
        inTeam.State.ShouldBe(FollowUpState.New);
        (inTeam.LowScore, inTeam.ContactRequested).ShouldBe((true, false));
        inSibling!.AssignedUserId.ShouldBe(demoSupervisor.Id);
        var mail = await app.WaitForMailAsync(near);
        mail.Subject.ShouldBe($"A citizen's feedback at {team.Name} needs your follow-up");
        (mail.TextBody ?? "").ShouldContain($"/FollowUps/Case/{inTeam.Id}");
    }

    [Fact]
    public async Task HappyAnswer_OpensNothing_UnlessTheCitizenAskedToBeContacted()
    {
        var unit = await app.CreateOrgUnitAsync(Demo.SupervisorCentre);

        var happy = await app.ReceiveAsync(FollowUpTestData.Answer(unit.Id, overall: 3));
        var asked = await app.ReceiveAsync(FollowUpTestData.Answer(unit.Id, overall: 5, contact: new FeedbackContact("happy@citizen.example", null)));
        var emptyContact = await app.ReceiveAsync(FollowUpTestData.Answer(unit.Id, overall: 4, contact: new FeedbackContact(" ", null)));

        happy.ShouldBeNull();
        emptyContact.ShouldBeNull();
        asked.ShouldNotBeNull();
        (asked.LowScore, asked.ContactRequested, asked.ContactHasEmail).ShouldBe((false, true, true));
    }

    [Fact]
    public async Task NoSupervisorCoversTheUnit_CaseIsUnassigned_AndOnlyAdministratorsSeeIt()
    {
        var unit = await app.CreateOrgUnitAsync("O-TAX");
        var followUp = await app.OpenCaseAsync(unit.Code);
        using var admin = app.ApiClient();
        using var supervisor = await app.SignInAsRoleAsync(Roles.Supervisor);

        followUp.AssignedUserId.ShouldBeNull();
        var listed = await admin.GetOkAsync<System.Text.Json.JsonElement>($"/api/v1/follow-ups?office={unit.Code}");
        listed.GetProperty("followUps")[0].GetProperty("id").GetInt32().ShouldBe(followUp.Id);
        listed.GetProperty("followUps")[0].GetProperty("assignee").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        using var hidden = await supervisor.GetAsync($"/api/v1/follow-ups/{followUp.Id}");
        hidden.StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnswerRolledBack_LeavesNoCaseContactOrMail()
    {
        var unit = await app.CreateOrgUnitAsync(Demo.SupervisorCentre);
        var answer = FollowUpTestData.Answer(unit.Id, contact: new FeedbackContact("gone@citizen.example", "010-1234-5678"));

        var followUp = await app.ReceiveAsync(answer, commit: false);

        followUp.ShouldBeNull();
        (await app.DbAsync(db => db.Set<FollowUpContact>().CountAsync(c => !db.Set<FollowUpCase>().Any(x => x.Id == c.CaseId)))).ShouldBe(0);
        (await app.DbAsync(db => db.Set<FollowUpEvent>().CountAsync(e => !db.Set<FollowUpCase>().Any(x => x.Id == e.CaseId)))).ShouldBe(0);
    }

    [Fact]
    public async Task SameAnswerTwice_OpensOneCase()
    {
        var unit = await app.CreateOrgUnitAsync(Demo.SupervisorCentre);
        var answer = FollowUpTestData.Answer(unit.Id);

        var first = await app.ReceiveAsync(answer);
        var second = await app.ReceiveAsync(answer);

        second!.Id.ShouldBe(first!.Id);
        (await app.DbAsync(db => db.Set<FollowUpCase>().CountAsync(c => c.AnswerId == answer.AnswerId))).ShouldBe(1);
    }

    [Fact]
    public async Task Deadline_CountsBusinessDaysFromTheAnswer()
    {
        var unit = await app.CreateOrgUnitAsync(Demo.SupervisorCentre);
        // Monday 2026-11-16 10:00 in Seoul, three business days: Thursday.
        var followUp = await app.OpenCaseAsync(unit.Code, answeredAt: new DateTime(2026, 11, 16, 1, 0, 0, DateTimeKind.Utc));

        followUp.DueOn.ShouldBe(new DateOnly(2026, 11, 19));
        FollowUpDto.Utc(followUp.DueAtUtc).ShouldBe(new DateTime(2026, 11, 19, 15, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public async Task Settings_HolidaysFromConfiguration_AreNotBusinessDays()
    {
        var christmas = await app.UseAsync<BusinessCalendar, bool>(c => Task.FromResult(c.IsBusinessDay(new DateOnly(2026, 12, 25))));
        var monday = await app.UseAsync<BusinessCalendar, bool>(c => Task.FromResult(c.IsBusinessDay(new DateOnly(2026, 12, 28))));

        (christmas, monday).ShouldBe((false, true));
    }

    [Fact]
    public async Task Contact_IsStoredEncrypted_AndOnlyTheVaultReadsIt()
    {
        var unit = await app.CreateOrgUnitAsync(Demo.SupervisorCentre);
        const string email = "minji.kim@citizen.example";
        const string phone = "010-9876-5432";

        var followUp = await app.OpenCaseAsync(unit.Code, new FeedbackContact(email, phone));

        var stored = await app.DbAsync(db => db.Set<FollowUpContact>().AsNoTracking().Where(c => c.CaseId == followUp.Id).Select(c => c.Protected).SingleAsync());
        foreach (var clear in new[] { email, phone, "minji", "9876" })
        {
            Contains(stored, Encoding.UTF8.GetBytes(clear)).ShouldBeFalse(clear);
            Contains(stored, Encoding.Unicode.GetBytes(clear)).ShouldBeFalse(clear);
            Convert.ToBase64String(stored).ShouldNotContain(clear);
        }

        var read = await app.UseAsync<ContactVault, FeedbackContact>(v => Task.FromResult(v.Unprotect(stored)));
        read.ShouldBe(new FeedbackContact(email, phone));
        (await app.DbAsync(db => db.AuditEntries.AnyAsync(a => a.After != null && a.After.Contains(email)))).ShouldBeFalse();
    }

    [Fact]
    public async Task Purge_DeletesContactsOfCasesClosedLongerThanTheRetention_AndKeepsTheRest()
    {
        var unit = await app.CreateOrgUnitAsync(Demo.SupervisorCentre);
        var old = await app.OpenCaseAsync(unit.Code, new FeedbackContact("old@citizen.example", null));
        var recent = await app.OpenCaseAsync(unit.Code, new FeedbackContact("recent@citizen.example", null));
        var open = await app.OpenCaseAsync(unit.Code, new FeedbackContact("open@citizen.example", null));
        await app.DbAsync(db => db.Set<FollowUpCase>().Where(c => c.Id == old.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.State, FollowUpState.ClosedUnreachable).SetProperty(c => c.ClosedAtUtc, DateTime.UtcNow.AddDays(-31))));
        await app.DbAsync(db => db.Set<FollowUpCase>().Where(c => c.Id == recent.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.State, FollowUpState.Resolved).SetProperty(c => c.ClosedAtUtc, DateTime.UtcNow.AddDays(-29))));

        var purged = await app.UseAsync<FollowUpHousekeeping, int>(h => h.PurgeContactsAsync(CancellationToken.None));

        purged.ShouldBeGreaterThanOrEqualTo(1);
        var left = await app.DbAsync(db => db.Set<FollowUpContact>().Where(c => c.CaseId == old.Id || c.CaseId == recent.Id || c.CaseId == open.Id).Select(c => c.CaseId).ToListAsync());
        left.ShouldBe([recent.Id, open.Id], ignoreOrder: true);
        (await app.CaseAsync(old.Id)).ContactPurgedAtUtc.ShouldNotBeNull();
        (await app.DbAsync(db => db.Set<FollowUpEvent>().AnyAsync(e => e.CaseId == old.Id && e.Kind == FollowUpEventKind.ContactPurged))).ShouldBeTrue();
    }

    [Fact]
    public async Task OverdueCase_IsFlagged_AndItsAssigneeRemindedOnceADay()
    {
        var office = await app.CreateOrgUnitAsync(Demo.SupervisorCentre);
        var supervisor = await app.CreateSupervisorAsync(office.Code, culture: "ko");
        var overdue = await app.OpenCaseAsync(office.Code, answeredAt: DateTime.UtcNow.AddDays(-14));
        var fresh = await app.OpenCaseAsync(office.Code);
        using var client = await app.SignInAsync(supervisor);

        var list = await client.Http.GetOkAsync<System.Text.Json.JsonElement>($"/api/v1/follow-ups?office={office.Code}");
        await app.UseAsync<FollowUpHousekeeping, int>(h => h.RemindOverdueAsync(CancellationToken.None));
        await app.UseAsync<FollowUpHousekeeping, int>(h => h.RemindOverdueAsync(CancellationToken.None));

        list.GetProperty("overdue").GetInt32().ShouldBe(1);
        list.GetProperty("open").GetInt32().ShouldBe(2);
        list.GetProperty("followUps")[0].GetProperty("id").GetInt32().ShouldBe(overdue.Id);
        list.GetProperty("followUps")[0].GetProperty("overdue").GetBoolean().ShouldBeTrue();
        list.GetProperty("followUps")[1].GetProperty("overdue").GetBoolean().ShouldBeFalse();
        var reminders = await app.DbAsync(db => db.Set<FollowUpNotice>().Where(n => n.Kind == FollowUpNoticeKind.Overdue && (n.CaseId == overdue.Id || n.CaseId == fresh.Id)).Select(n => n.CaseId).ToListAsync());
        reminders.ShouldBe([overdue.Id]);
        var mail = await app.WaitForMailAsync(supervisor, m => m.Subject?.Contains("기한 초과", StringComparison.Ordinal) == true);
        mail.Subject.ShouldBe($"{office.Name}의 기한 초과 후속 조치");
    }

    [Fact]
    public async Task OverdueCase_EscalatesOnceToTheNextLevelUp()
    {
        var office = await app.CreateOrgUnitAsync(Demo.SupervisorCentre);
        var team = await app.CreateOrgUnitAsync(office.Code);
        var teamLead = await app.CreateSupervisorAsync(team.Code);
        var officeHead = await app.CreateSupervisorAsync(office.Code);
        var overdue = await app.OpenCaseAsync(team.Code, answeredAt: DateTime.UtcNow.AddDays(-14));

        await app.UseAsync<FollowUpHousekeeping, int>(h => h.RemindOverdueAsync(CancellationToken.None));
        await app.DbAsync(db => db.Set<FollowUpCase>().Where(c => c.Id == overdue.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.LastRemindedOn, (DateOnly?)null)));
        await app.UseAsync<FollowUpHousekeeping, int>(h => h.RemindOverdueAsync(CancellationToken.None));

        overdue.AssignedUserId.ShouldBe(await app.UserIdAsync(teamLead));
        var notices = await app.DbAsync(db => db.Set<FollowUpNotice>().Where(n => n.CaseId == overdue.Id && n.Kind != FollowUpNoticeKind.Assigned)
            .Select(n => new { n.Kind, n.RecipientUserId }).ToListAsync());
        notices.Count(n => n.Kind == FollowUpNoticeKind.Overdue).ShouldBe(2);
        notices.Where(n => n.Kind == FollowUpNoticeKind.Escalated).Select(n => n.RecipientUserId).ShouldBe([await app.UserIdAsync(officeHead)]);
        var mail = await app.WaitForMailAsync(officeHead);
        (mail.TextBody ?? "").ShouldContain("next level up");
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}

public sealed class FollowUpCaseSqliteTests(SqliteApp app) : FollowUpCaseTests(app), IClassFixture<SqliteApp>;

public sealed class FollowUpCasePostgresTests(PostgresApp app) : FollowUpCaseTests(app), IClassFixture<PostgresApp>;
