using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Npgsql;

namespace ServeWell.Bench;

/// <summary>
/// Long hours (issue 18): two app nodes on one PostgreSQL take citizens' answers for <see cref="Options.Minutes"/> at
/// <see cref="Options.Fraction"/> of the intake capacity measured at the start of the same run, open loop. Every minute:
/// the p99 of that minute, answers acknowledged, each node's resident memory, and what the nodes' own metrics say of the
/// rollup and outbox queues (the dashboard read alongside). At the end: acknowledged against stored, memory growth after
/// warm-up, and a node's idle and loaded memory beside a hello-world ASP.NET Core app measured in the same run.
/// </summary>
internal static partial class SoakBenchmark
{
    public sealed record Options(string Pg, string AppDll, string HelloDll, int Minutes = 30, int Nodes = 2, int Port = 5300, double Fraction = 0.5, int Clients = 16);

    private sealed record Minute(int Number, double Offered, IntakeBenchmark.Load Load, long[] RssMb, double RollupLag, double OutboxLag, double LoadAverage);

    private const string ScrapeKey = "soak-scrape-key";

    public static async Task RunAsync(Options o)
    {
        Console.WriteLine($"Soak: {o.Nodes} nodes on PostgreSQL, {o.Minutes} min at {o.Fraction:0.##} × capacity, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        var name = $"bench_soak_{Guid.NewGuid():N}";
        await IntakeBenchmark.ExecAsync(o.Pg, $"CREATE DATABASE {name}");
        var cs = new NpgsqlConnectionStringBuilder(o.Pg) { Database = name }.ToString();
        var nodes = new List<Process>();
        Process? hello = null;
        try
        {
            var settings = new Dictionary<string, string> { ["Metrics__ScrapeKey"] = ScrapeKey };
            for (var n = 0; n < o.Nodes; n++)
            {
                nodes.Add(IntakeBenchmark.StartApp("Postgres", cs, o.AppDll, o.Port + n, settings));
                using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{o.Port + n}") };
                await IntakeBenchmark.WaitReadyAsync(http, nodes[n]);
            }

            var touchpoint = await IntakeBenchmark.TouchpointCodeAsync("Postgres", cs);
            hello = StartHello(o.HelloDll, o.Port + o.Nodes);
            await Task.Delay(TimeSpan.FromSeconds(10));   // both idle: the nodes' start-up work done, nothing asked of them
            var nodeIdle = nodes.Select(RssMb).ToArray();
            var helloIdle = RssMb(hello);

            var clients = Enumerable.Range(0, o.Nodes).Select(n => new RawHttp(o.Port + n)).ToArray();
            await using var helloClient = new RawHttp(o.Port + o.Nodes);
            var next = 0;
            Task<int> Send() => clients[(int)((uint)Interlocked.Increment(ref next) % (uint)clients.Length)].SendAsync(IntakeBenchmark.Post(touchpoint));

            // The machine's limit in this run: hello-world under the same concurrency; then the intake's capacity, closed loop.
            var root = RawHttp.Get("/");
            await IntakeBenchmark.MeasureAsync(o.Clients, TimeSpan.FromSeconds(3), _ => helloClient.SendAsync(root), 200);
            var helloLoad = await IntakeBenchmark.MeasureAsync(o.Clients, TimeSpan.FromSeconds(10), _ => helloClient.SendAsync(root), 200);
            var helloLoaded = RssMb(hello);
            await IntakeBenchmark.MeasureAsync(o.Clients, TimeSpan.FromSeconds(5), _ => Send(), 201);
            var capacity = await IntakeBenchmark.MeasureAsync(o.Clients, TimeSpan.FromSeconds(20), _ => Send(), 201);
            var nodeLoaded = nodes.Select(RssMb).ToArray();
            long acknowledged = capacity.Requests;
            Console.WriteLine($"hello-world {helloLoad.PerSecond:0} req/s; intake capacity over {o.Nodes} nodes {capacity.PerSecond:0} answers/s (p99 {capacity.P99:0.0} ms)");

            var rate = o.Fraction * capacity.PerSecond;
            var minutes = new List<Minute>();
            for (var m = 1; m <= o.Minutes; m++)
            {
                var (offered, load) = await IntakeBenchmark.PacedAsync(rate, TimeSpan.FromMinutes(1), Send);
                acknowledged += load.Requests;
                var (rollups, outbox) = await BacklogsAsync(o);
                minutes.Add(new Minute(m, offered, load, nodes.Select(RssMb).ToArray(), rollups, outbox, LoadAverage()));
                var last = minutes[^1];
                Console.WriteLine($"  minute {m}: {load.Requests} acknowledged, {load.Failures} failed, p99 {load.P99:0.0} ms, RSS {string.Join(" / ", last.RssMb)} MB, rollup lag {rollups:0} s, outbox {outbox:0} s, load {last.LoadAverage:0.0}");
            }

            foreach (var c in clients)
            {
                await c.DisposeAsync();
            }

            await Task.Delay(TimeSpan.FromSeconds(2));
            var stored = await IntakeBenchmark.CountAnswersAsync("Postgres", cs, touchpoint);
            Print(o, helloLoad, capacity, nodeIdle, nodeLoaded, helloIdle, helloLoaded, minutes, acknowledged, stored);
        }
        finally
        {
            foreach (var p in nodes.Append(hello).OfType<Process>().Where(p => !p.HasExited))
            {
                p.Kill(entireProcessTree: true);
                await p.WaitForExitAsync();
            }

            NpgsqlConnection.ClearAllPools();
            await IntakeBenchmark.ExecAsync(o.Pg, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        }
    }

    private static void Print(
        Options o, IntakeBenchmark.Load hello, IntakeBenchmark.Load capacity, long[] nodeIdle, long[] nodeLoaded, long helloIdle, long helloLoaded,
        List<Minute> minutes, long acknowledged, long stored)
    {
        Console.WriteLine();
        Console.WriteLine("| Minute | Offered/s | Acknowledged | Failed | p50 ms | p99 ms | " + string.Join(" | ", Enumerable.Range(1, o.Nodes).Select(n => $"Node {n} RSS MB")) + " | Rollup lag s | Outbox lag s | Load avg |");
        Console.WriteLine("|---|---|---|---|---|---|" + string.Concat(Enumerable.Repeat("---|", o.Nodes)) + "---|---|---|");
        foreach (var m in minutes)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {m.Number} | {m.Offered:0} | {m.Load.Requests:N0} | {m.Load.Failures} | {m.Load.P50:0.0} | {m.Load.P99:0.0} | {string.Join(" | ", m.RssMb)} | {m.RollupLag:0} | {m.OutboxLag:0} | {m.LoadAverage:0.0} |"));
        }

        // Growth after warm-up: from the end of the first sixth of the run (at least minute 1) to the last minute.
        var warm = minutes[Math.Clamp(minutes.Count / 6, 1, minutes.Count) - 1];
        var end = minutes[^1];
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Capacity {capacity.PerSecond:0} answers/s over {o.Nodes} nodes = {capacity.PerSecond / hello.PerSecond:0.00} × hello-world's {hello.PerSecond:0} req/s; soak at {o.Fraction:0.##} × capacity."));
        Console.WriteLine($"Acknowledged {acknowledged:N0}, stored {stored:N0}: {(acknowledged == stored ? "every acknowledged answer stored once" : "MISMATCH")}.");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"p99 per minute: median {Median(minutes.Select(m => m.Load.P99)):0.0} ms, worst {minutes.Max(m => m.Load.P99):0.0} ms; failures {minutes.Sum(m => m.Load.Failures)}."));
        for (var n = 0; n < o.Nodes; n++)
        {
            var growth = (double)(end.RssMb[n] - warm.RssMb[n]) / warm.RssMb[n];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Node {n + 1}: idle {nodeIdle[n]} MB ({(double)nodeIdle[n] / helloIdle:0.0} × hello-world's {helloIdle} MB), loaded {nodeLoaded[n]} MB ({(double)nodeLoaded[n] / helloLoaded:0.0} × hello-world's {helloLoaded} MB); minute {warm.Number} {warm.RssMb[n]} MB → minute {end.Number} {end.RssMb[n]} MB: growth {growth:+0.0%;-0.0%} (goal < 10 %)."));
        }

