using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServeWell.Web.Modules.People.Employees;
using ServeWell.Web.Modules.Training.Enrolments;
using ServeWell.Web.Modules.Training.Sessions;

namespace ServeWell.Web.Modules.Training.Registrations;

public enum RegistrationState
{
    /// <summary>Holds a place.</summary>
    Registered = 0,

    /// <summary>Asked for a place in a full session; promoted in order of <see cref="SessionRegistration.AskedAt"/>.</summary>
    Waitlisted = 1,

    /// <summary>Gave up the place (or was moved, withdrawn, or the session was cancelled).</summary>
    Cancelled = 2,

    /// <summary>Held a place, the session ended, and no attendance was recorded.</summary>
    NoShow = 3,
}

/// <summary>Why a registration changed; stored as text.</summary>
public static class RegistrationReasons
{
    public const string Asked = "Asked";
    public const string RegisteredByOfficer = "RegisteredByOfficer";
    public const string Promoted = "Promoted";
    public const string CancelledByEmployee = "CancelledByEmployee";
    public const string CancelledByOfficer = "CancelledByOfficer";
    public const string Switched = "Switched";
    public const string Moved = "Moved";
    public const string Withdrawn = "Withdrawn";
    public const string SessionCancelled = "SessionCancelled";
    public const string NoAttendance = "NoAttendance";
}

/// <summary>
/// One employee's place (or place in the queue) in one session. Unique per session and employee: asking again
/// reuses the row. A person holds at most one active (registered or waitlisted) registration per programme.
/// </summary>
public sealed class SessionRegistration
{
    public int Id { get; private set; }

    public int SessionId { get; set; }

    public int EnrolmentId { get; set; }

    public int EmployeeId { get; set; }

    public RegistrationState State { get; set; }

    public string? StateReason { get; set; }

    /// <summary>When the person asked for a place: the waitlist order.</summary>
    public DateTime AskedAt { get; set; }

    public DateTime StateSince { get; set; }

    /// <summary>The secret of the personal join link <c>/join/{token}</c>.</summary>
    public required string JoinToken { get; set; }

    /// <summary>Set once when the day-before reminder is claimed, so no node sends it twice.</summary>
    public DateTime? ReminderSentAt { get; set; }

    public DateTime CreatedAt { get; set; }

    public bool IsActive => State is RegistrationState.Registered or RegistrationState.Waitlisted;
}

internal sealed class SessionRegistrationConfiguration : IEntityTypeConfiguration<SessionRegistration>
{
    public void Configure(EntityTypeBuilder<SessionRegistration> builder)
    {
        builder.ToTable("session_registrations");
        builder.HasIndex(r => new { r.SessionId, r.EmployeeId }).IsUnique();
        builder.HasIndex(r => r.JoinToken).IsUnique();
        builder.HasIndex(r => new { r.SessionId, r.State, r.AskedAt });
        builder.HasIndex(r => new { r.EmployeeId, r.State });
        builder.HasIndex(r => r.EnrolmentId);
        builder.Property(r => r.StateReason).HasMaxLength(40);
        builder.Property(r => r.JoinToken).HasMaxLength(64);
        builder.HasOne<TrainingSession>().WithMany().HasForeignKey(r => r.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Enrolment>().WithMany().HasForeignKey(r => r.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Employee>().WithMany().HasForeignKey(r => r.EmployeeId).OnDelete(DeleteBehavior.Restrict);
    }
}
