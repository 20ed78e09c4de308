namespace ServeWell.Web.Platform.Localization;

/// <summary>
/// Anchor type for the UI texts. Keys are the English texts; SharedResource.ko.resx holds Korean, and a
/// language is added by adding SharedResource.{culture}.resx and listing the culture in <see cref="Cultures"/>.
/// </summary>
public sealed class SharedResource;

public static class Cultures
{
    public static readonly string[] Supported = ["en", "ko"];

    public const string Default = "en";

    /// <summary>Whether the current reader reads English (and so wants English names where a unit has one).</summary>
    public static bool ReadsEnglish => System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string Normalise(string? culture) =>
        Supported.FirstOrDefault(c => string.Equals(c, culture, StringComparison.OrdinalIgnoreCase)) ?? Default;
}
