using System.Text.RegularExpressions;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.Learning.Bank;

/// <summary>
/// Texts per language inside one Moodle text, the way Moodle's own multi-language filter marks them:
/// <c>&lt;span lang="ko" class="multilang"&gt;…&lt;/span&gt;&lt;span lang="en" class="multilang"&gt;…&lt;/span&gt;</c>.
/// A text without such spans is in the file's language (chosen on import). ADR-041.
/// </summary>
public static partial class Multilang
{
    public static LocalText Read(string text, string language)
    {
        var spans = Spans().Matches(text);
        if (spans.Count == 0)
        {
            return LocalText.In(language, text);
        }

        string Of(string lang) => string.Concat(spans.Where(m => (m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value) == lang).Select(m => m.Groups[3].Value));
        return LocalText.Of(Of("en"), Of("ko"));
    }

    /// <summary>The text for a file in <paramref name="language"/>: plain when it is in that language only, else spans.</summary>
    public static string Write(LocalText text, string language)
    {
        var english = language == "en";
        var own = english ? text.En : text.Ko;
        var other = english ? text.Ko : text.En;
        if (other.Length == 0)
        {
            return own;
        }

        var ko = text.Ko.Length > 0 ? $"<span lang=\"ko\" class=\"multilang\">{text.Ko}</span>" : "";
        var en = text.En.Length > 0 ? $"<span lang=\"en\" class=\"multilang\">{text.En}</span>" : "";
        return ko + en;
    }

    [GeneratedRegex("""<span\s+(?:lang="(ko|en)"\s+class="multilang"|class="multilang"\s+lang="(ko|en)")\s*>(.*?)</span>""", RegexOptions.Singleline, 1000)]
    private static partial Regex Spans();
}
