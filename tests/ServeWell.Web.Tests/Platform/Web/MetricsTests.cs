using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
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
    /// </summary>
    [Fact]
    public async Task AlertRules_NameOnlyMetricsTheAppExports()
    {
        var names = MetricName().Matches(string.Join('\n', File.ReadAllLines(Repository.PathOf("deploy", "prometheus", "servewell-alerts.yml"))
                .Where(l => !l.TrimStart().StartsWith('#'))))
            .Select(m => m.Value).Distinct().Where(n => kind == DatabaseKind.Postgres || !n.StartsWith("db_client_", StringComparison.Ordinal)).ToList();
        names.ShouldContain("servewell_outbox_failures_total");
        await using var app = await AppHost.StartIsolatedAsync(kind, new Dictionary<string, string?>
        {
            ["Metrics:ScrapeKey"] = "scrape-secret-2", ["Feedback:DuplicateWindow"] = "00:00:00", ["Feedback:RateLimits:PerAddressPerMinute"] = "1",
            ["Mail:Mode"] = "Smtp", ["Mail:SmtpHost"] = "127.0.0.1", ["Mail:SmtpPort"] = ClosedPort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail:SmtpStartTls"] = "false",
        });
        var touchpoint = await app.CreateTouchpointAsync();
        using var citizen = app.Citizen();
        (await citizen.PostFeedbackAsync(new { touchpoint = touchpoint.Code, overall = 5, language = "en" }, FeedbackData.NewKey())).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await citizen.PostFeedbackAsync(new { touchpoint = touchpoint.Code, overall = 4, language = "en" }, FeedbackData.NewKey())).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<MailOutbox>().Add(new MailMessage("nobody@test.example", "Refused", "Body"), "en");
            await scope.ServiceProvider.GetRequiredService<ServeWellDbContext>().SaveChangesAsync();
        }

        (await app.UseAsync<OutboxDelivery, int>(o => o.SendDueAsync(CancellationToken.None))).ShouldBe(0);

        using var scraper = app.Citizen();
        scraper.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "scrape-secret-2");
        List<string> missing = names;
        for (var attempt = 0; attempt < 30 && missing.Count > 0; attempt++)
        {
            await Task.Delay(attempt == 0 ? 0 : 500);
            var lines = (await scraper.GetStringAsync("/metrics")).Split('\n');
            missing = names.Where(n => !lines.Any(l => l.StartsWith(n + "{", StringComparison.Ordinal) || l.StartsWith(n + " ", StringComparison.Ordinal))).ToList();
        }

        missing.ShouldBeEmpty("metrics the alert rules name but the app does not export");
    }

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
