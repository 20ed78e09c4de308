using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Jobs;

namespace ServeWell.Web.Modules.Feedback.Intake;

/// <summary>
/// Deletes Idempotency-Key records older than <see cref="FeedbackOptions.IdempotencyRetention"/> (ADR-018). The answers stay;
/// only the memory of which key produced them goes, once no resend of that key can still be taken.
/// </summary>
public sealed class PruneIdempotencyRecords(ServeWellDbContext db, IOptions<FeedbackOptions> options, TimeProvider clock)
{
    /// <summary>Rows per DELETE, so a large backlog never holds one long write lock (SQLite has one writer).</summary>
    public const int BatchSize = 5000;

    /// <summary>Deletes the expired records, batch by batch; returns how many.</summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow().UtcDateTime - options.Value.IdempotencyRetention;
        var total = 0;
        while (true)
        {
            var keys = await db.FeedbackIdempotency.AsNoTracking().Where(r => r.CreatedAt < before)
                .OrderBy(r => r.CreatedAt).Select(r => r.Key).Take(BatchSize).ToListAsync(cancellationToken);
            if (keys.Count == 0)
            {
                return total;
            }

            total += await db.FeedbackIdempotency.Where(r => keys.Contains(r.Key) && r.CreatedAt < before).ExecuteDeleteAsync(cancellationToken);
            if (keys.Count < BatchSize)
            {
                return total;
            }
        }
    }
}

/// <summary>Runs <see cref="PruneIdempotencyRecords"/> once per interval across all web nodes.</summary>
internal sealed class IdempotencyPruningJob(
    IServiceScopeFactory scopes, IOptions<FeedbackOptions> options, TimeProvider clock, ILogger<IdempotencyPruningJob> logger)
    : LeasedPeriodicJob(scopes, clock, logger)
{
    public const string LeaseName = "feedback-idempotency-prune";

    private readonly ILogger<IdempotencyPruningJob> _logger = logger;

    protected override string Lease => LeaseName;

    protected override TimeSpan Interval => options.Value.IdempotencyPruneInterval;

    protected override TimeSpan Look => TimeSpan.FromTicks(Math.Clamp(Interval.Ticks / 24, TimeSpan.FromSeconds(1).Ticks, TimeSpan.FromMinutes(15).Ticks));

    protected override async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var n = await services.GetRequiredService<PruneIdempotencyRecords>().PruneAsync(cancellationToken);
        _logger.LogInformation("Idempotency records pruned: {Count}", n);
    }
}
