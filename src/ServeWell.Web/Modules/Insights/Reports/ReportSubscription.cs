using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServeWell.Web.Modules.Accounts;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.Insights.Reports;

/// <summary>An account that receives the monthly report by mail. The report covers the account's scope at the time of sending (ADR-020).</summary>
public sealed class ReportSubscription
{
    public int Id { get; private set; }

    public required string UserId { get; init; }

    public DateTime CreatedAtUtc { get; init; }
}

/// <summary>
/// One monthly report mailed to one account: written (claimed) before the mail goes out, under a unique (month, account)
/// key, so two nodes or a restart never send it twice; <see cref="SentAtUtc"/> is when its mail went into the outbox (ADR-031).
/// </summary>
public sealed class ReportDelivery
{
    public long Id { get; private set; }

    public DateOnly Month { get; init; }

    public required string UserId { get; init; }

    public int OrgUnitId { get; init; }

    public DateTime ClaimedAtUtc { get; init; }

    public DateTime? SentAtUtc { get; set; }
}

internal sealed class ReportSubscriptionConfiguration : IEntityTypeConfiguration<ReportSubscription>
{
    public void Configure(EntityTypeBuilder<ReportSubscription> builder)
    {
        builder.ToTable("insights_report_subscriptions");
        builder.HasIndex(s => s.UserId).IsUnique();
        builder.Property(s => s.UserId).HasMaxLength(450);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReportDeliveryConfiguration : IEntityTypeConfiguration<ReportDelivery>
{
    public void Configure(EntityTypeBuilder<ReportDelivery> builder)
    {
        builder.ToTable("insights_report_deliveries");
        builder.HasIndex(d => new { d.Month, d.UserId }).IsUnique();
        builder.Property(d => d.UserId).HasMaxLength(450);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>The report tables, reached from the one context without the Platform's context naming them.</summary>
public static class ReportSets
{
    extension(ServeWellDbContext db)
    {
        public DbSet<ReportSubscription> ReportSubscriptions => db.Set<ReportSubscription>();

        public DbSet<ReportDelivery> ReportDeliveries => db.Set<ReportDelivery>();
    }
}
