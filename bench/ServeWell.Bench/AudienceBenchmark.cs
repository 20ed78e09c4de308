using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.People.Employees;
using ServeWell.Web.Modules.Training.Audiences;
using ServeWell.Web.Modules.Training.Enrolments;
using ServeWell.Web.Modules.Training.Programmes;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Bench;

/// <summary>
/// Syncs a programme whose audience is everyone with a roster of N employees: the first sync evaluates the rule and
/// invites all N (with a history row each), the second finds nothing to do. The floor, measured in the same run, is
/// the same N enrolments and N history rows written by two plain INSERT … SELECT statements, with no rule at all.
/// </summary>
internal static class AudienceBenchmark
{
    public static async Task RunAsync(string label, BenchDatabase database, int employees)
    {
        await ImportBenchmark.SeedAsync(database);
        await ImportBenchmark.ImportRosterAsync(database, employees);

        var programme = await AddProgrammeAsync(database, "Everyone");
        var floorProgramme = await AddProgrammeAsync(database, "Floor");

        var first = Stopwatch.StartNew();
        var counts = await SyncAsync(database, programme);
        first.Stop();
        var second = Stopwatch.StartNew();
        var again = await SyncAsync(database, programme);
        second.Stop();
        var floor = await FloorAsync(database, floorProgramme);

        if (counts.Invited != employees || again != new SyncCounts(0, 0, 0, employees))
        {
            throw new InvalidOperationException($"Unexpected outcome: first {counts}, second {again}");
        }

        var s = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(s, $"| {label} | {employees:N0} employees | evaluate + enrol {first.Elapsed.TotalSeconds:F2} s | sync again (no change) {second.Elapsed.TotalSeconds:F2} s | raw INSERT … SELECT of the same rows {floor.TotalSeconds:F2} s | ratio sync/raw {first.Elapsed.TotalSeconds / floor.TotalSeconds:F1}× |"));
    }

    private static async Task<int> AddProgrammeAsync(BenchDatabase database, string title)
    {
        await using var db = database.NewContext();
        var programme = new Programme { Title = LocalText.In("en", title), Hours = 1, Audience = new AudienceRule(), CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
        db.Programmes.Add(programme);
        await db.SaveChangesAsync();
        return programme.Id;
    }

    internal static async Task<SyncCounts> SyncAsync(BenchDatabase database, int programmeId)
    {
        await using var db = database.NewContext();
        var directory = new EmployeeDirectory(db, new StaffScope(new HttpContextAccessor(), db), TimeProvider.System);
        var sync = new SyncProgrammeAudience(db, new MatchAudience(db, directory, ImportBenchmark.Localizer()), TimeProvider.System);
        return (await sync.SyncAsync(programmeId, "bench", CancellationToken.None))!;
    }

    /// <summary>Everyone who has not left, enrolled and given a history row, in one transaction, straight from the employees table.</summary>
    private static async Task<TimeSpan> FloorAsync(BenchDatabase database, int programmeId)
    {
        await using var db = database.NewContext();
        var now = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();
        await using var tx = await db.Database.BeginTransactionAsync();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "enrolments" ("ProgrammeId", "EmployeeId", "State", "Source", "StateReason", "CreatedAt", "StateSince")
            SELECT {programmeId}, "Id", 0, 0, 'InAudience', {now}, {now} FROM "employees" WHERE "Status" <> {(int)EmployeeStatus.Left}
            """);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "enrolment_changes" ("EnrolmentId", "FromState", "ToState", "Reason", "At", "By")
            SELECT "Id", NULL, 0, 'InAudience', {now}, 'bench' FROM "enrolments" WHERE "ProgrammeId" = {programmeId}
            """);
        await tx.CommitAsync();
        return clock.Elapsed;
    }
}
