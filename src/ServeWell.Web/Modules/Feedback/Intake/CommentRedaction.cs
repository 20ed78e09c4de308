using System.Text;
using ServeWell.Web.Platform.Privacy;

namespace ServeWell.Web.Modules.Feedback.Intake;

/// <summary>
/// Makes a citizen's comment safe to store: plain text without control characters, and without the personal data
/// people type into comments — every number and contact the one scrubber knows (ADR-052): resident and foreigner
/// registration numbers, phone numbers, emails, card, account, business and passport numbers, car plates, addresses.
/// Names stay: a comment names the employee it thanks, and its readers are that employee's own supervisors.
/// Redaction runs before anything is written, so the data never reaches the database or a log.
/// The markers are written in the comment's language (ADR-030): a comment with Hangul in it is Korean, one with
/// only Latin letters English; one with neither (only a number) takes the language the survey was answered in.
/// </summary>
public static class CommentRedaction
{
    /// <summary>What the intake removes from a comment.</summary>
    public const PersonalData Scope = PersonalData.NumbersAndContacts;

    /// <summary>Every marker the redaction writes, in both languages (so readers of comments can leave them out).</summary>
    public static IReadOnlyList<string> Markers => PersonalDataMarkers.All;

    /// <summary>The comment's language: "ko" when it has Hangul, "en" when it has Latin letters only, else <paramref name="surveyLanguage"/>.</summary>
    public static string LanguageOf(string comment, string? surveyLanguage) => TextLanguage.Of(comment, surveyLanguage);

    /// <param name="comment">As the citizen typed it.</param>
    /// <param name="surveyLanguage">The language the survey was answered in ("ko", "en"), for a comment without words.</param>
    public static string? Clean(string? comment, string? surveyLanguage = null)
    {
        if (comment is null)
        {
            return null;
        }

        var text = new StringBuilder(comment.Length);
        foreach (var c in comment.Replace("\r\n", "\n", StringComparison.Ordinal))
        {
            if (c is '\n' or '\t' || !char.IsControl(c))
            {
                text.Append(c);
            }
        }

        var cleaned = text.ToString().Trim();
        return cleaned.Length == 0 ? null : Scrubber.Scrub(cleaned, surveyLanguage, roster: null, Scope).Text;
    }
}
