using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace ServeWell.Web.Platform.Localization;

/// <summary>Shows a <see cref="LocalText"/> in the reader's language; a text shown in the other language carries its own <c>lang</c>, so screen readers pronounce it right.</summary>
public static class LocalTextHtml
{
    public static IHtmlContent Local(this IHtmlHelper html, LocalText? text)
    {
        if (text is null || text.IsEmpty)
        {
            return HtmlString.Empty;
        }

        var reader = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var shown = text.LanguageShown(reader);
        var content = new HtmlContentBuilder().Append(text.For(reader));
        if (string.Equals(shown, reader, StringComparison.OrdinalIgnoreCase))
        {
            return content;
        }

        var span = new TagBuilder("span");
        span.Attributes["lang"] = shown;
        span.InnerHtml.AppendHtml(content);
        return span;
    }
}
