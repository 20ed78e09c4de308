using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace ServeWell.Web.Tests.Fixtures;

/// <summary>Reads pages the way a browser would submit them.</summary>
public static class Html
{
    private static readonly HtmlParser Parser = new();

    public static IHtmlDocument Parse(string html) => Parser.ParseDocument(html);

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        Parse(await response.Content.ReadAsStringAsync());

    public static IHtmlFormElement FindForm(IHtmlDocument page, string? fieldName)
    {
        // The layout's own forms (language switch, sign out) are never the one a test means.
        var forms = page.QuerySelectorAll<IHtmlFormElement>("form")
            .Where(f => string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase))
            .Where(f => f.GetAttribute("action") is not ("/culture" or "/Accounts/SignOut"))
            .ToList();
        var form = fieldName is null ? null : forms.FirstOrDefault(f => f.Elements.Any(e => e.GetAttribute("name") == fieldName));
        form ??= forms.FirstOrDefault();
        return form ?? throw new InvalidOperationException($"The page has no post form with a field \"{fieldName}\": {page.Title}");
    }

    /// <summary>The name/value pairs a browser would send for <paramref name="form"/> (submit buttons excluded).</summary>
    public static List<KeyValuePair<string, string>> FieldsOf(IHtmlFormElement form)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || element.HasAttribute("disabled"))
            {
                continue;
            }

            switch (element)
            {
                case IHtmlInputElement input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked)
                    {
                        fields.Add(new(name, input.Value));
                    }

                    break;
                case IHtmlInputElement input when input.Type is "submit" or "button" or "file" or "image" or "reset":
                    break;
                case IHtmlInputElement input:
                    fields.Add(new(name, input.Value));
                    break;
                case IHtmlSelectElement select:
                    fields.Add(new(name, select.Value ?? select.Options.FirstOrDefault()?.Value ?? ""));
                    break;
                case IHtmlTextAreaElement area:
                    fields.Add(new(name, area.Value));
                    break;
            }
        }

        return fields;
    }

    public static string Text(this IParentNode page, string selector) => page.QuerySelector(selector)?.TextContent.Trim() ?? "";
}
