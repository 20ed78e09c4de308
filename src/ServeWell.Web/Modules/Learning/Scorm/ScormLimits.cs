using System.Globalization;

namespace ServeWell.Web.Modules.Learning.Scorm;

/// <summary>
/// How big a SCORM package may be, packed and unpacked, so an upload cannot take the disk, the memory or a core
/// (ADR-043). Vendors' courses with video run to a few hundred megabytes; the golf samples to a few hundred kilobytes.
/// </summary>
public sealed class ScormLimits
{
    /// <summary>The zip as uploaded.</summary>
    public long MaxPackageBytes { get; init; } = 300L * 1024 * 1024;

    /// <summary>All entries together, unpacked, counted as they really come out (a zip's declared sizes can lie).</summary>
    public long MaxUnpackedBytes { get; init; } = 1024L * 1024 * 1024;

    /// <summary>Files and folders in the package.</summary>
    public int MaxEntries { get; init; } = 20_000;

    /// <summary>imsmanifest.xml itself; real manifests are a few kilobytes, large ones a few hundred.</summary>
    public long MaxManifestBytes { get; init; } = 4L * 1024 * 1024;

    /// <summary>Unpacked over packed size of one entry, checked above 1 MB: HTML and XML pack 5–30 times, bombs a thousand.</summary>
    public int MaxCompressionRatio { get; init; } = 200;

    public const long RatioCheckedAboveBytes = 1024 * 1024;

    public static string Megabytes(long bytes) => (bytes / 1024 / 1024).ToString("N0", CultureInfo.InvariantCulture) + " MB";

    public static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
