using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using ServeWell.Web.Modules.Feedback.Kiosks;
using ServeWell.Web.Platform.SharedState;

namespace ServeWell.Web.Modules.Feedback.Intake;

/// <summary>
/// ASP.NET Core rate limiter policies of the intake: answers per client address (survey form and API) and batch
/// requests per kiosk device, counted for the whole cluster when Redis is configured. Reads (GET of the survey page) are never limited. Rejections answer 429 with Retry-After.
/// </summary>
public static class FeedbackRateLimiting
{
    public const string PerAddress = "feedback-per-address";
    public const string PerDevice = "feedback-per-device";

    public static void AddFeedbackRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(PerAddress, context =>
            {
                if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
                {
                    return RateLimitPartition.GetNoLimiter("read");
                }

                var limits = context.RequestServices.GetRequiredService<IOptionsMonitor<FeedbackOptions>>().CurrentValue.RateLimits;
                var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return SharedFixedWindowLimiter.Partition(Shared(context), "address:" + address, Window(limits.PerAddressPerMinute));
            });
            o.AddPolicy(PerDevice, context =>
            {
                var limits = context.RequestServices.GetRequiredService<IOptionsMonitor<FeedbackOptions>>().CurrentValue.RateLimits;
                // The token's hash names the device without keeping the token itself in memory.
                var token = KioskBatchApi.TokenOf(context.Request);
                var device = token is null ? "none" : KioskTokens.Hash(token);
                return SharedFixedWindowLimiter.Partition(Shared(context), "device:" + device, Window(limits.PerDevicePerMinute));
            });
        });
    }

    /// <summary>Counts in Redis when configured, so the limits hold for the cluster, not per node (ADR-055).</summary>
    private static SharedWindow Shared(HttpContext context) => context.RequestServices.GetRequiredService<SharedWindow>();

    private static FixedWindowRateLimiterOptions Window(int perMinute) => new()
    {
        PermitLimit = Math.Max(1, perMinute), Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true,
    };
}
