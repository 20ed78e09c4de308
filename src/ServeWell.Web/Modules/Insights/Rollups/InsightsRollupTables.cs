using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServeWell.Web.Platform.Events;

namespace ServeWell.Web.Modules.Insights.Rollups;

/// <summary>
/// The counts the rollups keep for a set of answers: how many gave each overall score, each driver's count and sum of
/// 0–100 values, how many answered "resolved" and said yes, and how many left a comment. Every count only ever adds up,
/// so counts of disjoint sets of answers sum to the counts of their union (ADR-026).
/// </summary>
public abstract class InsightsCounts
{
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

    /// <summary>Counts one answer, as <see cref="InsightsRollups"/> counts it from the stored answers.</summary>
    public void Count(int overall, FeedbackMeasures measures, bool commented)
    {
        switch (overall)
        {
            case 1: Score1++; break;
            case 2: Score2++; break;
            case 3: Score3++; break;
            case 4: Score4++; break;
            case 5: Score5++; break;
        }

        (Driver1Count, Driver1Sum) = Counted(Driver1Count, Driver1Sum, measures.Timeliness);
        (Driver2Count, Driver2Sum) = Counted(Driver2Count, Driver2Sum, measures.Knowledge);
        (Driver3Count, Driver3Sum) = Counted(Driver3Count, Driver3Sum, measures.Courtesy);
        (Driver4Count, Driver4Sum) = Counted(Driver4Count, Driver4Sum, measures.Fairness);
        (Driver5Count, Driver5Sum) = Counted(Driver5Count, Driver5Sum, measures.Outcome);
        ResolvedAnswered += measures.ResolvedAnswered ? 1 : 0;
        ResolvedYes += measures.ResolvedYes ? 1 : 0;
        Commented += commented ? 1 : 0;

        static (int, long) Counted(int count, long sum, int? value) => value is { } v ? (count + 1, sum + v) : (count, sum);
    }

    /// <summary>Adds another set's counts to these.</summary>
    public void Add(InsightsCounts other)
    {
        Score1 += other.Score1;
        Score2 += other.Score2;
        Score3 += other.Score3;
        Score4 += other.Score4;
        Score5 += other.Score5;
        Driver1Count += other.Driver1Count;
        Driver1Sum += other.Driver1Sum;
        Driver2Count += other.Driver2Count;
        Driver2Sum += other.Driver2Sum;
        Driver3Count += other.Driver3Count;
        Driver3Sum += other.Driver3Sum;
        Driver4Count += other.Driver4Count;
        Driver4Sum += other.Driver4Sum;
        Driver5Count += other.Driver5Count;
        Driver5Sum += other.Driver5Sum;
        ResolvedYes += other.ResolvedYes;
        ResolvedAnswered += other.ResolvedAnswered;
        Commented += other.Commented;
    }
}

/// <summary>
/// One cell of the monthly cube (ADR-014): the answers of one office, service (0 = none) and channel in one local month,
/// as counts per overall score and sums and counts of each driver's 0–100 value. Written only by <see cref="InsightsRollups"/>.
/// </summary>
public sealed class InsightsUnitServiceMonth : InsightsCounts
{
    /// <summary>The first day of the local month (Insights:TimeZone).</summary>
    public DateOnly Month { get; set; }

    public int OrgUnitId { get; set; }

    /// <summary>The service id, or 0 for answers without a service, so the key needs no null.</summary>
    public int ServiceKey { get; set; }

    /// <summary>The Feedback module's channel as int.</summary>
    public int Channel { get; set; }

    public DateTime RefreshedAt { get; set; }
}

/// <summary>
/// Work for the rollups, drained by the worker (ADR-026). A delta row carries the counts of new answers of one office,
/// service and channel in one local month, written in the intake's transaction and added to the rollups exactly once
/// (the batch that adds it deletes it). A recompute row (not <see cref="Delta"/>) says "answers of this office-month
/// changed after intake" (an exclusion, a restore): the batch recounts the office-month from the answers and drops
/// its deltas, which the recount already holds.
/// </summary>
public sealed class InsightsRollupQueueItem : InsightsCounts
{
    public long Seq { get; private set; }

    public DateOnly Month { get; set; }

    public int OrgUnitId { get; set; }

    /// <summary>True for a delta row (its counts are to be added); false for a recompute row (its counts are zero).</summary>
    public bool Delta { get; set; }

    /// <summary>A delta's service id, or 0 for none; 0 on a recompute row.</summary>
    public int ServiceKey { get; set; }

    /// <summary>A delta's channel as int; 0 on a recompute row.</summary>
    public int Channel { get; set; }

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
