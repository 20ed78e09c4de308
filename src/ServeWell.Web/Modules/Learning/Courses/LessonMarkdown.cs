using System.Net;
using System.Text.RegularExpressions;
using Ganss.Xss;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using ServeWell.Web.Modules.Learning.Media;

namespace ServeWell.Web.Modules.Learning.Courses;

/// <summary>A lesson's video: a player for an allow-listed provider, otherwise a link (or nothing for a non-web address).</summary>
public sealed record LessonVideo(string Url, string? EmbedUrl);

/// <summary>
/// Turns a lesson's Markdown into HTML that is safe to show (ADR-042): Markdig with raw HTML disabled, then HtmlSanitizer
/// with http, https and mailto links only and no frames, scripts, styles or forms. Videos never come from the Markdown:
/// the lesson's video link becomes an iframe only for the providers in <see cref="Providers"/>.
/// </summary>
public static partial class LessonMarkdown
{
    /// <summary>Hosts whose player may be framed; each also appears in the CSP's frame-src.</summary>
    public static readonly IReadOnlyList<string> Providers = ["https://www.youtube-nocookie.com", "https://player.vimeo.com", "https://tv.naver.com"];

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UsePipeTables().UseEmphasisExtras().Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    /// <summary>
    /// The lesson's HTML. Links and images may point at the lesson's own <paramref name="media"/> (ADR-051); one that points
    /// at any other media address is shown as its text, and an image of the lesson's own with no alt text gets the one
    /// given at upload.
    /// </summary>
    public static string ToHtml(string? markdown, IReadOnlyList<LessonMediumContent>? media = null)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }

        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (!LessonMediaUrls.IsMediaAddress(link.Url))
            {
                continue;
            }

            var id = LessonMediaUrls.MediumId(link.Url);
            var own = media?.FirstOrDefault(m => m.Id == id);
            if (own is null)
            {
                // An image becomes its alt text; a link keeps its (maybe formatted) text and loses only the address.
                link.ReplaceBy(link.IsImage ? new LiteralInline(Label(link)) : new ContainerInline());
                continue;
            }

            link.Url = own.Url;
            if (link.IsImage && string.IsNullOrWhiteSpace(Label(link)) && !string.IsNullOrWhiteSpace(own.Alt))
            {
                link.AppendChild(new LiteralInline(own.Alt));
            }
        }

        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return Sanitizer.Sanitize(writer.ToString());
    }

    private static string Label(ContainerInline link) =>
        string.Concat(link.Descendants<LiteralInline>().Select(x => x.Content.ToString()));

    /// <summary>Null for an empty or non-web address; otherwise the link and, for a known provider, its player address.</summary>
    public static LessonVideo? Video(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            return null;
        }

        var host = uri.Host.ToLowerInvariant();
        var path = uri.AbsolutePath;
        string? id;
        string? embed = null;
        if (host is "youtu.be" && (id = Id(path.Trim('/'))) is not null)
        {
            embed = $"https://www.youtube-nocookie.com/embed/{id}";
        }
        else if (host is "www.youtube.com" or "youtube.com" or "m.youtube.com"
            && (id = Id(path == "/watch" ? Query(uri, "v") : path.StartsWith("/embed/", StringComparison.Ordinal) ? path[7..] : null)) is not null)
        {
            embed = $"https://www.youtube-nocookie.com/embed/{id}";
        }
        else if (host is "vimeo.com" or "www.vimeo.com" && NumberRegex().IsMatch(path.Trim('/')))
        {
            embed = $"https://player.vimeo.com/video/{path.Trim('/')}";
        }
        else if (host is "tv.naver.com" && path.StartsWith("/v/", StringComparison.Ordinal) && NumberRegex().IsMatch(path[3..].Trim('/')))
        {
            embed = $"https://tv.naver.com/embed/{path[3..].Trim('/')}";
        }

        return new LessonVideo(uri.AbsoluteUri, embed);
    }

    private static string? Id(string? candidate) => candidate is not null && IdRegex().IsMatch(candidate) ? candidate : null;

    private static string? Query(Uri uri, string name) =>
        uri.Query.TrimStart('?').Split('&').Select(p => p.Split('=', 2)).Where(p => p.Length == 2 && p[0] == name).Select(p => WebUtility.UrlDecode(p[1])).FirstOrDefault();

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedTags.Remove("iframe");
        sanitizer.AllowedTags.Remove("form");
        sanitizer.AllowedTags.Remove("style");
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedAttributes.Remove("class");
        // The CSP forbids inline styles anyway; without the attribute nothing tries.
        sanitizer.AllowedCssProperties.Clear();
        return sanitizer;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{6,20}$")]
    private static partial Regex IdRegex();

    [GeneratedRegex("^[0-9]{1,15}$")]
    private static partial Regex NumberRegex();
}
