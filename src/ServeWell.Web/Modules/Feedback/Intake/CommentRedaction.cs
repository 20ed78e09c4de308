using System.Text;
using System.Text.RegularExpressions;

namespace ServeWell.Web.Modules.Feedback.Intake;

/// <summary>
/// Makes a citizen's comment safe to store: plain text without control characters, and without the personal data
/// people type into comments — Korean resident registration numbers, email addresses and phone numbers.
/// Redaction runs before anything is written, so the data never reaches the database or a log.
/// The markers are written in the comment's language (ADR-030): a comment with Hangul in it is Korean, one with
/// only Latin letters English; one with neither (only a number) takes the language the survey was answered in.
/// </summary>
public static partial class CommentRedaction
{
    public const string IdNumber = "[ID number removed]";
    public const string Email = "[email removed]";
    public const string Phone = "[phone removed]";
    public const string IdNumberKo = "[주민등록번호 삭제]";
    public const string EmailKo = "[이메일 삭제]";
    public const string PhoneKo = "[전화번호 삭제]";

    /// <summary>Every marker the redaction writes, in both languages (so readers of comments can leave them out).</summary>
    public static readonly IReadOnlyList<string> Markers = [IdNumber, Email, Phone, IdNumberKo, EmailKo, PhoneKo];

    /// <summary>The comment's language: "ko" when it has Hangul, "en" when it has Latin letters only, else <paramref name="surveyLanguage"/>.</summary>
    public static string LanguageOf(string comment, string? surveyLanguage)
    {
        if (comment.Any(c => c is >= '가' and <= '힣' or >= 'ㄱ' and <= 'ㆎ'))
        {
            return "ko";
        }

        return comment.Any(char.IsAsciiLetter) ? "en" : surveyLanguage == "ko" ? "ko" : "en";
    }

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
        if (cleaned.Length == 0)
        {
            return null;
        }

        // The language is read from the words around the personal data: an email address alone is not English.
        var korean = LanguageOf(EmailAddress().Replace(cleaned, ""), surveyLanguage) == "ko";
        cleaned = ResidentNumber().Replace(cleaned, korean ? IdNumberKo : IdNumber);
        cleaned = EmailAddress().Replace(cleaned, korean ? EmailKo : Email);
        var phone = korean ? PhoneKo : Phone;
        cleaned = PhoneNumber().Replace(cleaned, m => DigitCount(m.Value) is >= 9 and <= 15 ? phone : m.Value);
        return cleaned;
    }

    private static int DigitCount(string value) => value.Count(c => c is >= '0' and <= '9');

    // YYMMDD-NNNNNNN (the 7th digit 1–8: century, sex and foreign residents), with or without the hyphen.
    [GeneratedRegex(@"(?<![0-9A-Za-z])[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])\s?[-–]?\s?[1-8][0-9]{6}(?![0-9A-Za-z])")]
    private static partial Regex ResidentNumber();

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+\s?(?:@|＠)\s?[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")]
    private static partial Regex EmailAddress();

    // 010-1234-5678, 01012345678, 02-123-4567, (031) 123-4567, +82 10 1234 5678, 010.1234.5678; counted as a phone
    // number only with 9 to 15 digits, so amounts and dates stay; digits inside a word (a reference like A12345678901) stay too.
    [GeneratedRegex(@"(?<![0-9A-Za-z])(?:\+[0-9]{1,3}[\s.\-]?)?(?:\(?[0-9]{2,4}\)?[\s.\-]?){1,3}[0-9]{4}(?![0-9A-Za-z])")]
    private static partial Regex PhoneNumber();
}
