using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Training.Audiences;
using ServeWell.Web.Modules.Training.Enrolments;
using ServeWell.Web.Modules.Training.Programmes;
using ServeWell.Web.Tests.Fixtures;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Tests.Modules.Training.Enrolments;

/// <summary>Two nodes on one database, syncing every second: the programme nobody saved through the app still gets its enrolments, once.</summary>
public abstract class DailyAudienceSyncTests(DatabaseKind kind)
{
    private static readonly Dictionary<string, string?> EverySecond = new() { ["Training:AudienceSyncInterval"] = "00:00:01" };

    [Fact]
    public async Task TwoNodes_SyncAProgrammeSavedBehindTheirBacks_Once()
    {
        await using var app = await AppHost.StartIsolatedAsync(kind, EverySecond);
        app.StartInstance(EverySecond);
        var unit = await app.CreateOrgUnitAsync("O-CIVIL");
        var person = await app.CreateEmployeeAsync(unit.Code);
        // Straight into the table, not through SaveProgramme: only the periodic sync can enrol anyone here.
        var programmeId = await app.DbAsync(async db =>
        {
            var p = new Programme { Title = LocalText.In("en", "Behind their backs"), Hours = 1, Audience = new AudienceRule { OrgUnitCodes = [unit.Code] }, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
            db.Programmes.Add(p);
            await db.SaveChangesAsync();
            return p.Id;
        });

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline && !(await app.EnrolmentsAsync(programmeId)).ContainsKey(person.Id))
        {
            await Task.Delay(200);
        }

        var enrolment = (await app.EnrolmentsAsync(programmeId))[person.Id];
        enrolment.State.ShouldBe(EnrolmentState.Invited);
        (await app.HistoryAsync(enrolment.Id)).Count.ShouldBe(1);
        var lease = await app.DbAsync(db => db.Leases.AsNoTracking().SingleAsync(l => l.Name == DailyAudienceSync.LeaseName));
        lease.Holder.ShouldNotBeNull();
    }
}

public sealed class DailyAudienceSyncSqliteTests() : DailyAudienceSyncTests(DatabaseKind.Sqlite);

public sealed class DailyAudienceSyncPostgresTests() : DailyAudienceSyncTests(DatabaseKind.Postgres);
