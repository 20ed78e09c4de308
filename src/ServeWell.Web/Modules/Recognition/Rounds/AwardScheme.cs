using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServeWell.Web.Modules.People.OrgUnits;
using ServeWell.Web.Platform.Audit;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.Recognition.Rounds;

/// <summary>
/// The standing rules of a monthly courtesy award for one scope (the city, or a bureau). A change here applies from the
/// next round: each round copies the rules when it opens (ADR-058).
/// </summary>
public sealed class AwardScheme : IAudited
{
    public const int MaxName = 200;

    public int Id { get; private set; }

    public required LocalText Name { get; set; }

    /// <summary>The org unit whose employees may win: the city's root unit or a bureau.</summary>
    public int ScopeOrgUnitId { get; set; }

    public OrgUnit? ScopeOrgUnit { get; private set; }

    /// <summary>The day of the recognised month on which its round opens (1–28); it takes nominations until the next round opens.</summary>
    public int OpensOnDay { get; set; } = 1;

    public int JuryDays { get; set; } = 7;

    public int ApprovalDays { get; set; } = 7;

    public int MinimumAnswers { get; set; } = 5;

    /// <summary>C, the weight of the city's mean in the Bayesian average: as if C answers at the mean were added.</summary>
    public int PriorWeight { get; set; } = 10;

    public int Finalists { get; set; } = 5;

    public int CoolOffMonths { get; set; } = 12;

    public int ScaleMax { get; set; } = 5;

    public CriteriaWeights Weights { get; set; } = CriteriaWeights.Equal;

    public bool IsActive { get; set; } = true;

    public DateTime UpdatedAtUtc { get; set; }

    string IAudited.AuditKey => Name.Both;
}

/// <summary>The weight of each of the jury's four criteria, in percent (they add up to 100).</summary>
public sealed record CriteriaWeights(int Difficulty, int Courtesy, int Satisfaction, int Resolution)
{
    public static CriteriaWeights Equal { get; } = new(25, 25, 25, 25);

    public int Total => Difficulty + Courtesy + Satisfaction + Resolution;

    /// <summary>The weighted mean of four marks on the round's scale.</summary>
    public double Of(int difficulty, int courtesy, int satisfaction, int resolution) =>
        (double)((Difficulty * difficulty) + (Courtesy * courtesy) + (Satisfaction * satisfaction) + (Resolution * resolution)) / Total;
}

internal sealed class AwardSchemeConfiguration : IEntityTypeConfiguration<AwardScheme>
{
    public void Configure(EntityTypeBuilder<AwardScheme> builder)
    {
        builder.ToTable("recognition_schemes");
        builder.HasLocalText(s => s.Name, AwardScheme.MaxName);
        builder.HasOne(s => s.ScopeOrgUnit).WithMany().HasForeignKey(s => s.ScopeOrgUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => s.ScopeOrgUnitId).IsUnique();
        builder.ComplexProperty(s => s.Weights);
    }
}
