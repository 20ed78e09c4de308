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
    public sealed record Options(int Clients, TimeSpan Duration, int Port, string? Pg, string AppDll, string? Only = null, int Rounds = 3);

    internal sealed record Load(int Requests, int Failures, double PerSecond, double P50, double P95, double P99)
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
                    shape => IntakeFloors.SqliteCommitsAsync(sqliteFile + ".floor", o, 1, shape ? sqliteFile : null),
                    shape => IntakeFloors.SqliteCommitsAsync(sqliteFile + ".floor50", o, 50, shape ? sqliteFile : null));
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
                await RunOneAsync("PostgreSQL", "Postgres", cs, o,
                    shape => IntakeFloors.PgbenchAsync(cs, o, 1, shape), shape => IntakeFloors.PgbenchAsync(cs, o, 50, shape));
            }
            finally
            {
                NpgsqlConnection.ClearAllPools();
                await ExecAsync(admin, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            }
        }
    }

    /// <summary>One round's figures: each load right after the floor it is compared with, so a slower moment of a shared machine weighs on both.</summary>
    private sealed record Round(
        double Commits, double BareCommits, Load Intake, double CpuPerAnswer, double BatchRows, double BareBatchRows, Load Batches, double CpuPerKioskAnswer,
        (double Offered, Load Load) Paced)
    {
        public double IntakeRatio => Intake.PerSecond / Commits;

        public double KioskRatio => Batches.PerSecond * 50 / BatchRows;
    }

    /// <param name="commitFloor">Commits per second of one answer and its key per transaction; true: into tables shaped like the app's (same columns, indexes and defaults), false: a bare table.</param>
    /// <param name="batchFloor">Rows per second in 50-row transactions, likewise.</param>
    private static async Task RunOneAsync(
        string label, string provider, string connectionString, Options o, Func<bool, Task<double>> commitFloor, Func<bool, Task<double>> batchFloor)
    {
        using var app = StartApp(provider, connectionString, o);
        try
        {
            var baseUri = new Uri($"http://127.0.0.1:{o.Port}");
            using var http = new HttpClient { BaseAddress = baseUri };
            await WaitReadyAsync(http, app);
            var touchpoint = await TouchpointCodeAsync(provider, connectionString);
            var kioskToken = await RegisterKioskAsync(provider, connectionString);
            await using var load = new RawHttp(o.Port);
            var live = RawHttp.Get("/health/live");

            // Warm up every path (JIT, connection pools), then the HTTP floor once.
            await MeasureAsync(o.Clients, TimeSpan.FromSeconds(3), _ => load.SendAsync(live), 200);
            var warm = await MeasureAsync(o.Clients, TimeSpan.FromSeconds(3), _ => load.SendAsync(Post(touchpoint)), 201);
            await MeasureAsync(o.Clients, TimeSpan.FromSeconds(3), _ => load.SendAsync(PostBatch(kioskToken)), 200);
            var cpu = app.TotalProcessorTime;
            var hello = await MeasureAsync(o.Clients, o.Duration, _ => load.SendAsync(live), 200);
            var helloCpu = CpuSince(app, ref cpu) / Math.Max(1, hello.Requests);

            var rounds = new List<Round>();
            var acknowledged = warm.Requests;
            for (var r = 0; r < o.Rounds; r++)
            {
                var commits = await commitFloor(true);
                var bareCommits = await commitFloor(false);
                CpuSince(app, ref cpu);
                var intake = await MeasureAsync(o.Clients, o.Duration, _ => load.SendAsync(Post(touchpoint)), 201);
                var cpuPerAnswer = CpuSince(app, ref cpu) / Math.Max(1, intake.Requests);
                acknowledged += intake.Requests;
                var batchRows = await batchFloor(true);
                var bareBatchRows = await batchFloor(false);
                CpuSince(app, ref cpu);
                var batches = await MeasureAsync(o.Clients, o.Duration, _ => load.SendAsync(PostBatch(kioskToken)), 200);
                var cpuPerKioskAnswer = CpuSince(app, ref cpu) / Math.Max(1, batches.Requests * 50);
                // Latency at a fixed offered load: 70 % of this round's commit floor (the p99 target), open loop.
                var paced = await PacedAsync(0.7 * commits, o.Duration, () => load.SendAsync(Post(touchpoint)));
                acknowledged += paced.Load.Requests;
                rounds.Add(new Round(commits, bareCommits, intake, cpuPerAnswer, batchRows, bareBatchRows, batches, cpuPerKioskAnswer, paced));
            }

            var stored = await CountAnswersAsync(provider, connectionString, touchpoint);
            app.Kill(entireProcessTree: true);
            await app.WaitForExitAsync();
            Print(label, o, hello, helloCpu, rounds, acknowledged, stored);
        }
        finally
        {
            if (!app.HasExited)
            {
                app.Kill(entireProcessTree: true);
            }
        }
    }

    private static double CpuSince(Process app, ref TimeSpan since)
    {
        app.Refresh();
        var now = app.TotalProcessorTime;
        var spent = (now - since).TotalMilliseconds;
        since = now;
        return spent;
    }

    private static void Print(string label, Options o, Load hello, double helloCpu, List<Round> rounds, int acknowledged, long stored)
    {
        Console.WriteLine();
        Console.WriteLine($"{label} — {rounds.Count} rounds of {o.Duration.TotalSeconds:0} s per measurement, {o.Clients} clients, each load right after its floors");
        Console.WriteLine($"  hello-world GET /health/live   {hello.PerSecond,9:N0} req/s   p50 {hello.P50,6:N1} ms  p95 {hello.P95,6:N1} ms  app CPU {helloCpu:0.000} ms/req  ({hello.Failures} failed)");
        foreach (var (r, i) in rounds.Select((r, i) => (r, i + 1)))
        {
            Console.WriteLine($"  round {i}");
            Console.WriteLine($"    commit floor (same shape / bare)   {r.Commits,9:N0} / {r.BareCommits:N0} commits/s");
            Console.WriteLine($"    POST /api/v1/feedback (201)        {r.Intake.PerSecond,9:N0} answers/s  p50 {r.Intake.P50,6:N1}  p95 {r.Intake.P95,6:N1}  p99 {r.Intake.P99,6:N1} ms  app CPU {r.CpuPerAnswer:0.000} ms/answer  ({r.Intake.Failures} failed)");
            Console.WriteLine($"    intake / floor (same shape / bare) {r.IntakeRatio,9:0.00} / {r.Intake.PerSecond / r.BareCommits:0.00}");
            Console.WriteLine($"    at 70 % of the floor, open loop    offered {r.Paced.Offered,7:N0}/s  done {r.Paced.Load.PerSecond,7:N0}/s  p50 {r.Paced.Load.P50,6:N1}  p95 {r.Paced.Load.P95,6:N1}  p99 {r.Paced.Load.P99,6:N1} ms  ({r.Paced.Load.Failures} failed)");
            Console.WriteLine($"    50-row floor (same shape / bare)   {r.BatchRows,9:N0} / {r.BareBatchRows:N0} rows/s");
            Console.WriteLine($"    POST /api/v1/feedback/batch        {r.Batches.PerSecond * 50,9:N0} answers/s  ({r.Batches.PerSecond:N1} batches of 50/s, p50 {r.Batches.P50:N1} ms, p99 {r.Batches.P99:N1} ms)  app CPU {r.CpuPerKioskAnswer:0.000} ms/answer  ({r.Batches.Failures} failed)");
            Console.WriteLine($"    kiosk / 50-row floor (same / bare) {r.KioskRatio,9:0.00} / {r.Batches.PerSecond * 50 / r.BareBatchRows:0.00}");
        }

        static double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToArray();
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        }

        Console.WriteLine($"  MEDIAN intake / commit floor (same shape)     {Median(rounds.Select(r => r.IntakeRatio)),6:0.00}   (bare table {Median(rounds.Select(r => r.Intake.PerSecond / r.BareCommits)):0.00})");
        Console.WriteLine($"  MEDIAN p99 at 70 % of the floor               {Median(rounds.Select(r => r.Paced.Load.P99)),6:N1} ms");
        Console.WriteLine($"  MEDIAN kiosk batch / 50-row floor (same shape) {Median(rounds.Select(r => r.KioskRatio)),5:0.00}   (bare table {Median(rounds.Select(r => r.Batches.PerSecond * 50 / r.BareBatchRows)):0.00})");
        Console.WriteLine($"  acknowledged single answers {acknowledged:N0}, stored for that touchpoint {stored:N0}");
    }

    internal static byte[] Post(string touchpoint) => RawHttp.PostJson(
        "/api/v1/feedback",
        $$"""{"touchpoint":"{{touchpoint}}","overall":{{Random.Shared.Next(3, 6)}},"drivers":{"timeliness":4,"courtesy":5},"resolved":"yes","comment":"Quick and friendly.","language":"en"}""",
        ("Idempotency-Key", Guid.NewGuid().ToString("N")));

    private static byte[] PostBatch(string token)
    {
        var body = new System.Text.StringBuilder("""{"answers":[""");
        for (var i = 0; i < 50; i++)
        {
            var at = DateTimeOffset.UtcNow.AddMinutes(-Random.Shared.Next(1, 600)).ToString("O", CultureInfo.InvariantCulture);
            body.Append(i == 0 ? "" : ",").Append(CultureInfo.InvariantCulture,
                $$"""{"key":"{{Guid.NewGuid():N}}","overall":{{Random.Shared.Next(3, 6)}},"resolved":"yes","comment":"Quick and friendly.","language":"ko","answeredAt":"{{at}}"}""");
        }

        return RawHttp.PostJson("/api/v1/feedback/batch", body.Append("]}").ToString(), ("X-Kiosk-Token", token));
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
    internal static async Task<(double Offered, Load Load)> PacedAsync(double perSecond, TimeSpan duration, Func<Task<int>> send)
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
                    if (await send() == 201)
                    {
                        latencies.Add((clock.Elapsed - due).TotalMilliseconds);
                    }
                    else
                    {
                        Interlocked.Increment(ref failures);
                    }
                }
                catch (IOException)
                {
                    Interlocked.Increment(ref failures);
                }
            }));
        }

        await Task.WhenAll(inFlight);
        return (perSecond, Load.Of(latencies, failures, clock.Elapsed.TotalSeconds));
    }

    internal static async Task<Load> MeasureAsync(int clients, TimeSpan duration, Func<int, Task<int>> send, int expected)
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
                    if (await send(c) == expected)
                    {
                        mine.Add((clock.Elapsed - start).TotalMilliseconds);
                    }
                    else
                    {
                        Interlocked.Increment(ref failures);
                    }
                }
                catch (IOException)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })));
        return Load.Of(latencies.SelectMany(l => l), failures, clock.Elapsed.TotalSeconds);
    }

    private static Process StartApp(string provider, string connectionString, Options o) => StartApp(provider, connectionString, o.AppDll, o.Port);

    /// <summary>The built app as its own process on 127.0.0.1:<paramref name="port"/>, limits off, the demo city seeded; <paramref name="settings"/> on top.</summary>
    internal static Process StartApp(string provider, string connectionString, string appDll, int port, IReadOnlyDictionary<string, string>? settings = null)
    {
        var info = new ProcessStartInfo("dotnet", [appDll])
        {
            WorkingDirectory = Path.GetDirectoryName(appDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var env = info.Environment;
        env["ASPNETCORE_ENVIRONMENT"] = "Production";
        env["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        env["Urls"] = $"http://127.0.0.1:{port}";
        env["Database__Provider"] = provider;
        env["ConnectionStrings__ServeWell"] = connectionString;
        env["PublicUrl"] = $"http://127.0.0.1:{port}";
        env["Demo__Enabled"] = "true";
        env["Demo__FeedbackAnswers"] = "2000";
        env["Feedback__RateLimits__PerAddressPerMinute"] = "100000000";
        env["Feedback__RateLimits__PerDevicePerMinute"] = "100000000";
        env["Feedback__DuplicateWindow"] = "00:00:00";
        env["Mail__Folder"] = Path.Combine(Path.GetTempPath(), "servewell-bench-outbox");
        env["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            env[key] = value;
        }

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

    internal static async Task WaitReadyAsync(HttpClient http, Process app)
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

    internal static async Task<string> TouchpointCodeAsync(string provider, string cs)
    {
        await using var connection = Connect(provider, cs);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = TouchpointSql;
        return (string?)await command.ExecuteScalarAsync() ?? throw new InvalidOperationException("The demo city has no counter touchpoint.");
    }

    internal static async Task<long> CountAnswersAsync(string provider, string cs, string code)
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
