using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ServeWell.Bench;

/// <summary>
/// Durable intake under load (ADR-018): the built app runs as its own process on Kestrel (127.0.0.1), against a fresh
/// SQLite file or PostgreSQL database migrated and seeded by the app itself; N clients send POST /api/v1/feedback with
/// distinct Idempotency-Keys for a fixed time. In the same run, the machine's own limits: GET /health/live on the same
/// Kestrel with the same client (the HTTP floor), and single-row INSERT-per-commit with synchronous commit (pgbench on
/// PostgreSQL, a loop of autocommitted INSERTs under WAL + synchronous=FULL on SQLite) at the same concurrency.
/// </summary>
internal static class IntakeBenchmark
{
    public sealed record Options(int Clients, TimeSpan Duration, int Port, string? Pg, string AppDll, string? Only = null);

    private sealed record Load(int Requests, int Failures, double PerSecond, double P50, double P95, double P99);

    public static async Task RunAsync(Options o)
    {
        Console.WriteLine($"Intake benchmark: {o.Clients} clients, {o.Duration.TotalSeconds:0} s per measurement, {Environment.ProcessorCount} cores");
        var sqliteFile = Path.Combine(Path.GetTempPath(), $"servewell-intake-{Guid.NewGuid():N}.db");
        try
        {
            if (o.Only is null or "sqlite")
            {
                await RunOneAsync("SQLite", "Sqlite", $"Data Source={sqliteFile}", o,
                    () => SqliteCommitsAsync(sqliteFile + ".floor", o, 1), () => SqliteCommitsAsync(sqliteFile + ".floor50", o, 50));
            }
        }
        finally
        {
            foreach (var f in new[] { sqliteFile, sqliteFile + "-wal", sqliteFile + "-shm", sqliteFile + ".floor", sqliteFile + ".floor-wal", sqliteFile + ".floor-shm", sqliteFile + ".floor50", sqliteFile + ".floor50-wal", sqliteFile + ".floor50-shm" })
            {
                File.Delete(f);
            }
        }

        if (o.Pg is { } admin && o.Only is null or "pg")
        {
            var name = $"bench_intake_{Guid.NewGuid():N}";
            await ExecAsync(admin, $"CREATE DATABASE {name}");
            var cs = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ToString();
            try
            {
                await RunOneAsync("PostgreSQL", "Postgres", cs, o, () => PgbenchAsync(cs, o, 1), () => PgbenchAsync(cs, o, 50));
            }
            finally
            {
                NpgsqlConnection.ClearAllPools();
                await ExecAsync(admin, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            }
        }
    }

    private static async Task RunOneAsync(string label, string provider, string connectionString, Options o, Func<Task<double>> commitFloor, Func<Task<double>> batchFloor)
    {
        using var app = StartApp(provider, connectionString, o);
        try
        {
            var baseUri = new Uri($"http://127.0.0.1:{o.Port}");
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = o.Clients * 4, PooledConnectionLifetime = TimeSpan.FromMinutes(10) }) { BaseAddress = baseUri };
            await WaitReadyAsync(http, app);
            var touchpoint = await TouchpointCodeAsync(provider, connectionString);

            // Warm up both paths (JIT, connection pools), then measure.
            await MeasureAsync(o.Clients, TimeSpan.FromSeconds(3), _ => http.GetAsync("/health/live"), HttpStatusCode.OK);
            var warm = await MeasureAsync(o.Clients, TimeSpan.FromSeconds(3), _ => Post(http, touchpoint), HttpStatusCode.Created);
            var cpu0 = app.TotalProcessorTime;
            var hello = await MeasureAsync(o.Clients, o.Duration, _ => http.GetAsync("/health/live"), HttpStatusCode.OK);
            app.Refresh();
            var cpu1 = app.TotalProcessorTime;
            var intake = await MeasureAsync(o.Clients, o.Duration, _ => Post(http, touchpoint), HttpStatusCode.Created);
            app.Refresh();
            var cpu2 = app.TotalProcessorTime;
            var stored = await CountAnswersAsync(provider, connectionString, touchpoint);

            // Kiosk sync: each client sends batches of 50 queued answers, each with its own key, for the same time.
            var kioskToken = await RegisterKioskAsync(provider, connectionString);
            var batches = await MeasureAsync(o.Clients, o.Duration, _ => PostBatch(http, kioskToken), HttpStatusCode.OK);

            // Latency at a fixed offered load: 70 % of the database's own commit rate, measured first (the p99 target).
            var commits = await commitFloor();
            var batchRows = await batchFloor();
            var paced = await PacedAsync(0.7 * commits, o.Duration, () => Post(http, touchpoint));
            app.Kill(entireProcessTree: true);
            await app.WaitForExitAsync();

            Console.WriteLine();
            Console.WriteLine($"{label}");
            Console.WriteLine($"  hello-world GET /health/live   {hello.PerSecond,9:N0} req/s   p50 {hello.P50,6:N1} ms  p95 {hello.P95,6:N1} ms  ({hello.Failures} failed)");
            Console.WriteLine($"  single-row insert per commit  {commits,9:N0} commits/s");
            Console.WriteLine($"  POST /api/v1/feedback (201)    {intake.PerSecond,9:N0} answers/s p50 {intake.P50,6:N1} ms  p95 {intake.P95,6:N1} ms  p99 {intake.P99,6:N1} ms  ({intake.Failures} failed)");
            Console.WriteLine($"  acknowledged (warm-up + run)   {warm.Requests + intake.Requests,9:N0}   stored {stored:N0}");
            Console.WriteLine($"  app CPU per request            hello {(cpu1 - cpu0).TotalMilliseconds / Math.Max(1, hello.Requests),6:0.000} ms   intake {(cpu2 - cpu1).TotalMilliseconds / Math.Max(1, intake.Requests),6:0.000} ms");
            Console.WriteLine($"  intake / commit floor          {intake.PerSecond / commits,9:0.00}");
            Console.WriteLine($"  at 70 % of the floor           offered {paced.Offered,9:N0}/s  done {paced.Load.PerSecond,9:N0}/s  p50 {paced.Load.P50,6:N1} ms  p95 {paced.Load.P95,6:N1} ms  p99 {paced.Load.P99,6:N1} ms  ({paced.Load.Failures} failed)");
            Console.WriteLine($"  50-row batch insert floor      {batchRows,9:N0} rows/s");
            Console.WriteLine($"  POST /api/v1/feedback/batch    {batches.PerSecond * 50,9:N0} answers/s ({batches.PerSecond:N1} batches of 50/s, p50 {batches.P50:N1} ms, p99 {batches.P99:N1} ms, {batches.Failures} failed)");
            Console.WriteLine($"  kiosk batch / batch floor      {batches.PerSecond * 50 / batchRows,9:0.00}");
            Console.WriteLine($"  intake / hello-world           {intake.PerSecond / hello.PerSecond,9:0.00}");
        }
        finally
        {
            if (!app.HasExited)
            {
                app.Kill(entireProcessTree: true);
            }
        }
    }

    private static Task<HttpResponseMessage> Post(HttpClient http, string touchpoint)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/feedback")
        {
            Content = JsonContent.Create(new
            {
                touchpoint, overall = Random.Shared.Next(3, 6), drivers = new { timeliness = 4, courtesy = 5 }, resolved = "yes",
                comment = "Quick and friendly.", language = "en",
            }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        return http.SendAsync(request);
    }

    private static Task<HttpResponseMessage> PostBatch(HttpClient http, string token)
    {
        var answers = Enumerable.Range(0, 50).Select(_ => new
        {
            key = Guid.NewGuid().ToString("N"), overall = Random.Shared.Next(3, 6), resolved = "yes", comment = "Quick and friendly.", language = "ko",
            answeredAt = DateTimeOffset.UtcNow.AddMinutes(-Random.Shared.Next(1, 600)),
        });
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/feedback/batch") { Content = JsonContent.Create(new { answers }) };
        request.Headers.Add("X-Kiosk-Token", token);
        return http.SendAsync(request);
    }

    /// <summary>A kiosk device for the demo's first kiosk touchpoint, with a token only this run knows.</summary>
    private static async Task<string> RegisterKioskAsync(string provider, string cs)
    {
        var token = "bench-" + Guid.NewGuid().ToString("N");
        await using var connection = Connect(provider, cs);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            INSERT INTO kiosk_devices ("Name", "TouchpointId", "TokenHash", "TokenHint", "CreatedAt", "CreatedBy")
            SELECT 'bench', "Id", '{ServeWell.Web.Modules.Feedback.Kiosks.KioskTokens.Hash(token)}', 'bench', CURRENT_TIMESTAMP, 'bench'
            FROM touchpoints WHERE "Kind" = 'Kiosk' AND "RetiredAt" IS NULL ORDER BY "Id" LIMIT 1
            """;
        if (await command.ExecuteNonQueryAsync() != 1)
        {
            throw new InvalidOperationException("The demo city has no kiosk touchpoint.");
        }

        return token;
    }

    /// <summary>
    /// Open-loop load: requests start on a fixed schedule (<paramref name="perSecond"/>), whatever the answers before them
    /// are doing, and each latency counts from its scheduled start, so a stall shows in the percentiles instead of
    /// slowing the load down.
    /// </summary>
    private static async Task<(double Offered, Load Load)> PacedAsync(double perSecond, TimeSpan duration, Func<Task<HttpResponseMessage>> send)
    {
        var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
        var failures = 0;
        var inFlight = new List<Task>();
        var clock = Stopwatch.StartNew();
        var total = (int)(perSecond * duration.TotalSeconds);
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds(i / perSecond);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }

            inFlight.Add(Task.Run(async () =>
            {
                try
                {
                    using var response = await send();
                    await response.Content.ReadAsByteArrayAsync();
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        latencies.Add((clock.Elapsed - due).TotalMilliseconds);
                    }
                    else
                    {
                        Interlocked.Increment(ref failures);
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref failures);
                }
            }));
        }

        await Task.WhenAll(inFlight);
        var elapsed = clock.Elapsed.TotalSeconds;
        var all = latencies.Order().ToArray();
        double At(double p) => all.Length == 0 ? double.NaN : all[Math.Min(all.Length - 1, (int)(p * all.Length))];
        return (perSecond, new Load(all.Length, failures, all.Length / elapsed, At(0.50), At(0.95), At(0.99)));
    }

    private static async Task<Load> MeasureAsync(int clients, TimeSpan duration, Func<int, Task<HttpResponseMessage>> send, HttpStatusCode expected)
    {
        var latencies = new List<double>[clients];
        var failures = 0;
        var clock = Stopwatch.StartNew();
        var end = duration;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var mine = latencies[c] = new List<double>(4096);
            while (clock.Elapsed < end)
            {
                var start = clock.Elapsed;
                try
                {
                    using var response = await send(c);
                    await response.Content.ReadAsByteArrayAsync();
                    if (response.StatusCode == expected)
                    {
                        mine.Add((clock.Elapsed - start).TotalMilliseconds);
                    }
                    else
                    {
                        Interlocked.Increment(ref failures);
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })));
        var elapsed = clock.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        double At(double p) => all.Length == 0 ? double.NaN : all[Math.Min(all.Length - 1, (int)(p * all.Length))];
        return new Load(all.Length, failures, all.Length / elapsed, At(0.50), At(0.95), At(0.99));
    }

    private static Process StartApp(string provider, string connectionString, Options o)
    {
        var info = new ProcessStartInfo("dotnet", [o.AppDll])
        {
            WorkingDirectory = Path.GetDirectoryName(o.AppDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var env = info.Environment;
        env["ASPNETCORE_ENVIRONMENT"] = "Production";
        env["ASPNETCORE_URLS"] = $"http://127.0.0.1:{o.Port}";
        env["Urls"] = $"http://127.0.0.1:{o.Port}";
        env["Database__Provider"] = provider;
        env["ConnectionStrings__ServeWell"] = connectionString;
        env["PublicUrl"] = $"http://127.0.0.1:{o.Port}";
        env["Demo__Enabled"] = "true";
        env["Demo__FeedbackAnswers"] = "2000";
        env["Feedback__RateLimits__PerAddressPerMinute"] = "100000000";
        env["Feedback__RateLimits__PerDevicePerMinute"] = "100000000";
        env["Feedback__DuplicateWindow"] = "00:00:00";
        env["Mail__Folder"] = Path.Combine(Path.GetTempPath(), "servewell-bench-outbox");
        env["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(info) ?? throw new InvalidOperationException("The app did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine("  app: " + e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitReadyAsync(HttpClient http, Process app)
    {
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (DateTime.UtcNow < deadline)
        {
            if (app.HasExited)
            {
                throw new InvalidOperationException($"The app exited with {app.ExitCode} before it was ready.");
            }

            try
            {
                using var response = await http.GetAsync("/health/ready");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(500);
        }

        throw new TimeoutException("The app was not ready within 5 minutes.");
    }

    private const string TouchpointSql = "SELECT \"Code\" FROM touchpoints WHERE \"RetiredAt\" IS NULL AND \"Kind\" = 'Counter' ORDER BY \"Id\" LIMIT 1";

    private static async Task<string> TouchpointCodeAsync(string provider, string cs)
    {
        await using var connection = Connect(provider, cs);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = TouchpointSql;
        return (string?)await command.ExecuteScalarAsync() ?? throw new InvalidOperationException("The demo city has no counter touchpoint.");
    }

    private static async Task<long> CountAnswersAsync(string provider, string cs, string code)
    {
        await using var connection = Connect(provider, cs);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM feedback_answers a JOIN touchpoints t ON t.\"Id\" = a.\"TouchpointId\" WHERE t.\"Code\" = '" + code + "' AND a.\"Comment\" = 'Quick and friendly.'";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static System.Data.Common.DbConnection Connect(string provider, string cs) =>
        provider == "Postgres" ? new NpgsqlConnection(cs) : new SqliteConnection(cs);

    /// <summary>
    /// pgbench, N clients, each transaction <paramref name="rows"/> answer-shaped rows and as many key rows, committed
    /// synchronously; returns rows per second (with 1 row, commits per second).
    /// </summary>
    private static async Task<double> PgbenchAsync(string cs, Options o, int rows)
    {
        await ExecOnAsync(cs, """
            DROP TABLE IF EXISTS bench_answers; DROP TABLE IF EXISTS bench_keys;
            CREATE TABLE bench_answers (id bigserial PRIMARY KEY, touchpoint_id int NOT NULL, org_unit_id int NOT NULL, service_id int,
              channel varchar(20) NOT NULL, overall int NOT NULL, overall_score int NOT NULL, timeliness int, courtesy int, resolved varchar(10),
              comment varchar(2000), language varchar(8) NOT NULL, answered_at timestamptz NOT NULL, received_at timestamptz NOT NULL);
            CREATE TABLE bench_keys (key varchar(100) PRIMARY KEY, request_hash varchar(64) NOT NULL, status int NOT NULL, response text NOT NULL,
              answer_id bigint NOT NULL, created_at timestamptz NOT NULL);
            """);
        var script = Path.Combine(Path.GetTempPath(), $"servewell-pgbench-{Guid.NewGuid():N}.sql");
        // Same work per acknowledged answer as the intake: the answer row and its key row; one commit per transaction.
        await File.WriteAllTextAsync(script, rows == 1
            ? """
              BEGIN;
              INSERT INTO bench_answers (touchpoint_id, org_unit_id, service_id, channel, overall, overall_score, timeliness, courtesy, resolved, comment, language, answered_at, received_at) VALUES (1, 1, 1, 'CounterQr', 4, 75, 4, 5, 'Yes', 'Quick and friendly.', 'en', now(), now());
              INSERT INTO bench_keys VALUES (md5(random()::text || clock_timestamp()::text), md5(random()::text), 201, '{"id":1,"comment":"Quick and friendly."}', lastval(), now());
              COMMIT;
              """
            : $$"""
              BEGIN;
              WITH a AS (INSERT INTO bench_answers (touchpoint_id, org_unit_id, service_id, channel, overall, overall_score, timeliness, courtesy, resolved, comment, language, answered_at, received_at) SELECT 1, 1, 1, 'Kiosk', 4, 75, 4, 5, 'Yes', 'Quick and friendly.', 'en', now(), now() FROM generate_series(1, {{rows}}) RETURNING id) INSERT INTO bench_keys SELECT md5(random()::text || clock_timestamp()::text || id), md5(random()::text), 201, '{"id":1,"comment":"Quick and friendly."}', id, now() FROM a;
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

    /// <summary>SQLite has one writer: N tasks, each autocommitting INSERT after INSERT (answer row and key row in one transaction) under WAL + synchronous=FULL.</summary>
    private static async Task<double> SqliteCommitsAsync(string file, Options o, int rows)
    {
        var cs = ServeWell.Web.Platform.Data.DataRegistration.PrepareSqlite($"Data Source={file}");
        await using (var setup = new SqliteConnection(cs))
        {
            await setup.OpenAsync();
            await using var create = setup.CreateCommand();
            create.CommandText = """
                CREATE TABLE bench_answers (id INTEGER PRIMARY KEY, touchpoint_id INT NOT NULL, org_unit_id INT NOT NULL, service_id INT, channel TEXT NOT NULL,
                  overall INT NOT NULL, overall_score INT NOT NULL, timeliness INT, courtesy INT, resolved TEXT, comment TEXT, language TEXT NOT NULL,
                  answered_at TEXT NOT NULL, received_at TEXT NOT NULL);
                CREATE TABLE bench_keys (key TEXT PRIMARY KEY, request_hash TEXT NOT NULL, status INT NOT NULL, response TEXT NOT NULL, answer_id INT NOT NULL, created_at TEXT NOT NULL);
                """;
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
                    INSERT INTO bench_answers (touchpoint_id, org_unit_id, service_id, channel, overall, overall_score, timeliness, courtesy, resolved, comment, language, answered_at, received_at)
                    VALUES (1, 1, 1, 'CounterQr', 4, 75, 4, 5, 'Yes', 'Quick and friendly.', 'en', datetime('now'), datetime('now'));
                    INSERT INTO bench_keys VALUES (hex(randomblob(16)), hex(randomblob(32)), 201, '{"id":1}', last_insert_rowid(), datetime('now'));
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

    private static async Task ExecAsync(string cs, string sql)
    {
        await using var connection = new NpgsqlConnection(cs);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static Task ExecOnAsync(string cs, string sql) => ExecAsync(cs, sql);
}
