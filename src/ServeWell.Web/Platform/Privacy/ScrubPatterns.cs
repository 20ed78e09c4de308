using System.Text.RegularExpressions;

namespace ServeWell.Web.Platform.Privacy;

/// <summary>
/// The patterns of the scrubber, run over the normalised text (ASCII digits, one kind of hyphen and space). Every
/// repetition is bounded and no repetition nests another unbounded one, so each start position costs a bounded amount
/// of work and a text costs time linear in its length; the timeout is a guard, not the plan (ADR-052).
/// </summary>
internal static partial class ScrubPatterns
{
    public const int TimeoutMs = 1000;

    [GeneratedRegex(@"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9._%+\-]{1,64} ?@ ?[A-Za-z0-9\-]{1,63}(?:\.[A-Za-z0-9\-]{1,63}){0,6}\.[A-Za-z]{2,24}(?![A-Za-z])", RegexOptions.None, TimeoutMs)]
    public static partial Regex Email();

    // Digits in up to six groups that share one separator (so "2026-12-06 14:30" stays a date and a time), after an
    // optional country code or area code in brackets: 010-1234-5678, +82 10 1234 5678, (031) 123-4567, 900101 - 1234567.
    [GeneratedRegex(@"(?<![0-9A-Za-z])(?:(?<cc>\+[0-9]{1,3})[ .\-]?|\((?<area>[0-9]{2,4})\) ?)?(?<g>[0-9]{1,19})(?:(?<sep> ?[.\-] ?| )(?<g>[0-9]{1,8})(?:\k<sep>(?<g>[0-9]{1,8})){0,4})?(?![0-9A-Za-z])", RegexOptions.None, TimeoutMs)]
    public static partial Regex DigitRun();

    // Korean passports: a letter and eight digits, or (since 2021) a letter, three digits, a letter, four digits; any
    // letters-and-digits right after the word passport / 여권.
    [GeneratedRegex(@"(?<![0-9A-Za-z])(?:[MSRODGmsrodg][0-9]{8}|[MSRODG][0-9]{3}[A-Z][0-9]{4})(?![0-9A-Za-z])|(?<=(?:여권|[Pp]assport)(?:번호| ?number| ?no\.?)?[ :#는은이가]{0,4})[A-Z]{1,2}[0-9]{6,8}(?![0-9A-Za-z])", RegexOptions.None, TimeoutMs)]
    public static partial Regex Passport();

    // 12가 3456, 123가4567, 서울 12가 3456: the syllable is one of those the plates use, so 12월 3456 and 3층 1234 stay.
    [GeneratedRegex(@"(?<![0-9])(?:(?:서울|부산|대구|인천|광주|대전|울산|세종|경기|강원|충북|충남|전북|전남|경북|경남|제주) ?)?[0-9]{2,3} ?[가나다라마거너더러머버서어저고노도로모보소오조구누두루무부수우주아바사자배하허호] ?[0-9]{4}(?![0-9]| ?[억만천원])", RegexOptions.None, TimeoutMs)]
    public static partial Regex CarPlate();

    // Road (세종대로 110, 중앙로12번길 34-5), lot (역삼동 123-45, 종로3가 12, 봉천1동 12번지, 가평읍 상색리 45) and
    // flat (101동 1203호) addresses, with the city and district before them; the number must end the word, so
    // "창구로 3번" and "감동 100%" are not addresses.
    [GeneratedRegex(@"(?<![가-힣0-9])(?:[가-힣]{1,8}(?:특별시|광역시|특별자치시|특별자치도|시|도|군|구|읍|면) ){0,3}(?:(?<road>[가-힣0-9]{1,12}(?<!으)(?:로|길)) ?[0-9]{1,5}(?:-[0-9]{1,5})?|(?<lot>[가-힣]{1,8}[0-9]{0,2}(?:동|[0-9]가)|(?<=[읍면] )[가-힣]{1,6}리) ?[0-9]{1,5}(?:-[0-9]{1,5})?(?:번지)?|(?:[가-힣A-Za-z0-9]{1,12}(?:아파트|빌라|맨션|오피스텔) ?)?[0-9]{1,4}동 ?[0-9]{1,5}호)(?![0-9A-Za-z가-힣%]|[.,][0-9])", RegexOptions.None, TimeoutMs)]
    public static partial Regex KoreanAddress();

    // 123 Main Street, 45 Baker St., 110 Sejong-daero, Teheran-ro 152.
    [GeneratedRegex(@"\b[0-9]{1,5},? (?:[A-Z][a-z]{1,20} ){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Boulevard|Blvd|Drive|Way|Court|Ct|Place|Pl|Terrace)\b\.?|\b(?:[0-9]{1,5},? )?[A-Z][a-z]{1,20}-(?:daero|ro|gil|dong)\b(?: [0-9]{1,5}(?:-[0-9]{1,5})?\b)?", RegexOptions.None, TimeoutMs)]
    public static partial Regex EnglishAddress();

    // Mr Kim, Ms. Lee Min-ji, Officer Park: the title goes with the name (the placeholder says who it was).
    [GeneratedRegex(@"\b(?<title>Mr|Mrs|Ms|Miss|Mx|Dr|Officer|Manager|Director|Inspector|Supervisor)\.? (?<name>[A-Z][a-z]{1,20}(?:[ \-][A-Z][a-z]{1,20}){0,2})\b", RegexOptions.None, TimeoutMs)]
    public static partial Regex EnglishHonorificName();

    /// <summary>A Hangul word of one to five syllables, an optional space, and a title or honorific (longest first).</summary>
    public static readonly Regex KoreanHonorificName = new(
        @"(?<![가-힣])(?<name>[가-힣]{1,5})(?<space> ?)(?<title>"
        + string.Join('|', KoreanNames.StaffTitles.Concat(KoreanNames.Honorifics).OrderByDescending(t => t.Length))
        + ")",
        RegexOptions.Compiled | RegexOptions.CultureInvariant,
        TimeSpan.FromMilliseconds(TimeoutMs));
}
