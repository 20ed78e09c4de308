using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using OpenTelemetry.Metrics;

namespace ServeWell.Web.Platform.Web;

/// <summary>Settings under Metrics: the Prometheus scrape endpoint is there only when a key is set.</summary>
public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    /// <summary>The scraper sends it as "Authorization: Bearer …" (Prometheus' authorization.credentials); unset: no endpoint.</summary>
    public string? ScrapeKey { get; set; }

    public string Path { get; set; } = "/metrics";
}

/// <summary>
/// Metrics the OpenTelemetry way (ADR-055): ASP.NET Core's own meters (request rate and duration by route, Kestrel
/// connections, rate-limit refusals), Npgsql's (connection pool use), the runtime's, and the app's own meter; exported
/// for Prometheus at <see cref="MetricsOptions.Path"/>, behind its own key.
/// </summary>
public static class ServeWellMetrics
{
    public const string MeterName = "ServeWell";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Answers stored by the intake (new ones, not replays or duplicates).</summary>
    public static readonly Counter<long> IntakeAnswers = Meter.CreateCounter<long>("servewell.intake.answers", description: "Answers stored by the intake");

    /// <summary>How many answers each intake request carried (one from a phone, up to a batch from a kiosk).</summary>
    public static readonly Histogram<int> IntakeGroupSize = Meter.CreateHistogram<int>("servewell.intake.group_size", unit: null, description: "Answers per intake request",
        tags: null, advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 5, 10, 20, 50, 100, 200, 500] });

    /// <summary>Mails handed to the mail server (or folder) by the outbox, and attempts that failed.</summary>
    public static readonly Counter<long> OutboxSent = Meter.CreateCounter<long>("servewell.outbox.sent", description: "Mails sent by the outbox");

    public static readonly Counter<long> OutboxFailures = Meter.CreateCounter<long>("servewell.outbox.failures", description: "Outbox attempts that failed");

    /// <summary>Requests refused by a rate limit (any policy: the intake, sign-in, password reset).</summary>
    public static readonly Counter<long> RateLimitRefusals = Meter.CreateCounter<long>("servewell.rate_limit.refusals", description: "Requests refused by a rate limit");

    private static readonly Histogram<double> JobDuration = Meter.CreateHistogram<double>("servewell.job.duration", unit: "s", description: "Background job runs on this node, by job and outcome",
        tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300] });

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> JobLastRun = new();

    static ServeWellMetrics()
    {
        Meter.CreateObservableGauge("servewell.job.last_run", () => JobLastRun.Select(j => new Measurement<long>(j.Value, new KeyValuePair<string, object?>("job", j.Key))),
            unit: "s", description: "When this node last finished a run of the job (Unix time)");
        Meter.CreateObservableGauge("servewell.backlog.waiting", () => Jobs.BacklogSampler.Latest.Select(b => new Measurement<long>(b.Value.Waiting, new KeyValuePair<string, object?>("queue", b.Key))),
            description: "Items waiting in a background queue (rollups, outbox)");
        Meter.CreateObservableGauge("servewell.backlog.age", () => Jobs.BacklogSampler.Latest.Select(b => new Measurement<double>(b.Value.OldestAge.TotalSeconds, new KeyValuePair<string, object?>("queue", b.Key))),
            unit: "s", description: "How long the oldest item of a background queue has waited");
    }

    /// <summary>A background job finished a run on this node (only the lease holder runs it, so the others record nothing).</summary>
    public static void JobRan(string job, TimeSpan took, bool succeeded, DateTimeOffset finishedAt)
    {
        JobDuration.Record(took.TotalSeconds, new KeyValuePair<string, object?>("job", job), new KeyValuePair<string, object?>("outcome", succeeded ? "ok" : "failed"));
        JobLastRun[job] = finishedAt.ToUnixTimeSeconds();
    }

    public static WebApplicationBuilder AddServeWellMetrics(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<MetricsOptions>(builder.Configuration.GetSection(MetricsOptions.Section));
        if (!string.IsNullOrEmpty(builder.Configuration[$"{MetricsOptions.Section}:{nameof(MetricsOptions.ScrapeKey)}"]))
        {
            // The backlog gauges read a sample taken every few seconds, only where someone scrapes them.
            builder.Services.AddHostedService<Jobs.BacklogSampler>();
        }

        builder.Services.AddOpenTelemetry().WithMetrics(m => m
            .AddMeter(MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.RateLimiting", "Npgsql", "System.Runtime")
            .AddPrometheusExporter());
        return builder;
    }

    /// <summary>Maps the scrape endpoint when a key is set; a request without the key gets 401 and no figures.</summary>
    public static WebApplication MapServeWellMetrics(this WebApplication app)
    {
        var options = app.Configuration.GetSection(MetricsOptions.Section).Get<MetricsOptions>() ?? new MetricsOptions();
        if (string.IsNullOrEmpty(options.ScrapeKey))
        {
            return app;
        }

        var expected = Encoding.UTF8.GetBytes("Bearer " + options.ScrapeKey);
        app.MapPrometheusScrapingEndpoint(options.Path)
            .AllowAnonymous()   // its own key instead of a role: a scraper is not a staff member (ADR-003)
            .WithMetadata(new ScrapeKey(expected));
        app.Use(async (context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<ScrapeKey>() is { } key
                && !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(context.Request.Headers.Authorization.ToString()), key.Expected))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.Headers.WWWAuthenticate = "Bearer";
                return;
            }

            await next(context);
        });
        return app;
    }

    private sealed record ScrapeKey(byte[] Expected);
}
