using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ServeWell.Web.Modules.Insights.Rollups;

/// <summary>
/// One cell of the monthly cube (ADR-014): the answers of one office, service (0 = none) and channel in one local month,
/// as counts per overall score and sums and counts of each driver's 0–100 value. Written only by <see cref="InsightsRollups"/>.
/// </summary>
public sealed class InsightsUnitServiceMonth
{
    /// <summary>The first day of the local month (Insights:TimeZone).</summary>
    public DateOnly Month { get; set; }

    public int OrgUnitId { get; set; }

    /// <summary>The service id, or 0 for answers without a service, so the key needs no null.</summary>
    public int ServiceKey { get; set; }

    /// <summary>The Feedback module's channel as int.</summary>
    public int Channel { get; set; }

    public int Score1 { get; set; }

    public int Score2 { get; set; }

    public int Score3 { get; set; }

    public int Score4 { get; set; }

    public int Score5 { get; set; }

    public int Driver1Count { get; set; }

    public long Driver1Sum { get; set; }

    public int Driver2Count { get; set; }

    public long Driver2Sum { get; set; }

    public int Driver3Count { get; set; }

    public long Driver3Sum { get; set; }

    public int Driver4Count { get; set; }

    public long Driver4Sum { get; set; }

    public int Driver5Count { get; set; }

    public long Driver5Sum { get; set; }

    public int ResolvedYes { get; set; }

    public int ResolvedAnswered { get; set; }

    public int Commented { get; set; }

    public DateTime RefreshedAt { get; set; }
}

/// <summary>"The cells of this office in this local month may have changed": written in the intake's transaction, drained by the worker.</summary>
public sealed class InsightsRollupQueueItem
{
    public long Seq { get; private set; }

    public DateOnly Month { get; set; }

    public int OrgUnitId { get; set; }

    public DateTime EnqueuedAt { get; set; }
}

internal sealed class InsightsUnitServiceMonthConfiguration : IEntityTypeConfiguration<InsightsUnitServiceMonth>
{
    public void Configure(EntityTypeBuilder<InsightsUnitServiceMonth> builder)
    {
        builder.ToTable("insights_unit_service_months");
        builder.HasKey(c => new { c.Month, c.OrgUnitId, c.ServiceKey, c.Channel });
        builder.HasIndex(c => new { c.OrgUnitId, c.Month });
    }
}

internal sealed class InsightsRollupQueueItemConfiguration : IEntityTypeConfiguration<InsightsRollupQueueItem>
{
    public void Configure(EntityTypeBuilder<InsightsRollupQueueItem> builder)
    {
        builder.ToTable("insights_rollup_queue");
        builder.HasKey(q => q.Seq);
    }
}
