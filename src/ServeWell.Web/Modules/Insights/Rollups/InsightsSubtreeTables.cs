using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ServeWell.Web.Modules.Insights.Rollups;

/// <summary>
/// The answers given directly at one org unit in one local month (ADR-021): the office league reads these rows
/// (offices × months) instead of the cube (offices × services × channels × months). Written only by <see cref="InsightsRollups"/>.
/// </summary>
public sealed class InsightsUnitMonth
{
    public int OrgUnitId { get; set; }

    public DateOnly Month { get; set; }

    public int Score1 { get; set; }

    public int Score2 { get; set; }

    public int Score3 { get; set; }

    public int Score4 { get; set; }

    public int Score5 { get; set; }

    public DateTime RefreshedAt { get; set; }
}

/// <summary>
/// The cube summed over everything strictly below one org unit (its descendants' answers, not its own), per local
/// month, service and channel (ADR-021). A subtree's figures are these rows plus the unit's own cube rows, so a
/// whole-city year reads a few thousand rows instead of every office's cells. Recomputed per month from the cube by
/// <see cref="InsightsRollups"/>; rebuilt from the cube when the org tree changes.
/// </summary>
public sealed class InsightsSubtreeMonth : InsightsCounts
{
    public int UnitId { get; set; }

    public DateOnly Month { get; set; }

    public int ServiceKey { get; set; }

    public int Channel { get; set; }

    public DateTime RefreshedAt { get; set; }
}

internal sealed class InsightsUnitMonthConfiguration : IEntityTypeConfiguration<InsightsUnitMonth>
{
    public void Configure(EntityTypeBuilder<InsightsUnitMonth> builder)
    {
        builder.ToTable("insights_unit_months");
        builder.HasKey(c => new { c.OrgUnitId, c.Month });
        builder.HasIndex(c => c.Month);
    }
}

internal sealed class InsightsSubtreeMonthConfiguration : IEntityTypeConfiguration<InsightsSubtreeMonth>
{
    public void Configure(EntityTypeBuilder<InsightsSubtreeMonth> builder)
    {
        builder.ToTable("insights_subtree_months");
        builder.HasKey(c => new { c.UnitId, c.Month, c.ServiceKey, c.Channel });
        builder.HasIndex(c => c.Month);
    }
}
