using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServeWell.Web.Modules.People.Employees;
using ServeWell.Web.Modules.Training.Programmes;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.Training.Completions;

/// <summary>
/// Evidence that an employee completed a programme's self-study course in a cycle, and when (ADR-042). Training owns
/// it so the completion rule, the sweep and the dating read it without knowing the Learning module that writes it
/// (through <see cref="RecordSelfStudy"/>). One row per programme, employee and cycle; the first completion counts.
/// </summary>
public sealed class SelfStudyCompletion
{
    public int Id { get; private set; }

    public int ProgrammeId { get; set; }

    public int EmployeeId { get; set; }

    public int Cycle { get; set; }

    /// <summary>The moment the last required lesson was done: what dates the programme's completion (ADR-029).</summary>
    public DateTime CompletedAtUtc { get; set; }

    /// <summary>What was completed, in the writer's words ("course 12 version 3"), for people reading the record.</summary>
    public required string Source { get; set; }

    public DateTime RecordedAtUtc { get; set; }
}

internal sealed class SelfStudyCompletionConfiguration : IEntityTypeConfiguration<SelfStudyCompletion>
{
    public void Configure(EntityTypeBuilder<SelfStudyCompletion> builder)
    {
        builder.ToTable("self_study_completions");
        builder.HasIndex(c => new { c.ProgrammeId, c.EmployeeId, c.Cycle }).IsUnique();
        builder.Property(c => c.Source).HasMaxLength(200);
        builder.HasOne<Programme>().WithMany().HasForeignKey(c => c.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Employee>().WithMany().HasForeignKey(c => c.EmployeeId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>
/// The contract through which a module above Training reports that a self-study course was completed (ADR-042): it
/// writes the evidence in the programme's current cycle (once; a second report keeps the first) and then completes the
/// enrolment by the programme's rule, so the certificate, compliance and Insights follow unchanged.
/// </summary>
public sealed class RecordSelfStudy(ServeWellDbContext db, ProgrammeCycles cycles, CompleteEnrolment complete, TimeProvider clock)
{
    /// <summary>The cycle a self-study attempt started now belongs to.</summary>
    public async Task<int?> CurrentCycleAsync(int programmeId, CancellationToken cancellationToken)
    {
        var programme = await db.Programmes.AsNoTracking().FirstOrDefaultAsync(p => p.Id == programmeId, cancellationToken);
        return programme is null ? null : (await cycles.CurrentAsync(programme, cancellationToken)).Number;
    }

    /// <summary>Records the evidence for <paramref name="cycle"/> and answers the programme's completion, if the rule is now met.</summary>
    public async Task<Completion?> RecordAsync(int programmeId, int employeeId, int cycle, DateTime completedAtUtc, string source, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (!await db.SelfStudyCompletions.AnyAsync(c => c.ProgrammeId == programmeId && c.EmployeeId == employeeId && c.Cycle == cycle, cancellationToken))
        {
            var row = db.SelfStudyCompletions.Add(new SelfStudyCompletion
            {
                ProgrammeId = programmeId, EmployeeId = employeeId, Cycle = cycle, Source = source,
                CompletedAtUtc = completedAtUtc < now ? completedAtUtc : now, RecordedAtUtc = now,
            });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another request recorded the same evidence first; the unique index kept theirs.
                row.State = EntityState.Detached;
            }
        }

        return await complete.TryCompleteAsync(programmeId, employeeId, null, cancellationToken);
    }
}
