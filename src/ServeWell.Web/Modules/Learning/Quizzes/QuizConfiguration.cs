using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServeWell.Web.Modules.Learning.Bank;
using ServeWell.Web.Modules.People.Employees;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.Learning.Quizzes;

internal sealed class QuizConfiguration : IEntityTypeConfiguration<Quiz>
{
    public void Configure(EntityTypeBuilder<Quiz> builder)
    {
        builder.ToTable("learn_quizzes");
        builder.HasLocalText(q => q.Title, Quiz.MaxTitle);
        builder.Property(q => q.Owner).HasMaxLength(200);
        builder.Property(q => q.Review).HasConversion<string>().HasMaxLength(20);
        builder.HasMany(q => q.Draws).WithOne().HasForeignKey(d => d.QuizId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class QuizDrawConfiguration : IEntityTypeConfiguration<QuizDraw>
{
    public void Configure(EntityTypeBuilder<QuizDraw> builder)
    {
        builder.ToTable("learn_quiz_draws");
        builder.HasIndex(d => new { d.QuizId, d.CategoryId }).IsUnique();
        builder.HasOne<QuestionCategory>().WithMany().HasForeignKey(d => d.CategoryId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class QuizAttemptConfiguration : IEntityTypeConfiguration<QuizAttempt>
{
    public void Configure(EntityTypeBuilder<QuizAttempt> builder)
    {
        builder.ToTable("learn_quiz_attempts");
        builder.Property(a => a.ScorePercent).HasPrecision(7, 4);
        builder.Property(a => a.Review).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(a => new { a.QuizId, a.EmployeeId, a.Number }).IsUnique();
        builder.HasIndex(a => new { a.OpenQuizId, a.EmployeeId }).IsUnique();
        builder.HasIndex(a => a.DeadlineUtc);
        builder.HasOne<Quiz>().WithMany().HasForeignKey(a => a.QuizId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Employee>().WithMany().HasForeignKey(a => a.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Slots).WithOne().HasForeignKey(s => s.AttemptId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class QuizSlotConfiguration : IEntityTypeConfiguration<QuizSlot>
{
    public void Configure(EntityTypeBuilder<QuizSlot> builder)
    {
        builder.ToTable("learn_quiz_slots");
        builder.HasIndex(s => new { s.AttemptId, s.Position }).IsUnique();
        builder.Property(s => s.OptionOrder).HasMaxLength(400);
        builder.Property(s => s.Fraction).HasPrecision(9, 7);
        builder.HasOne<Question>().WithMany().HasForeignKey(s => s.QuestionId).OnDelete(DeleteBehavior.SetNull);
    }
}

/// <summary>The quiz tables, reached from the one context (as <c>CourseSets</c> does).</summary>
public static class QuizSets
{
    extension(ServeWellDbContext db)
    {
        public DbSet<Quiz> Quizzes => db.Set<Quiz>();

        public DbSet<QuizAttempt> QuizAttempts => db.Set<QuizAttempt>();

        public DbSet<QuizSlot> QuizSlots => db.Set<QuizSlot>();
    }
}
