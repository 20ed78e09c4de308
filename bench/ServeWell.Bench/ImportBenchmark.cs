using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ServeWell.Web.Modules.People.Grades;
using ServeWell.Web.Modules.People.OrgUnits;
using ServeWell.Web.Modules.People.RosterImport;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Bench;

/// <summary>
/// Imports a generated roster of N rows (read, dry run, apply, then the same file again) and, in the same run,
/// measures the database's own limit for the same work: N rows inserted with one prepared INSERT in one transaction.
/// </summary>
internal static class ImportBenchmark
{
    private const int Units = 40;

    public static async Task RunAsync(string label, BenchDatabase database, int rows)
    {
        await SeedAsync(database);
        var csv = Roster(rows);
        var raw = await RawInsertAsync(database, rows, perStatement: label == "SQLite" ? 1 : 500);

        var total = Stopwatch.StartNew();
        var read = Stopwatch.StartNew();
        var sheet = RosterFileReader.Read(new MemoryStream(csv), "roster.csv");
        read.Stop();
        RosterImportResult dry, applied, again;
        var dryTime = Stopwatch.StartNew();
        await using (var db = database.NewContext())
        {
            dry = await new RosterImporter(db, TimeProvider.System, Localizer()).RunAsync(sheet, new RosterImportOptions(true, false, false), null, CancellationToken.None);
        }

        dryTime.Stop();
        var applyTime = Stopwatch.StartNew();
        await using (var db = database.NewContext())
        {
            applied = await new RosterImporter(db, TimeProvider.System, Localizer()).RunAsync(sheet, new RosterImportOptions(false, false, false), null, CancellationToken.None);
        }

        applyTime.Stop();
        total.Stop();
        var againTime = Stopwatch.StartNew();
        await using (var db = database.NewContext())
        {
            var sheet2 = RosterFileReader.Read(new MemoryStream(csv), "roster.csv");
            again = await new RosterImporter(db, TimeProvider.System, Localizer()).RunAsync(sheet2, new RosterImportOptions(false, false, false), null, CancellationToken.None);
        }

        againTime.Stop();

        if (dry.Errors.Count > 0 || applied.Created != rows || again.Unchanged != rows)
        {
            throw new InvalidOperationException($"Unexpected outcome: errors={dry.Errors.Count} created={applied.Created} unchanged on re-import={again.Unchanged}");
        }

        var s = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(s, $"| {label} | {rows:N0} rows | read {read.Elapsed.TotalSeconds:F2} s | dry run {dryTime.Elapsed.TotalSeconds:F2} s | apply {applyTime.Elapsed.TotalSeconds:F2} s | whole import {total.Elapsed.TotalSeconds:F2} s ({rows / total.Elapsed.TotalSeconds:N0} rows/s) | same file again {againTime.Elapsed.TotalSeconds:F2} s | raw INSERT of the same rows {raw.TotalSeconds:F2} s | ratio import/raw {total.Elapsed.TotalSeconds / raw.TotalSeconds:F1}× |"));
    }

    /// <summary>The app's migrations, the Korean grade scale and the org units the generated rosters use.</summary>
    internal static async Task SeedAsync(BenchDatabase database)
    {
        await using (var db = database.NewContext())
        {
            await db.Database.MigrateAsync();
            db.GradeScales.Add(GradeScale.Korean());
            for (var i = 0; i < Units; i++)
            {
                var unit = new OrgUnit { Code = $"U{i:D3}", Name = $"Unit {i}", Kind = OrgUnitKind.Office, CreatedAt = DateTime.UtcNow };
                db.OrgUnits.Add(unit);
                await db.SaveChangesAsync();
                unit.PlaceUnder(null);
            }

            await db.SaveChangesAsync();
        }
    }

    /// <summary>A generated roster of <paramref name="employees"/> imported through the roster importer (not timed by its callers).</summary>
    internal static async Task ImportRosterAsync(BenchDatabase database, int employees)
    {
        await using var db = database.NewContext();
        var sheet = RosterFileReader.Read(new MemoryStream(Roster(employees)), "roster.csv");
        var imported = await new RosterImporter(db, TimeProvider.System, Localizer())
            .RunAsync(sheet, new RosterImportOptions(false, false, false), null, CancellationToken.None);
        if (imported.Created != employees)
        {
            throw new InvalidOperationException($"The roster was not imported: {imported.Created} created.");
        }
    }

    internal static IStringLocalizer<SharedResource> Localizer() =>
        new StringLocalizer<SharedResource>(new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    internal static byte[] Roster(int rows)
    {
        var random = new Random(7);
        var sb = new StringBuilder("employee_number,name,email,phone,org_unit_code,grade,position,hire_date,frontline,status\n");
        for (var i = 0; i < rows; i++)
        {
            var hired = new DateOnly(1990, 1, 1).AddDays(random.Next(0, 12000));
            sb.Append(CultureInfo.InvariantCulture, $"E{i:D7},Person {i},person{i}@city.example,010-{random.Next(1000, 9999)}-{random.Next(1000, 9999)},U{random.Next(Units):D3},{random.Next(1, 10)},주무관,{hired:yyyy-MM-dd},{(random.Next(2) == 0 ? "Y" : "N")},active\n");
        }

        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    /// <summary>
    /// The floor: the same number of 10-column rows written the fastest plain way for each database — one prepared
    /// INSERT per row for SQLite (in process), 500 rows per INSERT for PostgreSQL (one round trip each) — in one
    /// transaction, with no checks and no history.
    /// </summary>
    private static async Task<TimeSpan> RawInsertAsync(BenchDatabase database, int rows, int perStatement)
    {
        var per = perStatement;
        if (rows % per != 0)
        {
            throw new ArgumentException($"--rows must be a multiple of {per}.");
        }

        await using var connection = database.NewConnection();
        await connection.OpenAsync();
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE bench_raw (n TEXT, name TEXT, email TEXT, phone TEXT, unit INTEGER, grade INTEGER, position TEXT, hired DATE, frontline BOOLEAN, status INTEGER)";
            await create.ExecuteNonQueryAsync();
        }

        var clock = Stopwatch.StartNew();
        await using var tx = await connection.BeginTransactionAsync();
        await using var insert = connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = "INSERT INTO bench_raw VALUES " + string.Join(", ", Enumerable.Range(0, per).Select(r =>
            "(" + string.Join(", ", Enumerable.Range(0, 10).Select(c => string.Create(CultureInfo.InvariantCulture, $"@p{r * 10 + c}"))) + ")"));
        for (var i = 0; i < per * 10; i++)
        {
            var p = insert.CreateParameter();
            p.ParameterName = string.Create(CultureInfo.InvariantCulture, $"@p{i}");
            insert.Parameters.Add(p);
        }

        for (var start = 0; start < rows; start += per)
        {
            for (var r = 0; r < per; r++)
            {
                var i = start + r;
                var o = r * 10;
                insert.Parameters[o].Value = $"E{i:D7}";
                insert.Parameters[o + 1].Value = $"Person {i}";
                insert.Parameters[o + 2].Value = $"person{i}@city.example";
                insert.Parameters[o + 3].Value = "010-1234-5678";
                insert.Parameters[o + 4].Value = i % Units;
                insert.Parameters[o + 5].Value = i % 9 + 1;
                insert.Parameters[o + 6].Value = "주무관";
                insert.Parameters[o + 7].Value = new DateOnly(2000, 1, 1).AddDays(i % 9000);
                insert.Parameters[o + 8].Value = i % 2 == 0;
                insert.Parameters[o + 9].Value = 0;
            }

            await insert.ExecuteNonQueryAsync();
        }

        await tx.CommitAsync();
        return clock.Elapsed;
    }
}
