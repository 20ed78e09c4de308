using System.Text;
using System.Text.RegularExpressions;

namespace ServeWell.Web.Modules.Feedback.Intake;

/// <summary>
/// Makes a citizen's comment safe to store: plain text without control characters, and without the personal data
/// people type into comments — Korean resident registration numbers, email addresses and phone numbers.
/// Redaction runs before anything is written, so the data never reaches the database or a log.
/// </summary>
public static partial class CommentRedaction
{
    public const string IdNumber = "[ID number removed]";
    public const string Email = "[email removed]";
    public const string Phone = "[phone removed]";

    public static string? Clean(string? comment)
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

        cleaned = ResidentNumber().Replace(cleaned, IdNumber);
        cleaned = EmailAddress().Replace(cleaned, Email);
        cleaned = PhoneNumber().Replace(cleaned, m => DigitCount(m.Value) is >= 9 and <= 15 ? Phone : m.Value);
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
