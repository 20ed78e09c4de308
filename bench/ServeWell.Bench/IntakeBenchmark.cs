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

    private sealed record Load(int Requests, int Failures, double PerSecond, double P50, double P95, double P99)
    {
        /// <summary>Throughput and percentiles of the successful requests' latencies (ms) over the elapsed seconds.</summary>
        public static Load Of(IEnumerable<double> latencies, int failures, double elapsedSeconds)
        {
            var all = latencies.Order().ToArray();
            double At(double p) => all.Length == 0 ? double.NaN : all[Math.Min(all.Length - 1, (int)(p * all.Length))];
            return new Load(all.Length, failures, all.Length / elapsedSeconds, At(0.50), At(0.95), At(0.99));
        }
    }

    public static async Task RunAsync(Options o)
    {
        Console.WriteLine($"Intake benchmark: {o.Clients} clients, {o.Duration.TotalSeconds:0} s per measurement, {Environment.ProcessorCount} cores");
        var sqliteFile = Path.Combine(Path.GetTempPath(), $"servewell-intake-{Guid.NewGuid():N}.db");
        try
        {
            if (o.Only is null or "sqlite")
            {
                await RunOneAsync("SQLite", "Sqlite", $"Data Source={sqliteFile}", o,
                    () => IntakeFloors.SqliteCommitsAsync(sqliteFile + ".floor", o, 1), () => IntakeFloors.SqliteCommitsAsync(sqliteFile + ".floor50", o, 50));
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
                await RunOneAsync("PostgreSQL", "Postgres", cs, o, () => IntakeFloors.PgbenchAsync(cs, o, 1), () => IntakeFloors.PgbenchAsync(cs, o, 50));
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
        return (perSecond, Load.Of(latencies, failures, clock.Elapsed.TotalSeconds));
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
        return Load.Of(latencies.SelectMany(l => l), failures, clock.Elapsed.TotalSeconds);
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

    internal static async Task ExecAsync(string cs, string sql)
    {
        await using var connection = new NpgsqlConnection(cs);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
