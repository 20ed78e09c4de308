using System.Net;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.People.Employees;
using ServeWell.Web.Modules.Training.Audiences;
using ServeWell.Web.Modules.Training.Enrolments;
using ServeWell.Web.Modules.Training.Programmes;
using ServeWell.Web.Tests.Fixtures;

namespace ServeWell.Web.Tests.Modules.Training.Enrolments;

/// <summary>Enrolments follow the audience rule: on save, on demand, after a roster import.</summary>
public abstract class AudienceSyncTests(AppHost app) : IDisposable
{
    private readonly HttpClient _api = app.ApiClient();

    [Fact]
    public async Task CreateProgramme_InvitesEveryMatchWithHistory()
    {
        var unit = await app.CreateOrgUnitAsync("O-CIVIL");
        var a = await app.CreateEmployeeAsync(unit.Code);
        var b = await app.CreateEmployeeAsync(unit.Code);
        var outsider = await app.CreateEmployeeAsync("O-CIVIL");

        var programme = await app.CreateProgrammeAsync(new AudienceRule { OrgUnitCodes = [unit.Code] });

        var enrolments = await app.EnrolmentsAsync(programme.Id);
        enrolments.Keys.ShouldBe([a.Id, b.Id], ignoreOrder: true);
        enrolments.ContainsKey(outsider.Id).ShouldBeFalse();
        enrolments.Values.ShouldAllBe(e => e.State == EnrolmentState.Invited && e.Source == EnrolmentSource.Rule);
        var history = await app.HistoryAsync(enrolments[a.Id].Id);
        history.Single().FromState.ShouldBeNull();
        history.Single().ToState.ShouldBe(EnrolmentState.Invited);
        history.Single().Reason.ShouldBe(EnrolmentReasons.InAudience);
    }

    [Fact]
    public async Task Sync_Twice_ChangesNothingTheSecondTime()
    {
        var unit = await app.CreateOrgUnitAsync("O-CIVIL");
        await app.CreateEmployeeAsync(unit.Code);
        await app.CreateEmployeeAsync(unit.Code);
        var programme = await app.CreateProgrammeAsync(new AudienceRule { OrgUnitCodes = [unit.Code] });
        var changes = await app.DbAsync(db => db.EnrolmentChanges.CountAsync());

        var second = await app.SyncAsync(programme.Id);

        second.ShouldBe(new SyncCounts(0, 0, 0, 2));
        (await app.DbAsync(db => db.EnrolmentChanges.CountAsync())).ShouldBe(changes);
    }

    [Fact]
    public async Task Sync_WhenEmployeeLeft_WithdrawsAsLeft()
    {
        var unit = await app.CreateOrgUnitAsync("O-CIVIL");
        var leaver = await app.CreateEmployeeAsync(unit.Code);
        var programme = await app.CreateProgrammeAsync(new AudienceRule { OrgUnitCodes = [unit.Code] });
        await app.DbAsync(db => db.Employees.Where(e => e.Id == leaver.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, EmployeeStatus.Left)));

        var counts = await app.SyncAsync(programme.Id);

