using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ServeWell.Bench;

/// <summary>
/// The machine's own write limits for the intake benchmark, measured in the same run at the same concurrency: answer-shaped
/// rows with their key rows, committed durably, one or 50 of each per transaction.
/// </summary>
internal static class IntakeFloors
{
    /// <summary>
    /// pgbench, N clients, each transaction <paramref name="rows"/> answer-shaped rows and as many key rows, committed
    /// synchronously; returns rows per second (with 1 row, commits per second). <paramref name="sameShape"/>: into
    /// copies of the app's own tables (<c>LIKE … INCLUDING ALL</c>: every column, default and index, the foreign keys
    /// left out), else into a bare table of the answer's main columns with no secondary index.
    /// </summary>
    public static async Task<double> PgbenchAsync(string cs, IntakeBenchmark.Options o, int rows, bool sameShape)
    {
        await IntakeBenchmark.ExecAsync(cs, sameShape
            ? """
              DROP TABLE IF EXISTS bench_answers; DROP TABLE IF EXISTS bench_keys;
              CREATE TABLE bench_answers (LIKE feedback_answers INCLUDING ALL);
              CREATE TABLE bench_keys (LIKE feedback_idempotency INCLUDING ALL);
              """
            : """
              DROP TABLE IF EXISTS bench_answers; DROP TABLE IF EXISTS bench_keys;
              CREATE TABLE bench_answers ("Id" bigserial PRIMARY KEY, "TouchpointId" int NOT NULL, "OrgUnitId" int NOT NULL, "ServiceId" int,
                "Channel" varchar(20) NOT NULL, "SurveyVersionId" int NOT NULL, "Overall" int NOT NULL, "OverallScore" int NOT NULL, "Timeliness" int,
                "TimelinessScore" int, "Courtesy" int, "CourtesyScore" int, "Resolved" varchar(10), "Comment" varchar(2000), "ContactRequested" boolean NOT NULL,
                "Language" varchar(8) NOT NULL, "AnsweredAt" timestamptz NOT NULL, "ReceivedAt" timestamptz NOT NULL);
              CREATE TABLE bench_keys ("Key" varchar(100) PRIMARY KEY, "RequestHash" varchar(64) NOT NULL, "Status" int NOT NULL, "Response" text NOT NULL,
                "AnswerId" bigint NOT NULL, "CreatedAt" timestamptz NOT NULL);
              """);
        const string columns = """
            "TouchpointId", "OrgUnitId", "ServiceId", "Channel", "SurveyVersionId", "Overall", "OverallScore", "Timeliness", "TimelinessScore", "Courtesy", "CourtesyScore", "Resolved", "Comment", "ContactRequested", "Language", "AnsweredAt", "ReceivedAt"
            """;
        const string values = "1, 1, 1, 'CounterQr', 1, 4, 75, 4, 75, 5, 100, 'Yes', 'Quick and friendly.', false, 'en', now(), now()";
        var script = Path.Combine(Path.GetTempPath(), $"servewell-pgbench-{Guid.NewGuid():N}.sql");
        // Same work per acknowledged answer as the intake: the answer row and its key row; one commit per transaction.
        await File.WriteAllTextAsync(script, rows == 1
            ? $$"""
              BEGIN;
              INSERT INTO bench_answers ({{columns}}) VALUES ({{values}});
              INSERT INTO bench_keys VALUES (md5(random()::text || clock_timestamp()::text), md5(random()::text), 201, '{"id":1,"comment":"Quick and friendly."}', lastval(), now());
              COMMIT;
              """
            : $$"""
              BEGIN;
              WITH a AS (INSERT INTO bench_answers ({{columns}}) SELECT {{values}} FROM generate_series(1, {{rows}}) RETURNING "Id") INSERT INTO bench_keys SELECT md5(random()::text || clock_timestamp()::text || "Id"), md5(random()::text), 201, '{"id":1,"comment":"Quick and friendly."}', "Id", now() FROM a;
              COMMIT;
              """);
        var b = new NpgsqlConnectionStringBuilder(cs);
        var info = new ProcessStartInfo("pgbench", ["-n", "-c", o.Clients.ToString(CultureInfo.InvariantCulture), "-j", "2", "-T", ((int)o.Duration.TotalSeconds).ToString(CultureInfo.InvariantCulture),
            "-f", script, "-h", b.Host!, "-p", b.Port.ToString(CultureInfo.InvariantCulture), "-U", b.Username!, b.Database!])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (b.Password is { } password)
        {
            info.Environment["PGPASSWORD"] = password;
        }

        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        File.Delete(script);
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("tps = ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("pgbench said: " + output + await process.StandardError.ReadToEndAsync());
        return rows * double.Parse(line["tps = ".Length..].Split(' ')[0], CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// SQLite has one writer: N tasks, each autocommitting INSERT after INSERT (answer row and key row in one transaction)
    /// under WAL + synchronous=FULL, into a fresh file. <paramref name="shapeFrom"/>: the app's database, whose
    /// <c>feedback_answers</c> and <c>feedback_idempotency</c> are copied with every column and index (the foreign keys
    /// left out, as PostgreSQL's <c>LIKE</c> does); null: a bare table of the answer's main columns.
    /// </summary>
    public static async Task<double> SqliteCommitsAsync(string file, IntakeBenchmark.Options o, int rows, string? shapeFrom)
    {
        foreach (var f in new[] { file, file + "-wal", file + "-shm" })
        {
            File.Delete(f);
        }

        var cs = ServeWell.Web.Platform.Data.DataRegistration.PrepareSqlite($"Data Source={file}");
        var ddl = shapeFrom is null ? BareSqliteTables : await SameShapeSqliteTablesAsync(shapeFrom);
        await using (var setup = new SqliteConnection(cs))
        {
            await setup.OpenAsync();
            await using var create = setup.CreateCommand();
            create.CommandText = ddl;
            await create.ExecuteNonQueryAsync();
        }

        var count = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, o.Clients).Select(_ => Task.Run(async () =>
        {
            await using var connection = new SqliteConnection(cs);
            await connection.OpenAsync();
            await using (var pragma = connection.CreateCommand())
            {
                // As the app's own connections (SqliteDurability): WAL, and a commit is on disk before it returns.
                pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000;";
                await pragma.ExecuteNonQueryAsync();
            }

            while (clock.Elapsed < o.Duration)
            {
                await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(System.Data.IsolationLevel.Serializable);
                await using var command = connection.CreateCommand();
                command.Transaction = tx;
                command.CommandText = """
                    INSERT INTO bench_answers ("TouchpointId", "OrgUnitId", "ServiceId", "Channel", "SurveyVersionId", "Overall", "OverallScore", "Timeliness", "TimelinessScore", "Courtesy", "CourtesyScore", "Resolved", "Comment", "ContactRequested", "Language", "AnsweredAt", "ReceivedAt")
                    VALUES (1, 1, 1, 'CounterQr', 1, 4, 75, 4, 75, 5, 100, 'Yes', 'Quick and friendly.', 0, 'en', datetime('now'), datetime('now'));
                    INSERT INTO bench_keys ("Key", "RequestHash", "Status", "Response", "AnswerId", "CreatedAt") VALUES (hex(randomblob(16)), hex(randomblob(32)), 201, '{"id":1}', last_insert_rowid(), datetime('now'));
                    """;
                for (var r = 0; r < rows; r++)
                {
                    await command.ExecuteNonQueryAsync();
                }

                await tx.CommitAsync();
                Interlocked.Add(ref count, rows);
            }
        })));
        var rate = count / clock.Elapsed.TotalSeconds;
        SqliteConnection.ClearAllPools();
        return rate;
    }

    private const string BareSqliteTables = """
        CREATE TABLE bench_answers ("Id" INTEGER PRIMARY KEY AUTOINCREMENT, "TouchpointId" INT NOT NULL, "OrgUnitId" INT NOT NULL, "ServiceId" INT,
          "Channel" TEXT NOT NULL, "SurveyVersionId" INT NOT NULL, "Overall" INT NOT NULL, "OverallScore" INT NOT NULL, "Timeliness" INT,
          "TimelinessScore" INT, "Courtesy" INT, "CourtesyScore" INT, "Resolved" TEXT, "Comment" TEXT, "ContactRequested" INT NOT NULL,
          "Language" TEXT NOT NULL, "AnsweredAt" TEXT NOT NULL, "ReceivedAt" TEXT NOT NULL);
        CREATE TABLE bench_keys ("Key" TEXT PRIMARY KEY, "RequestHash" TEXT NOT NULL, "Status" INT NOT NULL, "Response" TEXT NOT NULL,
          "AnswerId" INT NOT NULL, "CreatedAt" TEXT NOT NULL);
        """;

    /// <summary>The app's two intake tables and their indexes as its migrations created them, renamed, without foreign keys.</summary>
    private static async Task<string> SameShapeSqliteTablesAsync(string appDatabase)
    {
        await using var connection = new SqliteConnection($"Data Source={appDatabase};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT "sql" FROM sqlite_master WHERE "tbl_name" IN ('feedback_answers', 'feedback_idempotency') AND "sql" IS NOT NULL ORDER BY "type" DESC
            """;
        var statements = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var sql = System.Text.RegularExpressions.Regex.Replace(reader.GetString(0),
                @",\s*CONSTRAINT ""FK_[^""]+"" FOREIGN KEY \([^)]*\) REFERENCES ""[^""]+"" \([^)]*\)( ON DELETE [A-Z]+( [A-Z]+)?)?", "");
            statements.Add(sql.Replace("feedback_answers", "bench_answers", StringComparison.Ordinal)
                .Replace("feedback_idempotency", "bench_keys", StringComparison.Ordinal) + ";");
        }

        return string.Join("\n", statements);
    }
}
