using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ServeWell.Web.Modules.People.RosterImport;

public enum RosterImportStatus
{
    Queued = 0,
    Checking = 1,
    Checked = 2,
    Applying = 3,
    Applied = 4,
    Failed = 5,
}

/// <summary>
/// An uploaded roster file and where its dry run and apply stand. The file is kept in the database so
/// that any node can show progress and apply what another node checked.
/// </summary>
public sealed class RosterImportJob
{
    public Guid Id { get; init; }

    public required string FileName { get; init; }

    public required byte[] Content { get; set; }

    public required string Sha256 { get; init; }

    public string? RequestedBy { get; init; }

    public DateTime CreatedAt { get; init; }

    public DateTime UpdatedAt { get; set; }

    public RosterImportStatus Status { get; set; }

    public int TotalRows { get; set; }

    public int ProcessedRows { get; set; }

    /// <summary>The outcome of the last step as JSON (<see cref="RosterImportResult"/>).</summary>
    public string? ResultJson { get; set; }

    public string? FailureMessage { get; set; }

    public bool MarkMissingAsLeft { get; set; }

    public bool SkipInvalidRows { get; set; }

    /// <summary>The language of the person who uploaded the file; error messages are written in it.</summary>
    public string Culture { get; init; } = "en";
}

internal sealed class RosterImportJobConfiguration : IEntityTypeConfiguration<RosterImportJob>
{
    public void Configure(EntityTypeBuilder<RosterImportJob> builder)
    {
        builder.ToTable("roster_import_jobs");
        builder.Property(j => j.FileName).HasMaxLength(260);
        builder.Property(j => j.Sha256).HasMaxLength(64);
        builder.Property(j => j.RequestedBy).HasMaxLength(256);
        builder.Property(j => j.FailureMessage).HasMaxLength(2000);
        builder.Property(j => j.Culture).HasMaxLength(10);
        builder.HasIndex(j => j.CreatedAt);
    }
}
