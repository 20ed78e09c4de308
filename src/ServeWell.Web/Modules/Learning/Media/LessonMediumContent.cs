using ServeWell.Web.Modules.Learning.Courses;

namespace ServeWell.Web.Modules.Learning.Media;

/// <summary>A medium as a published version lists it (ADR-051): enough to serve it, show it and check a Markdown link to it.</summary>
public sealed record LessonMediumContent(int Id, MediumKind Kind, string Name, string? Alt, string? Language)
{
    /// <summary>The address a lesson's Markdown uses: under /Learning/, so a course kept offline keeps its images (ADR-045).</summary>
    public string Url => UrlOf(Id, Name);

    public static string UrlOf(int id, string name) => $"{LessonMediaUrls.Prefix}{id}/{Uri.EscapeDataString(name)}";

    /// <summary>The draft media of a lesson, oldest first; null (left out of the version's JSON) when it has none.</summary>
    public static IReadOnlyList<LessonMediumContent>? Of(IReadOnlyCollection<LessonMedium>? media, int lessonKey)
    {
        var mine = media?.Where(m => m.LessonKey == lessonKey && m.RemovedAt == null).OrderBy(m => m.Id)
            .Select(m => new LessonMediumContent(m.Id, m.Kind, m.FileName, m.AltText, m.Language)).ToList();
        return mine is { Count: > 0 } ? mine : null;
    }
}

/// <summary>Where media are served, and how a Markdown link names one.</summary>
public static partial class LessonMediaUrls
{
    public const string Prefix = "/Learning/Media/";

    /// <summary>The medium a URL names when it is a media address (with or without this origin's scheme and host); else null.</summary>
    public static int? MediumId(string? url)
    {
        var match = MediaPath().Match(PathOf(url));
        return match.Success && int.TryParse(match.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;
    }

    /// <summary>True for any address that points at the media endpoint, whoever's medium it names (or none).</summary>
    public static bool IsMediaAddress(string? url)
    {
        return PathOf(url).Replace('\\', '/').Contains("/learning/media", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A web address's path (its host dropped), or the address as written when it is relative.</summary>
    private static string PathOf(string? url) =>
        string.IsNullOrEmpty(url) ? "" : Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https" ? absolute.AbsolutePath : url;

    [System.Text.RegularExpressions.GeneratedRegex("^/Learning/Media/([0-9]{1,9})(/[^/?#]*)?([?#].*)?$", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex MediaPath();
}
