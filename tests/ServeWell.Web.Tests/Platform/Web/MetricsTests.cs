using System.Net;
using System.Net.Http.Headers;
using ServeWell.Web.Tests.Fixtures;
using ServeWell.Web.Tests.Modules.Feedback;

namespace ServeWell.Web.Tests.Platform.Web;

/// <summary>The Prometheus scrape endpoint (ADR-055): behind its own key, with request and intake figures.</summary>
public abstract class MetricsTests(DatabaseKind kind)
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
