using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServeWell.Web.Modules.People.Employees;
using ServeWell.Web.Modules.Training.Completions;
using ServeWell.Web.Modules.Training.Programmes;
using ServeWell.Web.Platform.Audit;

namespace ServeWell.Web.Modules.Training.Certificates;

public enum CertificateStatus
{
    Valid = 0,
    Expired = 1,
    Revoked = 2,
}

/// <summary>
/// Proof of one completion. What it certifies (name, programme, date, hours, instructor) is copied at issue, so a
/// later rename of the programme or the person does not change a certificate already handed out.
/// </summary>
public sealed class Certificate : IAudited
{
    public int Id { get; private set; }

    public int CompletionId { get; set; }

    public Completion? Completion { get; set; }

    public int EmployeeId { get; set; }

    public int ProgrammeId { get; set; }

    /// <summary>The public verification code, e.g. K7QM-3XPD-A9TF: unguessable, easy to read out and type.</summary>
    public required string Code { get; set; }

    public required string EmployeeName { get; set; }

    public required string ProgrammeTitle { get; set; }

    public decimal Hours { get; set; }

    public string? InstructorName { get; set; }

    public DateOnly CompletedOn { get; set; }

    /// <summary>The last day it is valid; null when it never expires.</summary>
    public DateOnly? ExpiresOn { get; set; }

    public DateTime IssuedAtUtc { get; set; }

    public DateTime? RevokedAtUtc { get; set; }

    public string? RevokedBy { get; set; }

    public string? RevocationReason { get; set; }

    string IAudited.AuditKey => Code;

    public CertificateStatus StatusOn(DateOnly today) =>
        RevokedAtUtc is not null ? CertificateStatus.Revoked
        : ExpiresOn is { } last && today > last ? CertificateStatus.Expired
        : CertificateStatus.Valid;
}

internal sealed class CertificateConfiguration : IEntityTypeConfiguration<Certificate>
{
    public void Configure(EntityTypeBuilder<Certificate> builder)
    {
        builder.ToTable("certificates");
        builder.HasIndex(c => c.Code).IsUnique();
        builder.HasIndex(c => c.CompletionId).IsUnique();
        builder.HasIndex(c => c.EmployeeId);
        builder.Property(c => c.Code).HasMaxLength(20);
        builder.Property(c => c.EmployeeName).HasMaxLength(120);
        builder.Property(c => c.ProgrammeTitle).HasMaxLength(200);
        builder.Property(c => c.InstructorName).HasMaxLength(120);
        builder.Property(c => c.Hours).HasPrecision(6, 1);
        builder.Property(c => c.RevokedBy).HasMaxLength(256);
        builder.Property(c => c.RevocationReason).HasMaxLength(500);
        builder.HasOne(c => c.Completion).WithMany().HasForeignKey(c => c.CompletionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Employee>().WithMany().HasForeignKey(c => c.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Programme>().WithMany().HasForeignKey(c => c.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
    }
}
