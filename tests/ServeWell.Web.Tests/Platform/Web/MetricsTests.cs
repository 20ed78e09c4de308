using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Mail;
using ServeWell.Web.Tests.Fixtures;
using ServeWell.Web.Tests.Modules.Feedback;

namespace ServeWell.Web.Tests.Platform.Web;

/// <summary>The Prometheus scrape endpoint (ADR-055): behind its own key, with request and intake figures.</summary>
public abstract partial class MetricsTests(DatabaseKind kind)
{
    [Fact]
    public async Task Scrape_WithTheKey_ShowsRequestsByRouteAndIntakeAnswers_WithoutIt401()
    {
        await using var app = await AppHost.StartIsolatedAsync(kind, new Dictionary<string, string?>
        {
            ["Metrics:ScrapeKey"] = "scrape-secret-1", ["Feedback:DuplicateWindow"] = "00:00:00",
        });
        var touchpoint = await app.CreateTouchpointAsync();
        using var citizen = app.Citizen();
        (await citizen.PostFeedbackAsync(new { touchpoint = touchpoint.Code, overall = 5, language = "en" }, FeedbackData.NewKey())).StatusCode.ShouldBe(HttpStatusCode.Created);

        using var scraper = app.Citizen();
        (await scraper.GetAsync("/metrics")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        scraper.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "wrong");
        (await scraper.GetAsync("/metrics")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        scraper.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "scrape-secret-1");
        string text = "";
        for (var attempt = 0; attempt < 20 && !(text.Contains("servewell_intake_answers", StringComparison.Ordinal) && text.Contains("/api/v1/feedback", StringComparison.Ordinal)
            && text.Contains("servewell_backlog_waiting", StringComparison.Ordinal) && text.Contains("servewell_job_last_run", StringComparison.Ordinal)); attempt++)
        {
            await Task.Delay(attempt == 0 ? 0 : 500);
            using var scraped = await scraper.GetAsync("/metrics");
            scraped.StatusCode.ShouldBe(HttpStatusCode.OK);
            text = await scraped.Content.ReadAsStringAsync();
        }

        text.ShouldContain("servewell_intake_answers");
        text.ShouldContain("http_server_request_duration");
        text.ShouldContain("http_route=\"/api/v1/feedback\"");
        // The background queues and jobs (ADR-057): the backlogs sampled at start, the jobs that ran on their first look.
        text.Split('\n').ShouldContain(l => l.StartsWith("servewell_backlog_waiting{", StringComparison.Ordinal) && l.Contains("queue=\"outbox\"", StringComparison.Ordinal));
        text.Split('\n').ShouldContain(l => l.StartsWith("servewell_backlog_age_seconds{", StringComparison.Ordinal) && l.Contains("queue=\"rollups\"", StringComparison.Ordinal));
        text.Split('\n').ShouldContain(l => l.StartsWith("servewell_job_last_run_seconds{", StringComparison.Ordinal) && l.Contains("job=\"mail-outbox\"", StringComparison.Ordinal));
        text.Split('\n').ShouldContain(l => l.StartsWith("servewell_job_duration_seconds_count{", StringComparison.Ordinal) && l.Contains("job=\"mail-outbox\"", StringComparison.Ordinal));
        text.ShouldContain("servewell_intake_group_size");
    }

