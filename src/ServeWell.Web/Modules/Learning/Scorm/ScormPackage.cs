using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServeWell.Web.Platform.Audit;

namespace ServeWell.Web.Modules.Learning.Scorm;

/// <summary>
/// A purchased course as uploaded: its manifest's name and version and the file's fingerprint. The zip itself is in
/// <see cref="ScormPackageContent"/> (in the database, so every node of a cluster serves it; ADR-043).
/// </summary>
public sealed class ScormPackage : IAudited
{
    public int Id { get; private set; }

    public required string Title { get; set; }

    public required string ManifestIdentifier { get; init; }

    public required ScormVersion Version { get; init; }

    public required string Sha256 { get; init; }

    public required string FileName { get; init; }

    public long PackedBytes { get; init; }

    public long UnpackedBytes { get; init; }

    public int FileCount { get; init; }

    public DateTime UploadedAt { get; init; }

    public string UploadedBy { get; init; } = "";

    /// <summary>A retired package stays for the learners' records but is offered to no one.</summary>
    public DateTime? RetiredAt { get; set; }

    public List<ScormSco> Scos { get; } = [];

    public string AuditKey => $"{Title} ({FileName})";
}

public sealed class ScormPackageContent
{
    public int PackageId { get; init; }

    public required byte[] Zip { get; init; }
}

/// <summary>One thing a learner launches from a package, in the manifest's order.</summary>
public sealed class ScormSco
{
    public int Id { get; private set; }

    public int PackageId { get; init; }

    public int Position { get; init; }

    public int Depth { get; init; }

    public required string Identifier { get; init; }

    public required string Title { get; init; }

    public required string LaunchPath { get; init; }

    public string? Parameters { get; init; }

    public decimal? MasteryScore { get; init; }
}

/// <summary>
/// A learner's one attempt at a SCO, kept across visits so they resume where they left: what the SCO last reported
/// through the run-time API (ADR-043). Completion is dated by the commit that reported it.
/// </summary>
public sealed class ScormAttempt
{
    public int Id { get; private set; }

    public int ScoId { get; init; }

    public int EmployeeId { get; init; }

    /// <summary>In SCORM 1.2 words: not attempted, browsed, incomplete, completed, passed, failed.</summary>
    public string LessonStatus { get; set; } = ScormRuntime.NotAttempted;

    /// <summary>SCORM 2004's success status (passed, failed, unknown); SCORM 1.2 folds it into the lesson status.</summary>
    public string SuccessStatus { get; set; } = "unknown";

    public decimal? ScoreRaw { get; set; }

    public decimal? ScoreMin { get; set; }

    public decimal? ScoreMax { get; set; }

    public string LessonLocation { get; set; } = "";

    public string SuspendData { get; set; } = "";

    public string Exit { get; set; } = "";

    /// <summary>Seconds over every finished session.</summary>
    public decimal TotalSeconds { get; set; }

    /// <summary>The current session's time as last reported, folded into the total when the session ends.</summary>
    public decimal SessionSeconds { get; set; }

    public int Sessions { get; set; }

    /// <summary>The visit (one load of the player) the last commit came from; a commit from another visit starts a session.</summary>
    public string? CurrentSession { get; set; }

    public DateTime StartedAt { get; init; }

    public DateTime? LastCommitAt { get; set; }

    public DateTime? CompletedAt { get; set; }
}

internal sealed class ScormConfigurations :
    IEntityTypeConfiguration<ScormPackage>, IEntityTypeConfiguration<ScormPackageContent>, IEntityTypeConfiguration<ScormSco>, IEntityTypeConfiguration<ScormAttempt>
{
    public void Configure(EntityTypeBuilder<ScormPackage> b)
    {
        b.ToTable("ScormPackages");
        b.Property(p => p.Title).HasMaxLength(200);
        b.Property(p => p.ManifestIdentifier).HasMaxLength(200);
        b.Property(p => p.Sha256).HasMaxLength(64);
        b.Property(p => p.FileName).HasMaxLength(255);
        b.Property(p => p.UploadedBy).HasMaxLength(200);
        b.Property(p => p.Version).HasConversion<int>();
        b.HasMany(p => p.Scos).WithOne().HasForeignKey(s => s.PackageId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ScormPackageContent>().WithOne().HasForeignKey<ScormPackageContent>(c => c.PackageId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(p => p.AuditKey);
    }

    public void Configure(EntityTypeBuilder<ScormPackageContent> b)
    {
        b.ToTable("ScormPackageContents");
        b.HasKey(c => c.PackageId);
    }

    public void Configure(EntityTypeBuilder<ScormSco> b)
    {
        b.ToTable("ScormScos");
        b.Property(s => s.Identifier).HasMaxLength(200);
        b.Property(s => s.Title).HasMaxLength(300);
        b.Property(s => s.LaunchPath).HasMaxLength(1000);
        b.Property(s => s.Parameters).HasMaxLength(1000);
        b.Property(s => s.MasteryScore).HasPrecision(6, 2);
        b.HasIndex(s => new { s.PackageId, s.Position }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<ScormAttempt> b)
    {
        b.ToTable("ScormAttempts");
        b.Property(a => a.LessonStatus).HasMaxLength(20);
        b.Property(a => a.SuccessStatus).HasMaxLength(20);
        b.Property(a => a.LessonLocation).HasMaxLength(ScormRuntime.MaxLocation2004);
        b.Property(a => a.SuspendData).HasMaxLength(ScormRuntime.MaxSuspendData2004);
        b.Property(a => a.Exit).HasMaxLength(20);
        b.Property(a => a.CurrentSession).HasMaxLength(64);
        b.Property(a => a.ScoreRaw).HasPrecision(9, 4);
        b.Property(a => a.ScoreMin).HasPrecision(9, 4);
        b.Property(a => a.ScoreMax).HasPrecision(9, 4);
        b.Property(a => a.TotalSeconds).HasPrecision(12, 2);
        b.Property(a => a.SessionSeconds).HasPrecision(12, 2);
        b.HasOne<ScormSco>().WithMany().HasForeignKey(a => a.ScoId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ServeWell.Web.Modules.People.Employees.Employee>().WithMany().HasForeignKey(a => a.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => new { a.ScoId, a.EmployeeId }).IsUnique();
        b.HasIndex(a => a.EmployeeId);
    }
}
