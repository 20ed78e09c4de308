using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServeWell.Web.Modules.Recognition.Rounds;

namespace ServeWell.Web.Modules.Recognition.Candidates;

/// <summary>Why an employee is left off the shortlist (ADR-058).</summary>
public enum Exclusion
{
    None = 0,
    TooFewAnswers = 1,
    OnLeave = 2,
    Left = 3,
    RecentWinner = 4,
}

/// <summary>
/// An employee as the round saw them when nominations closed: the citizens' ratings (n, their sum, commendations), the
/// Bayesian average, the rank (none below the minimum), the nominations, why they are excluded if they are, and
/// whether they went to the jury. Written once at closing, so the page shows what the jury was given.
/// </summary>
public sealed class RoundCandidate
{
    public int Id { get; private set; }

    public int RoundId { get; set; }

    public int EmployeeId { get; set; }

    public int Answers { get; set; }

    public int RatingSum { get; set; }

    public int Commendations { get; set; }

    public double? Bayesian { get; set; }

    public int? Rank { get; set; }

    public int Nominations { get; set; }

    public Exclusion Exclusion { get; set; }

    public bool Finalist { get; set; }
}

internal sealed class RoundCandidateConfiguration : IEntityTypeConfiguration<RoundCandidate>
{
    public void Configure(EntityTypeBuilder<RoundCandidate> builder)
    {
        builder.ToTable("recognition_candidates");
        builder.HasOne<AwardRound>().WithMany().HasForeignKey(c => c.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.RoundId, c.EmployeeId }).IsUnique();
        builder.Property(c => c.Exclusion).HasConversion<string>().HasMaxLength(20);
    }
}
