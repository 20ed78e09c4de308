using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServeWell.Web.Modules.Learning.Courses;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.Learning.Media;

/// <summary>What an uploaded medium is; decides how it is served and shown (ADR-051).</summary>
public enum MediumKind
{
    /// <summary>PNG, JPEG, WebP or GIF, shown inline by the lesson's Markdown.</summary>
    Image = 0,

    /// <summary>PDF, Word, Excel, PowerPoint or Hangul: always downloaded (Content-Disposition: attachment).</summary>
    File = 1,

    /// <summary>An MP4, played by the lesson page's &lt;video&gt; with range requests; one per lesson.</summary>
    Video = 2,

    /// <summary>WebVTT captions for the lesson's video, one per language.</summary>
    Captions = 3,
}

/// <summary>
/// A file uploaded to a draft lesson (ADR-051). Never changed once stored; removing it from the draft only sets
/// <see cref="RemovedAt"/> when a published version lists it, so a learner studying that version still sees it.
/// The bytes are in <see cref="MediumChunk"/> rows (in the database, as SCORM packages are, so every node serves them).
/// </summary>
public sealed class LessonMedium
{
    public int Id { get; private set; }

    public int CourseId { get; set; }

    /// <summary>The lesson's key (its draft id), which every version keeps; no foreign key, as a version outlives the draft lesson.</summary>
    public int LessonKey { get; set; }

    public MediumKind Kind { get; set; }

    /// <summary>The name as uploaded (its folder part dropped), shown to officers and used for downloads.</summary>
    public required string FileName { get; set; }

    /// <summary>The type found in the bytes (never the browser's claim).</summary>
    public required string ContentType { get; set; }

    public long Bytes { get; set; }

    public required string Sha256 { get; set; }

    /// <summary>An image's text alternative (WCAG 1.1.1); required for images.</summary>
    public string? AltText { get; set; }

    /// <summary>Captions' language ("ko" or "en").</summary>
    public string? Language { get; set; }

    public DateTime UploadedAt { get; set; }

    public required string UploadedBy { get; set; }

    /// <summary>When it left the draft; it is still served to the versions that list it.</summary>
    public DateTime? RemovedAt { get; set; }
}

/// <summary>A piece of a medium's bytes; pieces keep a large video from being one value in memory or in a row.</summary>
public sealed class MediumChunk
{
    public const int Size = 1024 * 1024;

    public int MediumId { get; set; }

    public int Index { get; set; }

    public required byte[] Data { get; set; }
}

internal sealed class LessonMediumConfigurations : IEntityTypeConfiguration<LessonMedium>, IEntityTypeConfiguration<MediumChunk>
{
    public void Configure(EntityTypeBuilder<LessonMedium> b)
    {
        b.ToTable("learn_lesson_media");
        b.Property(m => m.FileName).HasMaxLength(255);
        b.Property(m => m.ContentType).HasMaxLength(100);
        b.Property(m => m.Sha256).HasMaxLength(64);
        b.Property(m => m.AltText).HasMaxLength(LessonMediaLimits.MaxAltText);
        b.Property(m => m.Language).HasMaxLength(2);
        b.Property(m => m.UploadedBy).HasMaxLength(200);
        b.HasIndex(m => new { m.CourseId, m.LessonKey });
        b.HasOne<Course>().WithMany().HasForeignKey(m => m.CourseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany<MediumChunk>().WithOne().HasForeignKey(c => c.MediumId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<MediumChunk> b)
    {
        b.ToTable("learn_lesson_media_chunks");
        b.HasKey(c => new { c.MediumId, c.Index });
    }
}

/// <summary>The media tables, reached from the one context without the Platform naming them.</summary>
public static class MediaSets
{
    extension(ServeWellDbContext db)
    {
        public DbSet<LessonMedium> LessonMedia => db.Set<LessonMedium>();

        public DbSet<MediumChunk> MediumChunks => db.Set<MediumChunk>();
    }
}
