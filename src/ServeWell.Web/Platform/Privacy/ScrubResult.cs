namespace ServeWell.Web.Platform.Privacy;

/// <summary>One thing removed: where it was in the original text, what it was, and what stands there now.</summary>
/// <param name="Checked">The number passed its check (Luhn, check digit, checksum); false when it was taken by its shape.</param>
public sealed record ScrubFinding(PersonalData Category, int Start, int Length, string Original, string Replacement, bool Checked);

/// <param name="Language">"ko" or "en": the language of the markers and placeholders, read from the text's words.</param>
public sealed record ScrubResult(string Original, string Text, string Language, IReadOnlyList<ScrubFinding> Findings);

/// <summary>The text is longer than the scrubber takes; the bound keeps every call's work small and predictable.</summary>
public sealed class ScrubInputTooLongException(int length, int max)
    : ArgumentException($"The text has {length} characters; the scrubber takes at most {max}.", "text");

/// <summary>The language of a text, for its markers (ADR-030): "ko" with Hangul, "en" with Latin letters only, else the hint.</summary>
public static class TextLanguage
{
    public static string Of(string text, string? hint)
    {
        if (text.Any(c => c is >= '가' and <= '힣' or >= 'ㄱ' and <= 'ㆎ'))
        {
            return "ko";
        }

        return text.Any(char.IsAsciiLetter) ? "en" : hint == "ko" ? "ko" : "en";
    }
}
