using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServeWell.Web.Modules.Training.Competencies;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.Practice.Cases;

internal sealed class PracticeCaseConfiguration : IEntityTypeConfiguration<PracticeCase>
{
    public void Configure(EntityTypeBuilder<PracticeCase> builder)
    {
        builder.ToTable("practice_cases");
        builder.Property(c => c.Reference).HasMaxLength(20);
        builder.HasIndex(c => c.Reference).IsUnique();
        builder.Property(c => c.AuthorUserId).HasMaxLength(450);
        builder.HasIndex(c => new { c.AuthorUserId, c.Status });
        builder.HasIndex(c => new { c.Status, c.PublishedAtUtc });
        builder.HasLocalText(c => c.Title, PracticeCase.MaxTitle);
        builder.HasLocalText(c => c.Situation, PracticeCase.MaxText);
        builder.HasLocalText(c => c.CitizenSaid, PracticeCase.MaxText);
        builder.HasLocalText(c => c.OfficialDid, PracticeCase.MaxText);
        builder.HasLocalText(c => c.Outcome, PracticeCase.MaxText);
        builder.HasLocalText(c => c.Lesson, PracticeCase.MaxText);
        builder.Property(c => c.Note).HasMaxLength(PracticeCase.MaxNote);
        builder.Property(c => c.ReviewedBy).HasMaxLength(200);
        builder.Ignore(c => c.Texts);
        builder.HasMany(c => c.Competencies).WithOne().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PracticeCaseCompetencyConfiguration : IEntityTypeConfiguration<PracticeCaseCompetency>
{
    public void Configure(EntityTypeBuilder<PracticeCaseCompetency> builder)
    {
        builder.ToTable("practice_case_competencies");
        builder.HasKey(x => new { x.CaseId, x.CompetencyId });
        builder.HasIndex(x => x.CompetencyId);
        builder.HasOne<Competency>().WithMany().HasForeignKey(x => x.CompetencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CaseOriginalConfiguration : IEntityTypeConfiguration<CaseOriginal>
{
    public void Configure(EntityTypeBuilder<CaseOriginal> builder)
    {
        builder.ToTable("practice_case_originals");
        builder.HasKey(o => o.CaseId);
        builder.HasLocalText(o => o.Title, PracticeCase.MaxTitle);
        builder.HasLocalText(o => o.Situation, PracticeCase.MaxText);
        builder.HasLocalText(o => o.CitizenSaid, PracticeCase.MaxText);
        builder.HasLocalText(o => o.OfficialDid, PracticeCase.MaxText);
        builder.HasLocalText(o => o.Outcome, PracticeCase.MaxText);
        builder.HasLocalText(o => o.Lesson, PracticeCase.MaxText);
        builder.Property(o => o.Marked).HasMaxLength(CaseInput.MaxMarked);
        builder.Ignore(o => o.Texts);
        builder.HasOne<PracticeCase>().WithOne().HasForeignKey<CaseOriginal>(o => o.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CaseTermConfiguration : IEntityTypeConfiguration<CaseTerm>
{
    public void Configure(EntityTypeBuilder<CaseTerm> builder)
    {
        builder.ToTable("practice_case_terms");
        builder.HasKey(t => new { t.Term, t.CaseId });
        builder.Property(t => t.Term).HasMaxLength(CaseTerms.MaxTermLength);
        builder.HasIndex(t => t.CaseId);
        builder.HasOne<PracticeCase>().WithMany().HasForeignKey(t => t.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
