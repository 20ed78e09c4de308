using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServeWell.Web.Modules.Learning.Courses;
using ServeWell.Web.Modules.People.Employees;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.Learning.Refreshers;

internal sealed class RefresherCardConfiguration : IEntityTypeConfiguration<RefresherCard>
{
    public void Configure(EntityTypeBuilder<RefresherCard> builder)
    {
        builder.ToTable("learn_refresher_cards");
        builder.HasIndex(c => new { c.EmployeeId, c.CourseId, c.QuestionId }).IsUnique();
        builder.HasIndex(c => new { c.EmployeeId, c.DueOn });
        builder.HasIndex(c => c.CourseId);
        builder.HasOne<Employee>().WithMany().HasForeignKey(c => c.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Course>().WithMany().HasForeignKey(c => c.CourseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RefresherAnswerConfiguration : IEntityTypeConfiguration<RefresherAnswer>
{
    public void Configure(EntityTypeBuilder<RefresherAnswer> builder)
    {
        builder.ToTable("learn_refresher_answers");
        builder.Property(a => a.IdempotencyKey).HasMaxLength(100);
        builder.HasIndex(a => a.IdempotencyKey).IsUnique();
        builder.HasIndex(a => new { a.CardId, a.AnsweredOn }).IsUnique();
        builder.HasIndex(a => new { a.EmployeeId, a.AnsweredOn });
        builder.Property(a => a.Fraction).HasPrecision(9, 7);
        builder.HasOne<RefresherCard>().WithMany().HasForeignKey(a => a.CardId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RefresherIntakeConfiguration : IEntityTypeConfiguration<RefresherIntake>
{
    public void Configure(EntityTypeBuilder<RefresherIntake> builder)
    {
        builder.ToTable("learn_refresher_intakes");
        builder.HasKey(i => i.CourseAttemptId);
        builder.Property(i => i.CourseAttemptId).ValueGeneratedNever();
        builder.HasOne<CourseAttempt>().WithMany().HasForeignKey(i => i.CourseAttemptId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RefresherChoiceConfiguration : IEntityTypeConfiguration<RefresherChoice>
{
    public void Configure(EntityTypeBuilder<RefresherChoice> builder)
    {
        builder.ToTable("learn_refresher_choices");
        builder.HasKey(c => c.EmployeeId);
        builder.Property(c => c.EmployeeId).ValueGeneratedNever();
        builder.HasOne<Employee>().WithMany().HasForeignKey(c => c.EmployeeId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>The refresher tables, reached from the one context (as <c>QuizSets</c> does).</summary>
public static class RefresherSets
{
    extension(ServeWellDbContext db)
    {
        public DbSet<RefresherCard> RefresherCards => db.Set<RefresherCard>();

        public DbSet<RefresherAnswer> RefresherAnswers => db.Set<RefresherAnswer>();

        public DbSet<RefresherIntake> RefresherIntakes => db.Set<RefresherIntake>();

        public DbSet<RefresherChoice> RefresherChoices => db.Set<RefresherChoice>();
    }
}
