using System.Net;
using System.Text.RegularExpressions;

namespace ServeWell.Web.Modules.Learning.Bank;

/// <summary>
/// A question's text as the bank's pages show it: tags dropped and entities decoded, then encoded again by Razor.
/// HTML from Moodle is never rendered as markup here (ADR-041), so an imported file cannot put script on a page.
/// </summary>
public static partial class QuestionText
{
    public static string Plain(string text, int max = int.MaxValue)
    {
        var plain = WebUtility.HtmlDecode(Tags().Replace(text, " "));
        plain = Spaces().Replace(plain, " ").Trim();
        return plain.Length > max ? plain[..max] + "…" : plain;
    }

    [GeneratedRegex("<[^>]*>", RegexOptions.None, 1000)]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
