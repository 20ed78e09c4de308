using System.Threading.RateLimiting;

namespace ServeWell.Web.Platform.SharedState;

/// <summary>
/// A fixed-window rate limiter whose count lives in Redis, so N a minute means N across all nodes (ADR-055). While
/// Redis is not available it is the in-memory <see cref="FixedWindowRateLimiter"/> the app always used, one per node.
/// </summary>
public sealed class SharedFixedWindowLimiter : RateLimiter
{
    private readonly SharedWindow _window;
    private readonly string _key;
    private readonly FixedWindowRateLimiterOptions _options;
    private readonly FixedWindowRateLimiter _local;

    public SharedFixedWindowLimiter(SharedWindow window, string key, FixedWindowRateLimiterOptions options)
    {
        _window = window;
        _key = key;
        _options = options;
        _local = new FixedWindowRateLimiter(options);
    }

    public override TimeSpan? IdleDuration => _local.IdleDuration;

    /// <summary>A partition key's limiter: shared through Redis when configured, else the plain in-memory one.</summary>
    public static RateLimitPartition<string> Partition(SharedWindow window, string key, FixedWindowRateLimiterOptions options) =>
        window.Shared
            ? RateLimitPartition.Get(key, k => new SharedFixedWindowLimiter(window, k, options))
            : RateLimitPartition.GetFixedWindowLimiter(key, _ => options);

    public override RateLimiterStatistics? GetStatistics() => _local.GetStatistics();

    /// <summary>
    /// The synchronous attempt cannot ask Redis, so it declines and the rate-limiting middleware asks again through
    /// <see cref="AcquireAsyncCore"/>; while Redis is away it is the local limiter's answer.
    /// </summary>
    protected override RateLimitLease AttemptAcquireCore(int permitCount) =>
        _window.Shared ? Declined.Instance : _local.AttemptAcquire(permitCount);

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        if (await _window.AddAsync(_key, permitCount, _options.Window) is not { } count)
        {
            return _local.AttemptAcquire(permitCount);
        }

        return count.Count <= _options.PermitLimit ? Granted.Instance : new Refused(count.Remaining);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _local.Dispose();
        }

        base.Dispose(disposing);
    }

    private sealed class Granted : RateLimitLease
    {
        public static readonly Granted Instance = new();

        public override bool IsAcquired => true;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }

    private sealed class Declined : RateLimitLease
    {
        public static readonly Declined Instance = new();

        public override bool IsAcquired => false;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }

    private sealed class Refused(TimeSpan retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => false;

        public override IEnumerable<string> MetadataNames => [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }
}