        static double Median(IEnumerable<double> values)
        {
            var all = values.Order().ToArray();
            return all.Length == 0 ? double.NaN : all[all.Length / 2];
        }
    }

    /// <summary>The largest rollup and outbox queue age any node reports in its metrics (what a dashboard would show).</summary>
    private static async Task<(double Rollups, double Outbox)> BacklogsAsync(Options o)
    {
        double rollups = 0, outbox = 0;
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ScrapeKey);
        for (var n = 0; n < o.Nodes; n++)
        {
            var text = await http.GetStringAsync($"http://127.0.0.1:{o.Port + n}/metrics");
            foreach (Match m in BacklogAge().Matches(text))
            {
                var value = double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
                if (m.Groups[1].Value == "rollups")
                {
                    rollups = Math.Max(rollups, value);
                }
                else if (m.Groups[1].Value == "outbox")
                {
                    outbox = Math.Max(outbox, value);
                }
            }
        }

        return (rollups, outbox);
    }

    private static long RssMb(Process process)
    {
        process.Refresh();
        return process.WorkingSet64 / (1024 * 1024);
    }

    private static double LoadAverage() =>
        double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);

    private static Process StartHello(string dll, int port)
    {
        var info = new ProcessStartInfo("dotnet", [dll, "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(info) ?? throw new InvalidOperationException("hello-world did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    [GeneratedRegex("^servewell_backlog_age_seconds\\{[^}]*queue=\"([a-z]+)\"[^}]*\\} ([0-9.eE+-]+)", RegexOptions.Multiline)]
    private static partial Regex BacklogAge();
}
