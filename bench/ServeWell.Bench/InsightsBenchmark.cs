using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using ServeWell.Web.Modules.Feedback.Intake;
using ServeWell.Web.Modules.Feedback.Touchpoints;
using ServeWell.Web.Modules.Insights.Explore;
using ServeWell.Web.Modules.Insights.Overview;
using ServeWell.Web.Modules.Insights.Rollups;
using ServeWell.Web.Modules.People.OrgUnits;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Events;
using ServeWell.Web.Platform.Jobs;
using ServeWell.Web.Platform.SharedState;

namespace ServeWell.Bench;

/// <summary>
/// Insights at national scale (issue 5, ADR-016's benchmark plan, ADR-021): generates a city with N answers in
/// PostgreSQL, times the production rollup rebuild, then times the real Insights services (overview, problem
/// services, trends) and a keyset drill-down for a city-year and a district-quarter — each beside the raw GROUP BY
/// over <c>feedback_answers</c> for the same scope and period, in the same run — and the queue lag under a
/// kiosk burst (10,000 answers unless told) sent through the intake.
/// </summary>
internal static class InsightsBenchmark
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private sealed record Stat(int Calls, double P50, double P95, double Max);

    public static async Task RunAsync(string adminConnectionString, long answers, string? keep, bool rebuild, int calls, int rawCalls, int burst)
    {
        BenchDatabase database;
        var existed = false;
        if (keep is null)
        {
            database = await BenchDatabase.PostgresAsync(adminConnectionString);
        }
        else
        {
            (database, existed) = await BenchDatabase.PostgresKeptAsync(adminConnectionString, keep);
        }

        await using (database)
        {
            await using var provider = Services(database);
            await RunAsync(database, provider, answers, existed, rebuild, calls, rawCalls, burst);
        }
    }

    private static ServiceProvider Services(BenchDatabase database)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddConsole().SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(TimeProvider.System);
        services.AddScoped(_ => database.NewContext());
        services.AddSingleton(InsightsCalendar.For("Asia/Seoul"));
        services.Configure<InsightsOptions>(_ => { });
        services.Configure<FeedbackOptions>(_ => { });
        // One node without Redis, as `dotnet run` (ADR-055): limits, the duplicate window and caches are per node.
        services.AddSingleton(new SharedStateOptions());
        services.AddSingleton<SharedRedis>();
        services.AddSingleton<ClusterSignals>();
        services.AddSingleton<DuplicateWindow>();
        services.AddSingleton<FeedbackLookups>();
        services.AddSingleton<FeedbackWriter>();
        services.AddScoped<DatabaseLease>();
        services.AddScoped<InsightsRollups>();
        services.AddScoped<IFeedbackBatchReceived, QueueRollupOnFeedback>();
        services.AddScoped<InsightsOverview>();
        services.AddScoped<ProblemServicesReport>();
        services.AddScoped<TrendsReport>();
        services.AddScoped<InsightsAnswers>();
        services.Configure<ServeWell.Web.Platform.City.CityOptions>(o => o.TimeZone = "Asia/Seoul");
        services.AddSingleton<ServeWell.Web.Platform.City.CityClock>();
        services.AddSingleton<ServeWell.Web.Modules.Feedback.Commendations.StaffOnDuty>();
        services.AddScoped<SubmitFeedback>();
        services.AddSingleton<InsightsRollupWorker>();
        return services.BuildServiceProvider();
    }

    private static async Task RunAsync(BenchDatabase database, ServiceProvider provider, long answers, bool existed, bool rebuild, int calls, int rawCalls, int burst)
    {
        var ct = CancellationToken.None;
        Console.WriteLine(string.Create(Inv, $"Insights benchmark — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {Environment.OSVersion}"));
        await using (var c = (NpgsqlConnection)database.NewConnection())
        {
            await c.OpenAsync();
            Console.WriteLine("PostgreSQL: " + await ScalarAsync<string>(c, "SELECT version()"));
        }

        if (!existed)
        {
            Console.WriteLine(string.Create(Inv, $"Generating {answers:N0} answers…"));
            var (setup, load, indexes) = await InsightsData.GenerateAsync(database, answers);
            Console.WriteLine(string.Create(Inv, $"| Generate | city, 250 offices, touchpoints {setup.TotalSeconds:F1} s | {answers:N0} answers (INSERT … SELECT generate_series) {load.TotalSeconds:F1} s | indexes + foreign keys + ANALYZE {indexes.TotalSeconds:F1} s |"));
            rebuild = true;
        }
        else
        {
            Console.WriteLine("Reusing the kept database (no generation); applying any new migrations.");
            await using var db = database.NewContext();
            await db.Database.MigrateAsync();
        }

        if (rebuild)
        {
            var sw = Stopwatch.StartNew();
            await using var scope = provider.CreateAsyncScope();
            var months = await scope.ServiceProvider.GetRequiredService<InsightsRollups>().RebuildAsync(ct);
            sw.Stop();
            Console.WriteLine(string.Create(Inv, $"| Rebuild (InsightsRollups.RebuildAsync) | {months} months | {sw.Elapsed.TotalSeconds:F1} s |"));
        }

        await using (var scope = provider.CreateAsyncScope())
        {
            // What the worker does after the org tree changed, or on its first look after taking the lease.
            var sw = Stopwatch.StartNew();
            var months = await scope.ServiceProvider.GetRequiredService<InsightsRollups>().RefreshSubtreesAsync(ct);
            Console.WriteLine(string.Create(Inv, $"| Subtree refresh (InsightsRollups.RefreshSubtreesAsync, after a tree change) | {months} months | {sw.Elapsed.TotalSeconds:F1} s |"));
        }

        await using (var c = (NpgsqlConnection)database.NewConnection())
        {
            await c.OpenAsync();
            await InsightsData.ExecAsync(c, "VACUUM ANALYZE insights_unit_service_months");
            await InsightsData.ExecAsync(c, "VACUUM ANALYZE insights_unit_months");
            await InsightsData.ExecAsync(c, "VACUUM ANALYZE insights_subtree_months");
            var answerCount = await ScalarAsync<long>(c, "SELECT count(*) FROM feedback_answers");
            var cubeAnswers = await ScalarAsync<long>(c, """SELECT COALESCE(SUM("Score1" + "Score2" + "Score3" + "Score4" + "Score5"), 0) FROM insights_unit_service_months""");
            var cells = await ScalarAsync<long>(c, "SELECT count(*) FROM insights_unit_service_months");
            var sizes = await ScalarAsync<string>(c, """
                SELECT 'answers ' || pg_size_pretty(pg_total_relation_size('feedback_answers')) || ', cube ' || pg_size_pretty(pg_total_relation_size('insights_unit_service_months'))
                """);
            Console.WriteLine(string.Create(Inv, $"| Data | {answerCount:N0} answers, {cubeAnswers:N0} in the cube ({(answerCount == cubeAnswers ? "equal" : "DIFFERENT")}), {cells:N0} cube cells ({(double)answerCount / Math.Max(1, cells):F0} answers per cell), {sizes} |"));
        }

        await MeasureViewsAsync(database, provider, calls, rawCalls, ct);
        if (burst > 0)
        {
            await MeasureLagAsync(database, provider, burst, ct);
        }
    }

    private static async Task MeasureViewsAsync(BenchDatabase database, ServiceProvider provider, int calls, int rawCalls, CancellationToken ct)
    {
        OrgUnit city, district, office;
        int worstService;
        await using (var db = database.NewContext())
        {
            city = await db.OrgUnits.AsNoTracking().SingleAsync(u => u.Code == "CITY", ct);
            district = await db.OrgUnits.AsNoTracking().SingleAsync(u => u.Code == "D2", ct);
            worstService = await db.PublicServices.Where(s => s.Code == "svc-04").Select(s => s.Id).SingleAsync(ct);
            var officeId = await db.Set<ServeWell.Web.Modules.Feedback.Services.ServiceOffice>()
                .Where(o => o.ServiceId == worstService).OrderBy(o => o.OrgUnitId).Select(o => o.OrgUnitId).FirstAsync(ct);
            office = await db.OrgUnits.AsNoTracking().SingleAsync(u => u.Id == officeId, ct);
        }

        var calendar = provider.GetRequiredService<InsightsCalendar>();
        var year = (From: new DateOnly(2025, 11, 1), To: new DateOnly(2026, 10, 1));
        var quarter = (From: new DateOnly(2026, 8, 1), To: new DateOnly(2026, 10, 1));
        var cityYear = new InsightsQuery(year.From, year.To, city);
        var districtQuarter = new InsightsQuery(quarter.From, quarter.To, district);
        (DateTime From, DateTime To) Utc(InsightsQuery q) => (calendar.Bounds(q.From).From, calendar.Bounds(q.To).To);

        Console.WriteLine();
        Console.WriteLine(string.Create(Inv, $"Each view: {calls} calls after 10 warm-up calls, each in a new scope and DbContext (as a request). Raw GROUP BY: up to {rawCalls} calls (at most 60 s) after 1 warm-up, on a pooled connection."));
        Console.WriteLine("| View | Scope and period | Service p50 | Service p95 | Raw GROUP BY p50 (calls) | Raw ÷ service (p50) | Target (p95) | Met |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");

        foreach (var (label, query) in new[] { ("city, 2025-11…2026-10", cityYear), ("district D2, 2026-08…2026-10", districtQuarter) })
        {
            var (f, t) = Utc(query);
            await RowAsync("Overview: headline, by office, by service, by channel (one call)", label, 50, calls, rawCalls, provider, database,
                sp => sp.GetRequiredService<InsightsOverview>().OverviewAsync(query, true, ct),
                c => InsightsRawFloors.CellsAsync(c, query.Unit.Path, f, t, ct));
            var (pf, pt) = Utc(query.Previous());
            await RowAsync("Problem services (Wilson ranking, this and the previous period)", label, 400, calls, rawCalls, provider, database,
                sp => sp.GetRequiredService<ProblemServicesReport>().RankAsync(query, true, ct),
                async c =>
                {
                    await InsightsRawFloors.CellsAsync(c, query.Unit.Path, f, t, ct);
                    await InsightsRawFloors.CellsAsync(c, query.Unit.Path, pf, pt, ct);
                });
            var (yf, _) = Utc(query with { From = query.From.AddYears(-1) });
            await RowAsync("Trends (each month and the same month a year before)", label, 50, calls, rawCalls, provider, database,
                sp => sp.GetRequiredService<TrendsReport>().SeriesAsync(query, true, ct),
                c => InsightsRawFloors.MonthsAsync(c, query.Unit.Path, yf, t, ct));
        }

        // Drill-down: the answers behind one figure, first page of 50 newest, and a deep page by keyset.
        var (cyf, cyt) = Utc(cityYear);
        var officeMonth = new InsightsQuery(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 1), office);
        var drills = new (string Label, InsightsQuery Query)[]
        {
            ("city, 2025-11…2026-10, service svc-04", cityYear),
            ("district D2, 2026-08…2026-10, service svc-04", districtQuarter),
            ($"office {office.Code}, 2026-10, service svc-04 (one cube cell's answers)", officeMonth),
        };
        foreach (var d in drills)
        {
            var (f, t) = Utc(d.Query);
            await RowAsync("Drill-down, first page of 50 (InsightsAnswers, as /Insights/Answers)", d.Label, 500, calls, rawCalls, provider, database,
                sp => sp.GetRequiredService<InsightsAnswers>().PageAsync(new AnswerFilter(d.Query, worstService), null, true, cancellationToken: ct),
                c => InsightsRawFloors.CellAsync(c, d.Query.Unit.Path, f, t, worstService, ct));
        }

        string? next = null;
        await using (var scope = provider.CreateAsyncScope())
        {
            var answers = scope.ServiceProvider.GetRequiredService<InsightsAnswers>();
            for (var page = 0; page < 20; page++)
            {
                next = (await answers.PageAsync(new AnswerFilter(cityYear, worstService), next, true, cancellationToken: ct)).Next;
            }
        }

        await RowAsync("Drill-down, page 21 by keyset (after the 1,000th answer)", drills[0].Label, 500, calls, rawCalls, provider, database,
            sp => sp.GetRequiredService<InsightsAnswers>().PageAsync(new AnswerFilter(cityYear, worstService), next, true, cancellationToken: ct),
            c => InsightsRawFloors.CellAsync(c, city.Path, cyf, cyt, worstService, ct));
    }

    private static async Task RowAsync(
        string view, string scope, double target, int calls, int rawCalls, ServiceProvider provider, BenchDatabase database,
        Func<IServiceProvider, Task> service, Func<NpgsqlConnection, Task> raw)
    {
        var s = await TimeAsync(10, calls, TimeSpan.MaxValue, async () =>
        {
            await using var scope = provider.CreateAsyncScope();
            await service(scope.ServiceProvider);
        });
        var r = await TimeAsync(1, rawCalls, TimeSpan.FromSeconds(60), async () =>
        {
            await using var c = (NpgsqlConnection)database.NewConnection();
            await c.OpenAsync();
            await raw(c);
        });
        Console.WriteLine(string.Create(Inv,
            $"| {view} | {scope} | {s.P50:F1} ms | **{s.P95:F1} ms** | {Ms(r.P50)} ({r.Calls}) | **{Ratio(r.P50 / s.P50)}×** | ≤ {target:F0} ms | {(s.P95 <= target ? "yes" : "NO")} |"));
    }

    private static string Ratio(double r) => r >= 10 ? string.Create(Inv, $"{r:N0}") : string.Create(Inv, $"{r:F1}");

    private static string Ms(double ms) => ms >= 1000 ? string.Create(Inv, $"{ms / 1000:F2} s") : string.Create(Inv, $"{ms:F1} ms");

    private static async Task<Stat> TimeAsync(int warmup, int calls, TimeSpan budget, Func<Task> call)
    {
        for (var i = 0; i < warmup; i++)
        {
            await call();
        }

        var times = new List<double>();
        var total = Stopwatch.StartNew();
        while (times.Count < calls && (times.Count < 3 || total.Elapsed < budget))
        {
            var sw = Stopwatch.StartNew();
            await call();
            times.Add(sw.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        double At(double p) => times[Math.Clamp((int)Math.Ceiling(p * times.Count) - 1, 0, times.Count - 1)];
        return new Stat(times.Count, At(0.5), At(0.95), times[^1]);
    }

    /// <summary>
    /// 10,000 answers from 20 kiosks (500 each, the batch API's maximum, answered up to three days ago) through the
    /// intake (<see cref="SubmitFeedback"/>, whose listener writes each group's counts as delta rows in the answers'
    /// transaction, ADR-026), with the real <see cref="InsightsRollupWorker"/> running (looks every 5 s). Reports the oldest queue row seen while
    /// the burst ran and the time from the last answer's commit until the cube holds every answer of the month.
    /// </summary>
    private static async Task MeasureLagAsync(BenchDatabase database, ServiceProvider provider, int size, CancellationToken ct)
    {
        const int Kiosks = 20;
        var perKiosk = Math.Max(1, size / Kiosks);
        // The burst lands in the current month (the generated history ends before it), answered up to three days ago
        // but never before the month began, so "every answer of the month" is exactly the burst on any day of the year.
        var calendar = provider.GetRequiredService<InsightsCalendar>();
        var month = calendar.MonthOf(DateTime.UtcNow);
        List<(int Id, string Code, int OrgUnitId)> kiosks;
        long lastIdBefore;
        await using (var db = database.NewContext())
        {
            kiosks = (await db.Touchpoints.AsNoTracking().Where(t => t.Kind == TouchpointKind.Kiosk).OrderBy(t => t.Id)
                .Select(t => new { t.Id, t.Code, t.OrgUnitId }).ToListAsync(ct))
                .DistinctBy(t => t.OrgUnitId).Take(Kiosks).Select(t => (t.Id, t.Code, t.OrgUnitId)).ToList();
            lastIdBefore = await db.FeedbackAnswers.MaxAsync(a => a.Id, ct);
            await db.Set<InsightsRollupQueueItem>().ExecuteDeleteAsync(ct);
        }

        var worker = provider.GetRequiredService<InsightsRollupWorker>();
        using var stop = new CancellationTokenSource();
        await worker.StartAsync(stop.Token);
        var maxQueueAge = TimeSpan.Zero;
        var maxQueueRows = 0L;
        var monitoring = true;
        var monitor = Task.Run(async () =>
        {
            await using var c = (NpgsqlConnection)database.NewConnection();
            await c.OpenAsync(ct);
            while (Volatile.Read(ref monitoring))
            {
                await using (var cmd = new NpgsqlCommand("""SELECT count(*), now() - min("EnqueuedAt") FROM insights_rollup_queue""", c))
                await using (var reader = await cmd.ExecuteReaderAsync(ct))
                {
                    await reader.ReadAsync(ct);
                    maxQueueRows = Math.Max(maxQueueRows, reader.GetInt64(0));
                    if (!reader.IsDBNull(1))
                    {
                        var age = reader.GetTimeSpan(1);
                        maxQueueAge = age > maxQueueAge ? age : maxQueueAge;
                    }
                }

                await Task.Delay(200, ct);
            }
        }, ct);

        var random = new Random(5);
        var now = DateTimeOffset.UtcNow;
        var spreadMinutes = (int)Math.Clamp((now.UtcDateTime - calendar.Bounds(month).From).TotalMinutes, 1, 3 * 24 * 60);
        var burst = Stopwatch.StartNew();
        var stored = 0;
        for (var k = 0; k < Kiosks; k++)
        {
            var source = new FeedbackSource(null, kiosks[k].Id);
            for (var i = 0; i < perKiosk; i++)
            {
                await using var scope = provider.CreateAsyncScope();
                var overall = 1 + random.Next(5);
                var request = new FeedbackRequest(
                    kiosks[k].Code, overall, new FeedbackDrivers(overall, null, overall, null, null), overall >= 4 ? "yes" : null,
                    overall <= 2 ? "대기 시간이 길었습니다" : null, null, null, "ko", now.AddMinutes(-random.Next(spreadMinutes)));
                var result = await scope.ServiceProvider.GetRequiredService<SubmitFeedback>()
                    .SubmitAsync(request, string.Create(Inv, $"bench-{now.ToUnixTimeSeconds()}-{k}-{i}"), source, ct);
                stored += result.Stored ? 1 : 0;
            }
        }

        burst.Stop();
        var afterBurst = Stopwatch.StartNew();
        long expected, inCube;
        var (from, to) = calendar.Bounds(month);
        while (true)
        {
            await using var db = database.NewContext();
            expected = await db.FeedbackAnswers.LongCountAsync(a => a.AnsweredAt >= from && a.AnsweredAt < to, ct);
            inCube = await db.InsightsUnitServiceMonths.Where(c => c.Month == month).SumAsync(c => (long)(c.Score1 + c.Score2 + c.Score3 + c.Score4 + c.Score5), ct);
            var queued = await db.Set<InsightsRollupQueueItem>().AnyAsync(ct);
            if (!queued && expected == inCube)
            {
                break;
            }

            if (afterBurst.Elapsed > TimeSpan.FromMinutes(5))
            {
                throw new InvalidOperationException($"The cube did not catch up within 5 minutes: {inCube} of {expected} answers.");
            }

            await Task.Delay(100, ct);
        }

        afterBurst.Stop();
        Volatile.Write(ref monitoring, false);
        await monitor;
        await stop.CancelAsync();
        await worker.StopAsync(CancellationToken.None);

        Console.WriteLine();
        Console.WriteLine("| Queue lag under a kiosk burst | |");
        Console.WriteLine("|---|---|");
        Console.WriteLine(string.Create(Inv, $"| Answers sent through SubmitFeedback ({Kiosks} kiosks × {perKiosk:N0}) | {stored:N0} stored in {burst.Elapsed.TotalSeconds:F1} s ({stored / burst.Elapsed.TotalSeconds:N0} answers/s) |"));
        Console.WriteLine(string.Create(Inv, $"| Oldest queue row seen while the burst ran (sampled every 200 ms) | **{maxQueueAge.TotalSeconds:F1} s** (at most {maxQueueRows:N0} rows queued) |"));
        Console.WriteLine(string.Create(Inv, $"| Last answer committed → cube holds every answer of {month:yyyy-MM} | **{afterBurst.Elapsed.TotalSeconds:F1} s** ({inCube:N0} = {expected:N0}) |"));

        // Leave a kept database as it was: remove the burst and recompute the office-months it touched.
        await using (var db = database.NewContext())
        {
            await db.FeedbackIdempotency.Where(r => r.AnswerId > lastIdBefore).ExecuteDeleteAsync(ct);
            await db.FeedbackAnswers.Where(a => a.Id > lastIdBefore).ExecuteDeleteAsync(ct);
        }

        await using (var scope = provider.CreateAsyncScope())
        {
            var rollups = scope.ServiceProvider.GetRequiredService<InsightsRollups>();
            foreach (var k in kiosks)
            {
                rollups.Enqueue(k.OrgUnitId, from);
            }

            await scope.ServiceProvider.GetRequiredService<ServeWellDbContext>().SaveChangesAsync(ct);
            await rollups.DrainAsync(ct);
        }
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection c, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, c) { CommandTimeout = 600 };
        return (T)(await cmd.ExecuteScalarAsync())!;
    }
}
