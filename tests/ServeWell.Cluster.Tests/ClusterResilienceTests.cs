using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Npgsql;

namespace ServeWell.Cluster.Tests;

/// <summary>
/// Background work once across the nodes, and PostgreSQL restarted under load (ADR-057). Steps 5–9 of the cluster run:
/// after the sign-in, limit and kiosk tests, before the node kill (ClusterTests' step 10).
/// </summary>
public sealed partial class ClusterTests
{
    [Fact, Step(5)]
    public async Task TouchpointRetiredOnOneNode_IsRefusedByEveryNodeWithinOneSecond()
    {
        var (touchpointId, code) = await TouchpointAsync();
        var nodes = Cluster.Nodes;

        // Every node takes an answer for the touchpoint, and so holds it in its lookup cache.
        for (var n = 0; n < nodes.Count; n++)
        {
            using var citizen = Cluster.Client(nodes[n], 60 + n);
            using var answered = await citizen.SendAsync(Answer(code, Guid.NewGuid().ToString("N")));
            answered.StatusCode.ShouldBe(HttpStatusCode.Created, nodes[n].ToString());
        }

        using var admin = Cluster.Client(nodes[0], 43);
        var token = await Cluster.FormTokenAsync(admin, "/Accounts/SignIn");
        (await Cluster.PostFormAsync(admin, "/Accounts/SignIn", token, new() { ["Form.Email"] = AdminEmail, ["Form.Password"] = Password })).Dispose();
        var edit = $"/Feedback/Touchpoints/Edit/{touchpointId}";
        token = await Cluster.FormTokenAsync(admin, edit);
        using var retired = await Cluster.PostFormAsync(admin, $"{edit}?handler=Retire", token, new() { ["confirmed"] = "true" });
        retired.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var everywhere = await Cluster.EventuallyAsync(async () =>
        {
            for (var n = 0; n < nodes.Count; n++)
            {
                using var citizen = Cluster.Client(nodes[n], 60 + n);
                using var response = await citizen.SendAsync(Answer(code, Guid.NewGuid().ToString("N")));
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    return false;
                }
            }

            return true;
        }, TimeSpan.FromSeconds(1));
        everywhere.ShouldBeTrue("a retired touchpoint is refused by every node within a second");
    }

    [Fact, Step(6)]
    public async Task EveryNode_ReportsJobAndBacklogMetrics_BehindItsOwnKey()
    {
        foreach (var node in Cluster.Nodes)
        {
            using var anonymous = Cluster.Client(node, 2);
            (await anonymous.GetAsync("/metrics")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        // Within a sampling period every node has read both queues; the lease holders have run their jobs.
        var seen = await Cluster.EventuallyAsync(async () =>
        {
            var all = string.Join('\n', await Task.WhenAll(Cluster.Nodes.Select(ScrapeAsync)));
            return Series(all, "servewell_backlog_waiting", "queue=\"outbox\"")
                && Series(all, "servewell_backlog_age_seconds", "queue=\"rollups\"")
                && Series(all, "servewell_job_duration_seconds_count", "job=\"mail-outbox\"")
                && Series(all, "servewell_job_last_run_seconds", "job=\"insights-rollup\"")
                && all.Contains("http_server_request_duration_seconds_bucket", StringComparison.Ordinal);
        }, TimeSpan.FromSeconds(30));
        seen.ShouldBeTrue("every node exports its job, backlog and request metrics");
    }

    [Fact, Step(7)]
    public async Task BackgroundWork_RunsOnceAcrossTheNodes()
    {
        // 1. The outbox job runs on one node at a time: over 15 s, the runs of all nodes together are those of one
        //    node looking every 5 s (three nodes each running it would make about nine).
        var before = await OutboxRunsAsync();
        await Task.Delay(TimeSpan.FromSeconds(15));
        var runs = await OutboxRunsAsync() - before;
        runs.ShouldBeInRange(1, 5, "outbox runs across the three nodes in 15 s");

        // 2. Mails are sent once each: three password-reset mails asked for on three nodes, then one file per sent
        //    mail over the nodes' folders together (a mail sent by two nodes would be two files).
        foreach (var (node, who) in Cluster.Nodes.Zip(new[] { "employee", "supervisor", "training" }))
        {
            using var client = Cluster.Client(node, 6);
            var token = await Cluster.FormTokenAsync(client, "/Accounts/ForgotPassword");
            using var asked = await Cluster.PostFormAsync(client, "/Accounts/ForgotPassword", token, new() { ["Email"] = $"{who}@servewell.demo" });
            ((int)asked.StatusCode).ShouldBeLessThan(400, $"a reset link for {who} on {node}");
        }

        await using var db = await OpenAsync();
        (await Cluster.EventuallyAsync(async () => await ScalarAsync(db,
            "SELECT count(*) FROM outbox_mails WHERE \"Status\" = 0 AND \"NextAttemptAt\" <= now() AT TIME ZONE 'utc'") == 0, TimeSpan.FromSeconds(30)))
            .ShouldBeTrue("the outbox drains");
        var sent = await ScalarAsync(db, "SELECT count(*) FROM outbox_mails WHERE \"Status\" = 1");
        var files = (long)Cluster.MailFolders.Where(Directory.Exists).Sum(f => Directory.GetFiles(f, "*.eml").Length);
        sent.ShouldBeGreaterThanOrEqualTo(3, "the three reset mails went out");
        files.ShouldBe(sent, "one mail file per sent mail: no mail went out from two nodes");

        // 3. The rollups count every answer once, though three nodes took answers and each could drain the queue.
        (await Cluster.EventuallyAsync(async () => await ScalarAsync(db, "SELECT count(*) FROM insights_rollup_queue") == 0, TimeSpan.FromSeconds(40)))
            .ShouldBeTrue("the rollup queue drains");
        var counted = await ScalarAsync(db,
            "SELECT coalesce(sum(\"Score1\" + \"Score2\" + \"Score3\" + \"Score4\" + \"Score5\"), 0) FROM insights_unit_service_months");
        var answers = await ScalarAsync(db, "SELECT count(*) FROM feedback_answers WHERE \"ExcludedAt\" IS NULL");
        counted.ShouldBe(answers, "each answer is in the rollups exactly once");
    }

    [Fact, Step(8)]
    public async Task ScheduledWork_RunsOncePerPeriodAcrossTheNodes()
    {
        // 1. Every scheduled job with a period longer than the cluster has been up ran once over the three nodes
        //    together since they started, not once per node: the award rounds, the restriction reviews, the evidence
        //    retention, the refreshers, the audience sync, the completion sweep, the idempotency pruning and the follow-up
        //    contact purge.
        var hourly = new[]
        {
            "recognition-rounds", "protection-restriction-reviews", "protection-evidence-retention", "learning-refresher-intake",
            "training-audience-sync", "training-completion-sweep", "feedback-idempotency-prune", "follow-up-contact-purge",
        };
        var scrapes = await Task.WhenAll(Cluster.Nodes.Select(ScrapeAsync));
        foreach (var job in hourly)
        {
            JobRuns(scrapes, job).ShouldBe(1, $"runs of {job} over the three nodes since they started");
        }

        // 2. The overdue reminders (every 6 s in this cluster): four open cases made overdue are each reminded once,
        //    with one notice to the assignee, though every node looks every second and each run could remind them.
        await using var db = await OpenAsync();
        var since = await ScalarTimeAsync(db, "SELECT now() AT TIME ZONE 'utc'");
        var cases = await IdsAsync(db, """
            SELECT "Id" FROM follow_up_cases WHERE "State" IN ('New', 'Contacted') AND "AssignedUserId" IS NOT NULL ORDER BY "Id" LIMIT 4
            """);
        cases.Count.ShouldBe(4, "the demo city has open assigned cases");
        var list = string.Join(", ", cases);
        await ExecuteAsync(db, $"""
            UPDATE follow_up_cases SET "DueAtUtc" = (now() AT TIME ZONE 'utc') - interval '2 days', "LastRemindedOn" = NULL WHERE "Id" IN ({list})
            """);
        (await Cluster.EventuallyAsync(async () => await ScalarAsync(db, $"""SELECT count(*) FROM follow_up_cases WHERE "Id" IN ({list}) AND "LastRemindedOn" IS NOT NULL""") == 4,
            TimeSpan.FromSeconds(40))).ShouldBeTrue("the four overdue cases are reminded");
        await Task.Delay(TimeSpan.FromSeconds(14));   // two more reminder periods, in which a second run must find them reminded today
        var stamp = since.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture);
        (await ScalarAsync(db, $"""
            SELECT count(*) FROM follow_up_events WHERE "CaseId" IN ({list}) AND "Kind" = 'Reminded' AND "AtUtc" >= '{stamp}'
            """)).ShouldBe(4, "one reminder event per overdue case");
        (await ScalarAsync(db, $"""
            SELECT count(*) FROM follow_up_notices WHERE "CaseId" IN ({list}) AND "Kind" = 'Overdue' AND "CreatedAtUtc" >= '{stamp}'
            """)).ShouldBe(4, "one overdue notice per case, to its assignee");

        // 3. The monthly report (looked for every 5 s in this cluster, on any day of the month): each subscriber's
        //    report for last month is one delivery and one mail file, over the three nodes' mail folders.
        var subscribers = await ScalarAsync(db, "SELECT count(*) FROM insights_report_subscriptions");
        subscribers.ShouldBeGreaterThanOrEqualTo(1, "the demo mayor subscribes to the monthly report");
        (await Cluster.EventuallyAsync(async () => ReportMails().Count >= subscribers, TimeSpan.FromSeconds(60)))
            .ShouldBeTrue("every subscriber's monthly report was mailed");
        await Task.Delay(TimeSpan.FromSeconds(12));   // two more looks, on whichever nodes hold the lease
        (await ScalarAsync(db, "SELECT count(*) FROM insights_report_deliveries")).ShouldBe(subscribers, "one delivery per subscriber");
        ReportMails().Count.ShouldBe((int)subscribers, "one report mail per subscriber over the three nodes: " + string.Join(", ", ReportMails()));
    }

    [Fact, Step(9)]
    public async Task PostgresRestartedUnderLoad_Answers503WithRetryAfter_LosesNothing_AndTheNodesRecover()
    {
        var (touchpointId, code) = await TouchpointAsync();
        var before = await AnswersAsync(touchpointId);
        var acknowledged = new ConcurrentDictionary<string, bool>();
        var statuses = new ConcurrentDictionary<int, int>();
        var retryAfterOn503 = true;
        using var stop = new CancellationTokenSource();

        // Six citizens from their own addresses, each resending an answer with the same Idempotency-Key until it is
        // acknowledged, staying under the per-address limit.
        var citizens = Enumerable.Range(0, 6).Select(n => Task.Run(async () =>
        {
            using var client = Cluster.Client(Cluster.Proxy, 110 + n);
            var budget = Cluster.PerAddressPerMinute - 2;
            while (budget > 0 && !stop.IsCancellationRequested)
            {
                var key = Guid.NewGuid().ToString("N");
                while (budget-- > 0)
                {
                    using var response = await client.SendAsync(Answer(code, key));
                    statuses.AddOrUpdate((int)response.StatusCode, 1, (_, c) => c + 1);
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        acknowledged[key] = true;
                        break;
                    }

                    if (response.StatusCode == HttpStatusCode.ServiceUnavailable && response.Headers.RetryAfter?.Delta is null)
                    {
                        retryAfterOn503 = false;
                    }

                    await Task.Delay(400);
                }

                await Task.Delay(150);
            }
        })).ToArray();

        await Task.Delay(600);
        await PostgresAsync("stop");
        var down = Stopwatch.StartNew();
        try
        {
            // While the database is gone every node says it is not ready, and a page and an API call answer 503.
            foreach (var node in Cluster.Nodes)
            {
                using var probe = Cluster.Client(node, 3);
                (await Cluster.EventuallyAsync(async () => (await probe.GetAsync("/health/ready")).StatusCode == HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(10)))
                    .ShouldBeTrue($"{node} says it is not ready while the database is gone");
            }

            using (var api = Cluster.Api(Cluster.Proxy, 4))
            using (var list = await api.GetAsync("/api/v1/touchpoints"))
            {
                list.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
                list.Headers.RetryAfter?.Delta.ShouldNotBeNull();
                (await list.Content.ReadAsStringAsync()).ShouldContain("database");
            }

            // A public page that reads the database (a certificate's verification) gets the friendly page, also 503.
            using (var visitor = Cluster.Client(Cluster.Proxy, 5))
            using (var verify = await visitor.GetAsync("/verify/ABCD-EFGH-JKMN?lang=en"))
            {
                verify.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
                verify.Headers.RetryAfter?.Delta.ShouldNotBeNull();
                (await verify.Content.ReadAsStringAsync()).ShouldContain("Back in a moment");
            }

            var rest = TimeSpan.FromSeconds(4) - down.Elapsed;
            if (rest > TimeSpan.Zero)
            {
                await Task.Delay(rest);
            }
        }
        finally
        {
            await PostgresAsync("start");
            NpgsqlConnection.ClearAllPools();   // this test's own connections died with the server
        }

        // The nodes reconnect by themselves.
        foreach (var node in Cluster.Nodes)
        {
            using var probe = Cluster.Client(node, 3);
            (await Cluster.EventuallyAsync(async () => (await probe.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(30)))
                .ShouldBeTrue($"{node} is ready again once the database is back");
        }

        await Task.WhenAll(citizens);
        statuses.Keys.ShouldNotContain(500, "no request failed with 500 while the database was away");
        statuses.Keys.ShouldContain(503, "requests during the outage were told to come back");
        retryAfterOn503.ShouldBeTrue("every 503 carried Retry-After");
        acknowledged.Count.ShouldBeGreaterThan(6);
        (await AnswersAsync(touchpointId) - before).ShouldBe(acknowledged.Count, "every acknowledged answer is stored, once");
    }

    private static async Task PostgresAsync(string command)
    {
        using var process = Process.Start(new ProcessStartInfo(Cluster.PostgresControl, command) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0, $"{Cluster.PostgresControl} {command}: {await error}");
    }

    private static async Task<string> ScrapeAsync(Uri node)
    {
        using var client = Cluster.Client(node, 2);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Cluster.ScrapeKey);
        return await client.GetStringAsync("/metrics");
    }

    /// <summary>Runs of the outbox job, over every node, from each node's duration histogram.</summary>
    private static async Task<long> OutboxRunsAsync()
    {
        var total = 0L;
        foreach (var text in await Task.WhenAll(Cluster.Nodes.Select(ScrapeAsync)))
        {
            foreach (Match m in OutboxRunCount().Matches(text))
            {
                total += (long)double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            }
        }

        return total;
    }

    /// <summary>Runs of <paramref name="job"/> counted by every node's duration histogram, both outcomes.</summary>
    private static long JobRuns(IEnumerable<string> scrapes, string job) =>
        scrapes.Sum(text => text.Split('\n')
            .Where(line => line.StartsWith("servewell_job_duration_seconds_count{", StringComparison.Ordinal) && line.Contains($"job=\"{job}\"", StringComparison.Ordinal))
            .Sum(line => (long)double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture)));

    /// <summary>The mail files, over the nodes' folders, that carry a monthly report.</summary>
    private static List<string> ReportMails() =>
        [.. Cluster.MailFolders.Where(Directory.Exists).SelectMany(f => Directory.GetFiles(f, "*.eml"))
            .Where(f => File.ReadAllText(f).Contains("servewell-report-", StringComparison.Ordinal)).Select(f => Path.GetFileName(f))];

    private static async Task<DateTime> ScalarTimeAsync(NpgsqlConnection db, string sql)
    {
        await using var command = new NpgsqlCommand(sql, db);
        return (DateTime)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<List<long>> IdsAsync(NpgsqlConnection db, string sql)
    {
        await using var command = new NpgsqlCommand(sql, db);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<long>();
        while (await reader.ReadAsync())
        {
            ids.Add(Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture));
        }

        return ids;
    }

    private static async Task ExecuteAsync(NpgsqlConnection db, string sql)
    {
        await using var command = new NpgsqlCommand(sql, db);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection db, string sql)
    {
        await using var command = new NpgsqlCommand(sql, db);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>Whether the scrape has a series of <paramref name="metric"/> with the label <paramref name="label"/> (OpenTelemetry adds its own labels around it).</summary>
    private static bool Series(string scrape, string metric, string label) =>
        scrape.Split('\n').Any(line => line.StartsWith(metric + "{", StringComparison.Ordinal) && line.Contains(label, StringComparison.Ordinal));

    [GeneratedRegex("^servewell_job_duration_seconds_count\\{[^}]*job=\"mail-outbox\"[^}]*\\} ([0-9.eE+]+)", RegexOptions.Multiline)]
    private static partial Regex OutboxRunCount();
}
