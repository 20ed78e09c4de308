using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServeWell.Web.Modules.People.Employees;
using ServeWell.Web.Modules.Training.Programmes;
using ServeWell.Web.Modules.Training.Sessions;

namespace ServeWell.Web.Modules.Training.Evaluations;

/// <summary>
/// An attended employee's reaction to a session (Kirkpatrick level 1): three ratings from 1 to 5 and a comment.
/// One per employee and session. Results are shown only as counts and averages, and comments without names.
/// </summary>
public sealed class SessionEvaluation
{
    public const int MaxCommentLength = 2000;

    public int Id { get; private set; }

    public int SessionId { get; set; }

    public int ProgrammeId { get; set; }

    public int EmployeeId { get; set; }

    /// <summary>The programme cycle the session belonged to when evaluated.</summary>
    public int Cycle { get; set; }

    /// <summary>How relevant the session was to the employee's work.</summary>
    public int Relevance { get; set; }

    /// <summary>How well the instructor taught.</summary>
    public int Instructor { get; set; }

    /// <summary>How confident the employee is to apply what was learned.</summary>
    public int Confidence { get; set; }

    public string? Comment { get; set; }

    public DateTime SubmittedAtUtc { get; set; }
}

internal sealed class SessionEvaluationConfiguration : IEntityTypeConfiguration<SessionEvaluation>
{
    public void Configure(EntityTypeBuilder<SessionEvaluation> builder)
    {
        builder.ToTable("session_evaluations", t =>
        {
            t.HasCheckConstraint("ck_session_evaluations_relevance", "\"Relevance\" BETWEEN 1 AND 5");
            t.HasCheckConstraint("ck_session_evaluations_instructor", "\"Instructor\" BETWEEN 1 AND 5");
            t.HasCheckConstraint("ck_session_evaluations_confidence", "\"Confidence\" BETWEEN 1 AND 5");
        });
        builder.HasIndex(e => new { e.SessionId, e.EmployeeId }).IsUnique();
        builder.HasIndex(e => new { e.ProgrammeId, e.EmployeeId, e.Cycle });
        builder.Property(e => e.Comment).HasMaxLength(SessionEvaluation.MaxCommentLength);
        builder.HasOne<TrainingSession>().WithMany().HasForeignKey(e => e.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Programme>().WithMany().HasForeignKey(e => e.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Employee>().WithMany().HasForeignKey(e => e.EmployeeId).OnDelete(DeleteBehavior.Restrict);
    }
}
