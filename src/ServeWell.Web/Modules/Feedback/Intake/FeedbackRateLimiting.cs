using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using ServeWell.Web.Modules.Feedback.Kiosks;

namespace ServeWell.Web.Modules.Feedback.Intake;

/// <summary>
/// ASP.NET Core rate limiter policies of the intake: answers per client address (survey form and API) and batch
/// requests per kiosk device. Reads (GET of the survey page) are never limited. Rejections answer 429 with Retry-After.
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
                return RateLimitPartition.GetFixedWindowLimiter("address:" + address, _ => Window(limits.PerAddressPerMinute));
            });
            o.AddPolicy(PerDevice, context =>
            {
                var limits = context.RequestServices.GetRequiredService<IOptionsMonitor<FeedbackOptions>>().CurrentValue.RateLimits;
                // The token's hash names the device without keeping the token itself in memory.
                var token = KioskBatchApi.TokenOf(context.Request);
                var device = token is null ? "none" : KioskTokens.Hash(token);
                return RateLimitPartition.GetFixedWindowLimiter("device:" + device, _ => Window(limits.PerDevicePerMinute));
            });
        });
    }

    private static FixedWindowRateLimiterOptions Window(int perMinute) => new()
    {
        PermitLimit = Math.Max(1, perMinute), Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true,
    };
}
