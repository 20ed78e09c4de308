using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServeWell.Web.Modules.People.Employees;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.Practice.Scenarios;

internal sealed class ScenarioConfiguration : IEntityTypeConfiguration<Scenario>
{
    public void Configure(EntityTypeBuilder<Scenario> builder)
    {
        builder.ToTable("practice_scenarios");
        builder.HasIndex(s => s.Key).IsUnique();
        builder.Property(s => s.CreatedBy).HasMaxLength(200);
        builder.Ignore(s => s.DraftContent);
    }
}

internal sealed class ScenarioVersionConfiguration : IEntityTypeConfiguration<ScenarioVersion>
{
    public void Configure(EntityTypeBuilder<ScenarioVersion> builder)
    {
        builder.ToTable("practice_scenario_versions");
        builder.HasIndex(v => new { v.ScenarioId, v.Number }).IsUnique();
        builder.Property(v => v.PublishedBy).HasMaxLength(200);
        builder.HasOne<Scenario>().WithMany().HasForeignKey(v => v.ScenarioId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ScenarioAttemptConfiguration : IEntityTypeConfiguration<ScenarioAttempt>
{
    public void Configure(EntityTypeBuilder<ScenarioAttempt> builder)
    {
        builder.ToTable("practice_scenario_attempts");
        builder.HasIndex(a => new { a.ScenarioId, a.EmployeeId, a.Number }).IsUnique();
        builder.HasIndex(a => a.EmployeeId);
        builder.Property(a => a.CurrentNode).HasMaxLength(ScenarioContent.MaxKey);
        builder.HasOne<Scenario>().WithMany().HasForeignKey(a => a.ScenarioId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ScenarioVersion>().WithMany().HasForeignKey(a => a.ScenarioVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Employee>().WithMany().HasForeignKey(a => a.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Moves).WithOne().HasForeignKey(m => m.AttemptId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ScenarioMoveConfiguration : IEntityTypeConfiguration<ScenarioMove>
{
    public void Configure(EntityTypeBuilder<ScenarioMove> builder)
    {
        builder.ToTable("practice_scenario_moves");
        builder.HasIndex(m => new { m.AttemptId, m.Step }).IsUnique();
        builder.Property(m => m.Node).HasMaxLength(ScenarioContent.MaxKey);
    }
}

/// <summary>The scenario tables, reached from the one context without the Platform naming them (as CourseSets does).</summary>
public static class ScenarioSets
{
    extension(ServeWellDbContext db)
    {
        public DbSet<Scenario> Scenarios => db.Set<Scenario>();

        public DbSet<ScenarioVersion> ScenarioVersions => db.Set<ScenarioVersion>();

        public DbSet<ScenarioAttempt> ScenarioAttempts => db.Set<ScenarioAttempt>();

        public DbSet<ScenarioMove> ScenarioMoves => db.Set<ScenarioMove>();
    }
}
