using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServeWell.Web.Platform.Audit;

namespace ServeWell.Web.Modules.Recognition.Rounds;

public enum RoundStage
{
    /// <summary>Open for nominations; candidates from citizens are shown as they stand.</summary>
    Nominating = 0,

    /// <summary>Closed for nominations: candidates and finalists frozen; the jury scores.</summary>
    Jury = 1,

    /// <summary>The jury has closed; leadership approves or sends back.</summary>
    Approval = 2,

    /// <summary>Approved and announced: the award exists.</summary>
    Announced = 3,
}

/// <summary>
/// One month's award in one scope. <see cref="Month"/> is the recognised month (its first day): its round opens on the
/// scheme's day of that month and takes nominations until the next month's round opens, so one round is open at a time;
/// then the jury scores and leadership decides. Every date is a day in the city's time zone; the rules are copied from the scheme when the round
/// opens and never change afterwards (ADR-058).
/// </summary>
public sealed class AwardRound : IAudited
{
    public int Id { get; private set; }

    public int SchemeId { get; set; }

    public AwardScheme? Scheme { get; private set; }

    public int ScopeOrgUnitId { get; set; }

    public DateOnly Month { get; set; }

    public RoundStage Stage { get; set; }

    public DateOnly OpensOn { get; set; }

    /// <summary>The first day on which nominations are closed and the jury scores.</summary>
    public DateOnly ClosesOn { get; set; }

    /// <summary>The first day on which the jury is closed and leadership decides.</summary>
    public DateOnly JuryClosesOn { get; set; }

    public DateOnly ApprovalDueOn { get; set; }

    public int MinimumAnswers { get; set; }

    public int PriorWeight { get; set; }

    public int Finalists { get; set; }

    public int CoolOffMonths { get; set; }

    public int ScaleMax { get; set; }

    public CriteriaWeights Weights { get; set; } = CriteriaWeights.Equal;

    /// <summary>m, the city's mean rating over the recognised month, frozen when nominations close.</summary>
    public double? CityMean { get; set; }

    public int? AwardeeEmployeeId { get; set; }

    public string? SentBackNote { get; set; }

    public DateTime OpenedAtUtc { get; set; }

    public DateTime? ClosedAtUtc { get; set; }

    public DateTime? JuryClosedAtUtc { get; set; }

    public DateTime? AnnouncedAtUtc { get; set; }

    /// <summary>When the jurors who had not finished were reminded, the day before the jury closes (once).</summary>
    public DateTime? JuryRemindedAtUtc { get; set; }

    public string Label => Month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    string IAudited.AuditKey => $"{Label}/{ScopeOrgUnitId}";

    /// <summary>The rules the round was opened with, as the scheme held them that day.</summary>
    public static AwardRound Open(AwardScheme scheme, DateOnly month, DateTime nowUtc) => new()
    {
        SchemeId = scheme.Id, ScopeOrgUnitId = scheme.ScopeOrgUnitId, Month = month, Stage = RoundStage.Nominating,
        OpensOn = OpeningOf(scheme, month), ClosesOn = OpeningOf(scheme, month.AddMonths(1)),
        JuryClosesOn = OpeningOf(scheme, month.AddMonths(1)).AddDays(scheme.JuryDays),
        ApprovalDueOn = OpeningOf(scheme, month.AddMonths(1)).AddDays(scheme.JuryDays + scheme.ApprovalDays),
        MinimumAnswers = scheme.MinimumAnswers, PriorWeight = scheme.PriorWeight, Finalists = scheme.Finalists,
        CoolOffMonths = scheme.CoolOffMonths, ScaleMax = scheme.ScaleMax, Weights = scheme.Weights, OpenedAtUtc = nowUtc,
    };

    /// <summary>The day a scheme's round for <paramref name="month"/> opens: the scheme's opening day of that month.</summary>
    public static DateOnly OpeningOf(AwardScheme scheme, DateOnly month) =>
        new DateOnly(month.Year, month.Month, 1).AddDays(Math.Clamp(scheme.OpensOnDay, 1, 28) - 1);
}

internal sealed class AwardRoundConfiguration : IEntityTypeConfiguration<AwardRound>
{
    public void Configure(EntityTypeBuilder<AwardRound> builder)
    {
        builder.ToTable("recognition_rounds");
        builder.HasOne(r => r.Scheme).WithMany().HasForeignKey(r => r.SchemeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.SchemeId, r.Month }).IsUnique();
        builder.HasIndex(r => r.Stage);
        builder.Property(r => r.Stage).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.SentBackNote).HasMaxLength(1000);
        builder.ComplexProperty(r => r.Weights);
        builder.Ignore(r => r.Label);
    }
}
