using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace ServeWell.Web.Platform.Web;

/// <summary>What every rate limit of the app answers when it refuses: the same for the intake, sign-in and the rest.</summary>
public static class RateLimitRejection
{
    /// <summary>429 with Retry-After in whole seconds; ProblemDetails for the API, the friendly error page for people.</summary>
    public static async ValueTask OnRejectedAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)) : 60;
        ServeWellMetrics.RateLimitRefusals.Add(1);
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        if (http.Request.Path.StartsWithSegments("/api"))
        {
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = { Status = 429, Title = "Too many requests from here; try again later.", Detail = $"Retry after {seconds} seconds." },
            });
        }
    }
}
