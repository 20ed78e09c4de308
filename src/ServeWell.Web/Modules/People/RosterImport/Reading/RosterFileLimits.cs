namespace ServeWell.Web.Modules.People.RosterImport;

/// <summary>
/// How much a roster file may hold once unpacked, so a small upload cannot take a core or gigabytes of memory
/// (ADR-028). A real roster of 100,000 people is far below every one of these.
/// </summary>
internal static class RosterFileLimits
{
    /// <summary>Excel's own last column (XFD); CSV is held to the same.</summary>
    public const int MaxColumns = 16_384;

    /// <summary>Entries in the XLSX package (a workbook has a few dozen).</summary>
    public const int MaxParts = 1_000;

    /// <summary>Any one part of the XLSX package, unpacked.</summary>
    public const long MaxPartBytes = 100L * 1024 * 1024;

    /// <summary>All parts together, unpacked.</summary>
    public const long MaxPackageBytes = 200L * 1024 * 1024;

    /// <summary>Unpacked size over packed size of a part; XML compresses 5–30 times, zip bombs a thousand. Checked above 1 MB.</summary>
    public const int MaxCompressionRatio = 100;

    public const long RatioCheckedAboveBytes = 1024 * 1024;

    /// <summary>Entries in the shared string table.</summary>
    public const int MaxSharedStrings = 1_000_000;

    /// <summary>Excel's limit for the text of one cell.</summary>
    public const int MaxCellChars = 32_767;

    /// <summary>All shared strings together, in characters.</summary>
    public const long MaxSharedStringChars = 50_000_000;

    public static string Megabytes(long bytes) => (bytes / 1024 / 1024).ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " MB";

    public static string Number(long value) => value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}
