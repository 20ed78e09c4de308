namespace ServeWell.Web.Modules.Learning.Media;

/// <summary>
/// How big lesson media may be (configuration section <c>Learning:Media</c>, ADR-051). The editor states them; a refusal
/// names the file, what was wrong and the limit.
/// </summary>
public sealed class LessonMediaLimits
{
    /// <summary>No upload request is read beyond this, whatever the configuration says (a request body limit needs a constant).</summary>
    public const long RequestCeilingBytes = 1024L * 1024 * 1024;

    public const int MaxAltText = 300;

    /// <summary>Files in one upload.</summary>
    public const int MaxFilesPerUpload = 20;

    public long MaxImageBytes { get; set; } = 10L * 1024 * 1024;

    public long MaxFileBytes { get; set; } = 50L * 1024 * 1024;

    public long MaxVideoBytes { get; set; } = 300L * 1024 * 1024;

    public long MaxCaptionsBytes { get; set; } = 1024L * 1024;

    /// <summary>Everything in a lesson's draft together.</summary>
    public long MaxLessonBytes { get; set; } = 500L * 1024 * 1024;

    /// <summary>Where each node keeps the media it serves (a cache: the bytes are in the database).</summary>
    public string? CacheDirectory { get; set; }

    public long MaxBytesOf(MediumKind kind) => kind switch
    {
        MediumKind.Image => MaxImageBytes,
        MediumKind.Video => MaxVideoBytes,
        MediumKind.Captions => MaxCaptionsBytes,
        _ => MaxFileBytes,
    };
}
