using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServeWell.Web.Modules.People.Employees;
using ServeWell.Web.Modules.Training.Programmes;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.Learning.Courses;

internal sealed class CourseConfiguration : IEntityTypeConfiguration<Course>
{
    public void Configure(EntityTypeBuilder<Course> builder)
    {
        builder.ToTable("learn_courses");
        builder.HasIndex(c => c.ProgrammeId).IsUnique();
        builder.HasOne<Programme>().WithMany().HasForeignKey(c => c.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Sections).WithOne().HasForeignKey(s => s.CourseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CourseSectionConfiguration : IEntityTypeConfiguration<CourseSection>
{
    public void Configure(EntityTypeBuilder<CourseSection> builder)
    {
        builder.ToTable("learn_course_sections");
        builder.HasLocalText(s => s.Title, 200);
        builder.HasMany(s => s.Lessons).WithOne().HasForeignKey(l => l.SectionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CourseLessonConfiguration : IEntityTypeConfiguration<CourseLesson>
{
    public void Configure(EntityTypeBuilder<CourseLesson> builder)
    {
        builder.ToTable("learn_course_lessons");
        builder.HasLocalText(l => l.Title, 200);
        builder.HasLocalText(l => l.Body, CourseLesson.MaxBody);
        builder.Property(l => l.VideoUrl).HasMaxLength(500);
        builder.HasOne<Quizzes.Quiz>().WithMany().HasForeignKey(l => l.QuizId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CourseVersionConfiguration : IEntityTypeConfiguration<CourseVersion>
{
    public void Configure(EntityTypeBuilder<CourseVersion> builder)
    {
        builder.ToTable("learn_course_versions");
        builder.HasIndex(v => new { v.CourseId, v.Number }).IsUnique();
        builder.Property(v => v.PublishedBy).HasMaxLength(200);
        builder.HasOne<Course>().WithMany().HasForeignKey(v => v.CourseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CourseAttemptConfiguration : IEntityTypeConfiguration<CourseAttempt>
{
    public void Configure(EntityTypeBuilder<CourseAttempt> builder)
    {
        builder.ToTable("learn_course_attempts");
        builder.HasIndex(a => new { a.CourseId, a.EmployeeId, a.Cycle }).IsUnique();
        builder.HasIndex(a => a.EmployeeId);
        builder.HasOne<Course>().WithMany().HasForeignKey(a => a.CourseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CourseVersion>().WithMany().HasForeignKey(a => a.CourseVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Employee>().WithMany().HasForeignKey(a => a.EmployeeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LessonStepConfiguration : IEntityTypeConfiguration<LessonStep>
{
    public void Configure(EntityTypeBuilder<LessonStep> builder)
    {
        builder.ToTable("learn_lesson_steps");
        builder.HasIndex(s => new { s.AttemptId, s.LessonKey }).IsUnique();
        builder.HasIndex(s => s.IdempotencyKey).IsUnique();
        builder.Property(s => s.IdempotencyKey).HasMaxLength(100);
        builder.HasOne<CourseAttempt>().WithMany().HasForeignKey(s => s.AttemptId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>The course tables, reached from the one context without the Platform naming them (as TrainingRecordSets does).</summary>
public static class CourseSets
{
    extension(ServeWellDbContext db)
    {
        public DbSet<Course> Courses => db.Set<Course>();

        public DbSet<CourseSection> CourseSections => db.Set<CourseSection>();

        public DbSet<CourseLesson> CourseLessons => db.Set<CourseLesson>();

        public DbSet<CourseVersion> CourseVersions => db.Set<CourseVersion>();

        public DbSet<CourseAttempt> CourseAttempts => db.Set<CourseAttempt>();

        public DbSet<LessonStep> LessonSteps => db.Set<LessonStep>();
    }
}
