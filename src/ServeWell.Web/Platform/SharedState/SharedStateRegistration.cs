namespace ServeWell.Web.Platform.SharedState;

public static class SharedStateRegistration
{
    /// <summary>Redis for what many nodes must share (ADR-055), when Redis:Configuration is set; per-node state otherwise.</summary>
    public static WebApplicationBuilder AddServeWellSharedState(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(SharedStateOptions.Section).Get<SharedStateOptions>() ?? new SharedStateOptions();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<SharedRedis>();
        builder.Services.AddSingleton<SharedWindow>();
        builder.Services.AddSingleton<ClusterSignals>();
        builder.Services.AddHostedService<SharedStateAnnouncement>();
        return builder;
    }
}

/// <summary>Says once at start-up whether limits and caches are shared or per node, and connects to Redis early.</summary>
internal sealed class SharedStateAnnouncement(SharedRedis redis, ILogger<SharedStateAnnouncement> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!redis.Configured)
        {
            logger.LogInformation("Redis is not configured: rate limits, the duplicate window and lookup caches are per node. Set Redis:Configuration when running more than one node");
        }
        else if (redis.Database is not null)
        {
            logger.LogInformation("Redis connected: rate limits, the duplicate window and lookup caches are shared across nodes");
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
