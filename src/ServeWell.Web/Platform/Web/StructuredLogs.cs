using System.Diagnostics;

namespace ServeWell.Web.Platform.Web;

/// <summary>
/// Logs as one JSON object a line when Logging:Json is true (for a log shipper), with every request's lines carrying
/// its correlation id (ADR-055). The id is the caller's X-Correlation-Id when it looks like one (a proxy's request id),
/// else the trace id; it is answered in the same header, so a citizen's error page and the log line meet. No log line
/// of the app carries a comment, a contact or an e-mail (STYLE 14; a test reads a whole run's logs for them).
/// </summary>
public static class StructuredLogs
{
    public const string Setting = "Logging:Json";

    public static WebApplicationBuilder AddServeWellLogs(this WebApplicationBuilder builder)
    {
        if (builder.Configuration.GetValue<bool>(Setting))
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }

        return builder;
    }
}

/// <summary>Opens a logging scope with the request's correlation id around everything after it.</summary>
internal sealed class CorrelationId(RequestDelegate next, ILogger<CorrelationId> logger)
{
    public const string Header = "X-Correlation-Id";

    public async Task InvokeAsync(HttpContext context)
    {
        var given = context.Request.Headers[Header].ToString();
        var id = IsPlausible(given) ? given : Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
        context.Response.Headers[Header] = id;
        using (logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = id }))
        {
            await next(context);
        }
    }

    /// <summary>Short and plain: whatever a client sends here ends up in every log line of its request.</summary>
    private static bool IsPlausible(string value) =>
        value.Length is > 0 and <= 64 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
