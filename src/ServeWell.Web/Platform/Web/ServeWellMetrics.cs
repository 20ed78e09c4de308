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

    public static WebApplicationBuilder AddServeWellMetrics(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<MetricsOptions>(builder.Configuration.GetSection(MetricsOptions.Section));
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
