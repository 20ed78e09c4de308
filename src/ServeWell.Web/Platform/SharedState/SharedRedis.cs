using StackExchange.Redis;

namespace ServeWell.Web.Platform.SharedState;

/// <summary>Settings under Redis (ADR-055). Without <see cref="Configuration"/> every node keeps its own limits and caches.</summary>
public sealed class SharedStateOptions
{
    public const string Section = "Redis";

    /// <summary>A StackExchange.Redis configuration string, e.g. "127.0.0.1:6379"; empty: no Redis, state per node.</summary>
    public string? Configuration { get; set; }

    /// <summary>Prepended to every key and channel, so several deployments (or test runs) can share one Redis.</summary>
    public string KeyPrefix { get; set; } = "servewell:";
}

/// <summary>
/// The one connection to Redis of this node, or none. Callers ask <see cref="Database"/> for each operation and fall
/// back to their per-node state when it is null or an operation fails: answers keep being taken while Redis is away.
/// The fallback and the recovery are each logged once per outage, without any key (keys may hold an address).
/// </summary>
public sealed class SharedRedis : IDisposable
{
    private readonly ConnectionMultiplexer? _connection;
    private readonly ILogger<SharedRedis> _logger;
    private int _fallingBack;

    public SharedRedis(SharedStateOptions options, ILogger<SharedRedis> logger)
    {
        _logger = logger;
        Prefix = options.KeyPrefix;
        if (string.IsNullOrWhiteSpace(options.Configuration))
        {
            return;
        }

        var config = ConfigurationOptions.Parse(options.Configuration);
        // Never block start-up or a request on an absent Redis: connect in the background, give up on a call quickly.
        config.AbortOnConnectFail = false;
        config.ConnectTimeout = Math.Min(config.ConnectTimeout, 2000);
        config.SyncTimeout = Math.Min(config.SyncTimeout, 1000);
        config.AsyncTimeout = Math.Min(config.AsyncTimeout, 1000);
        config.ReconnectRetryPolicy = new LinearRetry(1000);
        _connection = ConnectionMultiplexer.Connect(config);
        _connection.ConnectionFailed += (_, _) => FallBack(null);
        _connection.ConnectionRestored += (_, _) => Restored();
    }

    /// <summary>Whether Redis is configured at all (whether it answers right now is <see cref="Database"/>).</summary>
    public bool Configured => _connection is not null;

    public string Prefix { get; }

    /// <summary>The database when Redis is configured and connected; null means "use this node's own state".</summary>
    public IDatabase? Database => _connection is { IsConnected: true } c ? c.GetDatabase() : NotConnected();

    /// <summary>The subscriber for cache invalidation; null without Redis.</summary>
    internal ISubscriber? Subscriber => _connection?.GetSubscriber();

    /// <summary>Raised after Redis came back: what was missed while it was away (an invalidation) must be assumed.</summary>
    internal event Action? Reconnected;

    /// <summary>Records that an operation failed and this node now uses its own state; logs once per outage.</summary>
    public void FallBack(Exception? error)
    {
        if (Interlocked.Exchange(ref _fallingBack, 1) == 0)
        {
            _logger.LogWarning(error, "Redis does not answer: rate limits, the duplicate window and cache invalidation are per node until it returns");
        }
    }

    /// <summary>A write nothing waits for (fire-and-forget); skipped, and the outage noted, when Redis is not there.</summary>
    public void Send(Action<IDatabase> write)
    {
        if (Database is not { } db)
        {
            return;
        }

        try
        {
            write(db);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            FallBack(ex);
        }
    }

    public void Dispose() => _connection?.Dispose();

    private IDatabase? NotConnected()
    {
        if (_connection is not null)
        {
            FallBack(null);
        }

        return null;
    }

    private void Restored()
    {
        if (Interlocked.Exchange(ref _fallingBack, 0) == 1)
        {
            _logger.LogInformation("Redis answers again: rate limits, the duplicate window and cache invalidation are shared across nodes");
        }

        Reconnected?.Invoke();
    }
}
