using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServeWell.Web.Modules.People.Employees;
using ServeWell.Web.Modules.Training.Enrolments;
using ServeWell.Web.Modules.Training.Sessions;

namespace ServeWell.Web.Modules.Training.Attendance;

public enum AttendanceChannel
{
    QrCheckIn = 0,
    JoinLink = 1,
    Manual = 2,
}

public enum AttendanceStatus
{
    Present = 0,
    Late = 1,
    LeftEarly = 2,
    Excused = 3,
}

/// <summary>One employee's attendance at one session, whatever the channel (unique per session and employee).</summary>
public sealed class AttendanceRecord
{
    public int Id { get; private set; }

    public int SessionId { get; set; }

    public int EmployeeId { get; set; }

    public int EnrolmentId { get; set; }

    /// <summary>How the attendance was first recorded.</summary>
    public AttendanceChannel Channel { get; set; }

    public AttendanceStatus Status { get; set; }

    /// <summary>When the person checked in or joined; null for an excused absence.</summary>
    public DateTime? ArrivedAt { get; set; }

    public DateTime? LeftAt { get; set; }

    public DateTime RecordedAt { get; set; }

    public required string RecordedBy { get; set; }
}

internal sealed class AttendanceRecordConfiguration : IEntityTypeConfiguration<AttendanceRecord>
{
    public void Configure(EntityTypeBuilder<AttendanceRecord> builder)
    {
        builder.ToTable("attendance");
        builder.HasIndex(a => new { a.SessionId, a.EmployeeId }).IsUnique();
        builder.HasIndex(a => a.EnrolmentId);
        builder.HasIndex(a => a.EmployeeId);
        builder.Property(a => a.RecordedBy).HasMaxLength(256);
        builder.HasOne<TrainingSession>().WithMany().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Enrolment>().WithMany().HasForeignKey(a => a.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Employee>().WithMany().HasForeignKey(a => a.EmployeeId).OnDelete(DeleteBehavior.Restrict);
    }
}
