using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Privacy;

namespace ServeWell.Web.Modules.Practice.Cases;

/// <summary>A case's six texts after the scrubber, and per language the whole case as one text for the side-by-side view.</summary>
public sealed record CaseScrubbed(IReadOnlyList<LocalText> Texts, ScrubResult? Korean, ScrubResult? English)
{
    public int Removed => (Korean?.Findings.Count ?? 0) + (English?.Findings.Count ?? 0);

    /// <summary>Both languages as one text (Korean first), for the one side-by-side view of the page.</summary>
    public ScrubResult? Both()
    {
        if (Korean is null || English is null)
        {
            return Korean ?? English;
        }

        var shift = Korean.Original.Length + 2;
        return new ScrubResult(
            Korean.Original + "\n\n" + English.Original,
            Korean.Text + "\n\n" + English.Text,
            Korean.Language,
            [.. Korean.Findings, .. English.Findings.Select(f => f with { Start = f.Start + shift })]);
    }
}

/// <summary>
/// Scrubs a case in one context per language (ADR-053): the six texts of a language are joined into one text, so the
/// same name is the same placeholder in every field (민원인 A in the situation is 민원인 A in the lesson), then cut
/// apart again. The blank line between fields is never part of a finding (no pattern crosses a line break).
/// </summary>
public sealed class CaseScrub(PersonalDataScrubber scrubber)
{
    private const string Between = "\n\n";

    public async Task<CaseScrubbed> ScrubAsync(IReadOnlyList<LocalText> texts, IReadOnlyList<string> marked, CancellationToken cancellationToken)
    {
        var korean = await ScrubLanguageAsync([.. texts.Select(t => t.Ko)], "ko", marked, cancellationToken);
        var english = await ScrubLanguageAsync([.. texts.Select(t => t.En)], "en", marked, cancellationToken);
        var scrubbed = texts.Select((_, i) => LocalText.Of(english.Parts[i], korean.Parts[i])).ToList();
        return new CaseScrubbed(scrubbed, korean.Whole, english.Whole);
    }

    private async Task<(string[] Parts, ScrubResult? Whole)> ScrubLanguageAsync(
        string[] fields, string language, IReadOnlyList<string> marked, CancellationToken cancellationToken)
    {
        if (fields.All(f => f.Length == 0))
        {
            return (fields, null);
        }

        var whole = await scrubber.ScrubAsync(string.Join(Between, fields), language, PersonalData.All, marked, cancellationToken);
        var parts = new string[fields.Length];
        var start = 0;
        for (var i = 0; i < fields.Length; i++)
        {
            var end = start + fields[i].Length;
            var text = new System.Text.StringBuilder(fields[i].Length);
            var at = start;
            foreach (var f in whole.Findings.Where(f => f.Start >= start && f.Start < end))
            {
                text.Append(whole.Original, at, f.Start - at).Append(f.Replacement);
                at = Math.Min(end, f.Start + f.Length);
            }

            text.Append(whole.Original, at, end - at);
            parts[i] = text.ToString();
            start = end + Between.Length;
        }

        return (parts, whole);
    }
}