    /// <summary>
    /// deploy/prometheus/servewell-alerts.yml names only metrics the app exports (a misspelt name would make an alert
    /// that never fires): after an answer, a refusal by the rate limit, a mail the server would not take and the jobs'
    /// first runs, each name is in the scrape. The connection-pool metrics come from Npgsql, so only on PostgreSQL.
    /// The app runs as its own process, as in production: in this test process every app host's OpenTelemetry listens
    /// to the instruments of all the others, and late in a full run a new host's own request metrics were crowded out.
    /// </summary>
    [Fact]
    public async Task AlertRules_NameOnlyMetricsTheAppExports()
    {
        // Label lists (by, on) and selectors ({…}) name labels, not metrics: left out before the names are read.
        var rules = string.Join('\n', File.ReadAllLines(Repository.PathOf("deploy", "prometheus", "servewell-alerts.yml")).Where(l => !l.TrimStart().StartsWith('#')));
        var names = MetricName().Matches(LabelLists().Replace(rules, " "))
            .Select(m => m.Value).Distinct().Where(n => kind == DatabaseKind.Postgres || !n.StartsWith("db_client_", StringComparison.Ordinal)).ToList();
        names.ShouldContain("servewell_outbox_failures_total");
        await using var database = await SeededTemplates.CreateAsync(kind, null);
        var mail = Directory.CreateTempSubdirectory("servewell-mail-").FullName;
        try
        {
            // A mail due now, queued before the app starts: its outbox worker tries it on its first look and fails.
            await using (var db = NewContext(database))
            {
                db.OutboxMails.Add(new OutboxMail
                {
                    To = "nobody@test.example", Language = "en", Subject = "Refused", TextBody = "Body", Status = OutboxStatus.Pending,
                    NextAttemptAt = DateTime.UtcNow.AddMinutes(-1), CreatedAt = DateTime.UtcNow.AddMinutes(-1),
                });
                await db.SaveChangesAsync();
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            await using var app = await AppProcess.StartAsync(kind == DatabaseKind.Postgres ? "Postgres" : "Sqlite", database.ConnectionString, mail, new Dictionary<string, string>
            {
                ["Metrics:ScrapeKey"] = "scrape-secret-2", ["Feedback:DuplicateWindow"] = "00:00:00", ["Feedback:RateLimits:PerAddressPerMinute"] = "1",
                ["Mail:Mode"] = "Smtp", ["Mail:SmtpHost"] = "127.0.0.1", ["Mail:SmtpPort"] = ClosedPort().ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Mail:SmtpStartTls"] = "false", ["Mail:OutboxLook"] = "00:00:01",
            });
            var code = (await app.Api.GetFromJsonAsync<JsonElement>("/api/v1/touchpoints")).EnumerateArray().First().GetProperty("code").GetString();
            using var citizen = new HttpClient { BaseAddress = app.Address };
            (await citizen.PostFeedbackAsync(new { touchpoint = code, overall = 5, language = "en" }, FeedbackData.NewKey())).StatusCode.ShouldBe(HttpStatusCode.Created, app.RecentOutput);
            (await citizen.PostFeedbackAsync(new { touchpoint = code, overall = 4, language = "en" }, FeedbackData.NewKey())).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);

            using var scraper = new HttpClient { BaseAddress = app.Address };
            scraper.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "scrape-secret-2");
            List<string> missing = names;
            var exported = new SortedSet<string>(StringComparer.Ordinal);
            for (var attempt = 0; attempt < 60 && missing.Count > 0; attempt++)
            {
                await Task.Delay(attempt == 0 ? 0 : 500);
                var lines = (await scraper.GetStringAsync("/metrics")).Split('\n').Where(l => l.Length > 0 && l[0] != '#').ToList();
                exported = new SortedSet<string>(lines.Select(l => l.Split('{', ' ')[0]), StringComparer.Ordinal);
                missing = names.Where(n => !exported.Contains(n)).ToList();
            }

            missing.ShouldBeEmpty("metrics the alert rules name but the app does not export; it exports: " + string.Join(", ", exported));
            if (kind == DatabaseKind.Postgres)
            {
                // The pool rule divides the used connections by the pool's maximum, matched on these labels.
                var pool = await scraper.GetStringAsync("/metrics");
                pool.ShouldContain("db_client_connection_state=\"used\"");
                pool.Split('\n').ShouldContain(l => l.StartsWith("db_client_connection_max{", StringComparison.Ordinal) && l.Contains("db_client_connection_pool_name=", StringComparison.Ordinal));
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            TempFolder.TryDelete(mail);
        }
    }

    private static ServeWellDbContext NewContext(TestDatabase database) => database.Kind == DatabaseKind.Postgres
        ? new PostgresServeWellDbContext(new DbContextOptionsBuilder<PostgresServeWellDbContext>().UseNpgsql(database.ConnectionString).Options)
        : new SqliteServeWellDbContext(new DbContextOptionsBuilder<SqliteServeWellDbContext>().UseSqlite(database.ConnectionString).Options);

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    [GeneratedRegex(@"\b(?:servewell|http_server|db_client)_[a-z0-9_]+\b")]
    private static partial Regex MetricName();

    [GeneratedRegex(@"\b(?:by|on|without|ignoring|group_left|group_right)\s*\([^)]*\)|\{[^}]*\}")]
    private static partial Regex LabelLists();

    [Fact]
    public async Task Scrape_WithoutAKeyConfigured_IsNotThere()
    {
        await using var app = await AppHost.StartIsolatedAsync(kind);
        using var scraper = app.Citizen();
        (await scraper.GetAsync("/metrics")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

public sealed class MetricsSqliteTests() : MetricsTests(DatabaseKind.Sqlite);

public sealed class MetricsPostgresTests() : MetricsTests(DatabaseKind.Postgres);