        counts.Withdrawn.ShouldBe(1);
        var enrolment = (await app.EnrolmentsAsync(programme.Id))[leaver.Id];
        enrolment.State.ShouldBe(EnrolmentState.Withdrawn);
        enrolment.StateReason.ShouldBe(EnrolmentReasons.EmployeeLeft);
        var history = await app.HistoryAsync(enrolment.Id);
        history.Select(h => (h.FromState, h.ToState)).ShouldBe([(null, EnrolmentState.Invited), (EnrolmentState.Invited, EnrolmentState.Withdrawn)]);
    }

    [Fact]
    public async Task Sync_WhenAttendedOrManual_NeverWithdraws()
    {
        var unit = await app.CreateOrgUnitAsync("O-CIVIL");
        var elsewhere = await app.CreateOrgUnitAsync("O-CIVIL");
        var attended = await app.CreateEmployeeAsync(unit.Code);
        var manual = await app.CreateEmployeeAsync(elsewhere.Code);
        var programme = await app.CreateProgrammeAsync(new AudienceRule { OrgUnitCodes = [unit.Code] });
        await app.DbAsync(async db =>
        {
            await db.Enrolments.Where(e => e.ProgrammeId == programme.Id && e.EmployeeId == attended.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.State, EnrolmentState.Attended));
            db.Enrolments.Add(new Enrolment { ProgrammeId = programme.Id, EmployeeId = manual.Id, Source = EnrolmentSource.Manual, State = EnrolmentState.Registered, CreatedAt = DateTime.UtcNow, StateSince = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        await app.MoveEmployeeAsync(attended.Id, elsewhere.Id);

        var counts = await app.SyncAsync(programme.Id);

        counts.Withdrawn.ShouldBe(0);
        var enrolments = await app.EnrolmentsAsync(programme.Id);
        enrolments[attended.Id].State.ShouldBe(EnrolmentState.Attended);
        enrolments[manual.Id].State.ShouldBe(EnrolmentState.Registered);
    }

    [Fact]
    public async Task Sync_WhenMovedOutThenBack_WithdrawsThenInvitesAgain()
    {
        var unit = await app.CreateOrgUnitAsync("O-CIVIL");
        var elsewhere = await app.CreateOrgUnitAsync("O-CIVIL");
        var mover = await app.CreateEmployeeAsync(unit.Code);
        var programme = await app.CreateProgrammeAsync(new AudienceRule { OrgUnitCodes = [unit.Code] });

        await app.MoveEmployeeAsync(mover.Id, elsewhere.Id);
        (await app.SyncAsync(programme.Id)).ShouldBe(new SyncCounts(0, 1, 0, 0));
        await app.MoveEmployeeAsync(mover.Id, unit.Id);
        (await app.SyncAsync(programme.Id)).ShouldBe(new SyncCounts(0, 0, 1, 0));

        var enrolment = (await app.EnrolmentsAsync(programme.Id))[mover.Id];
        enrolment.State.ShouldBe(EnrolmentState.Invited);
        (await app.HistoryAsync(enrolment.Id)).Select(h => h.Reason)
            .ShouldBe([EnrolmentReasons.InAudience, EnrolmentReasons.NoLongerInAudience, EnrolmentReasons.InAudienceAgain]);
    }

    [Fact]
    public async Task RosterImport_MovingOneOutAndHiringOneIn_WithdrawsAndInvites()
    {
        var unit = await app.CreateOrgUnitAsync("O-CIVIL");
        var elsewhere = await app.CreateOrgUnitAsync("O-CIVIL");
        var mover = await app.CreateEmployeeAsync(unit.Code);
        var programme = await app.CreateProgrammeAsync(new AudienceRule { OrgUnitCodes = [unit.Code] });
        var hire = TestData.Unique("R");

        using var response = await _api.PostAsync(
            RosterFile.Csv([RosterFile.Row(mover.EmployeeNumber, elsewhere.Code), RosterFile.Row(hire, unit.Code)]), dryRun: false);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var hired = await app.EmployeeAsync(hire);
        var enrolments = await app.EnrolmentsAsync(programme.Id);
        enrolments[hired.Id].State.ShouldBe(EnrolmentState.Invited);
        enrolments[mover.Id].State.ShouldBe(EnrolmentState.Withdrawn);
        enrolments[mover.Id].StateReason.ShouldBe(EnrolmentReasons.NoLongerInAudience);
        (await app.HistoryAsync(enrolments[mover.Id].Id)).Select(h => h.ToState).ShouldBe([EnrolmentState.Invited, EnrolmentState.Withdrawn]);
    }

    [Fact]
    public async Task EditProgramme_NarrowingTheRule_WithdrawsThoseNoLongerMatched()
    {
        var unit = await app.CreateOrgUnitAsync("O-CIVIL");
        var kept = await app.CreateEmployeeAsync(unit.Code);
        var dropped = await app.CreateEmployeeAsync(unit.Code);
        var programme = await app.CreateProgrammeAsync(new AudienceRule { OrgUnitCodes = [unit.Code] });
        var request = new ProgrammeRequest
        {
            Title = programme.Title, Delivery = "InPerson", Hours = 2,
            Audience = new AudienceRule { OrgUnitCodes = [unit.Code], Exclude = [dropped.EmployeeNumber] },
        };

        await app.UseAsync<SaveProgramme, (Programme?, IReadOnlyList<SaveProgramme.Problem>)>(save => save.SaveAsync(programme.Id, request, CancellationToken.None));

        var enrolments = await app.EnrolmentsAsync(programme.Id);
        enrolments[kept.Id].State.ShouldBe(EnrolmentState.Invited);
        enrolments[dropped.Id].State.ShouldBe(EnrolmentState.Withdrawn);
        enrolments[dropped.Id].StateReason.ShouldBe(EnrolmentReasons.NoLongerInAudience);
    }

    [Fact]
    public async Task RosterImport_DryRun_ChangesNoEnrolment()
    {
        var unit = await app.CreateOrgUnitAsync("O-CIVIL");
        var programme = await app.CreateProgrammeAsync(new AudienceRule { OrgUnitCodes = [unit.Code] });

        using var response = await _api.PostAsync(RosterFile.Csv([RosterFile.Row(unit: unit.Code)]), dryRun: true);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.EnrolmentsAsync(programme.Id)).ShouldBeEmpty();
    }

    public void Dispose()
    {
        _api.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class AudienceSyncSqliteTests(SqliteApp app) : AudienceSyncTests(app), IClassFixture<SqliteApp>;

public sealed class AudienceSyncPostgresTests(PostgresApp app) : AudienceSyncTests(app), IClassFixture<PostgresApp>;
