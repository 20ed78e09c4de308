using System.Globalization;
using System.Text.Json.Serialization;

namespace ServeWell.Web.Platform.Localization;

/// <summary>
/// A text people type once per language the city uses: a programme's title, a session's venue, a touchpoint's label
/// (ADR-030). Stored as two columns beside each other (<c>TitleEn</c>, <c>TitleKo</c>, see
/// <see cref="LocalTextMapping"/>), sent over the API as <c>{"en": "…", "ko": "…"}</c>, edited with the
/// <c>_LocalTextInput</c> partial. Either text may be empty; a reader sees their own language and, when that is
/// empty, the other one (<see cref="For"/>). <see cref="ToString"/> gives the current reader's text, so a page
/// writes <c>@programme.Title</c> and a mail rendered in the recipient's culture gets the recipient's language.
/// </summary>
[JsonConverter(typeof(LocalTextJsonConverter))]
public sealed record LocalText(string En, string Ko)
{
    public static LocalText Empty { get; } = new("", "");

    /// <summary>Both texts trimmed; null counts as empty.</summary>
    public static LocalText Of(string? en, string? ko) => new((en ?? "").Trim(), (ko ?? "").Trim());

    /// <summary>A text known in one language only ("ko" or "en").</summary>
    public static LocalText In(string language, string? text) =>
        IsEnglish(language) ? Of(text, null) : Of(null, text);

    public bool IsEmpty => string.IsNullOrWhiteSpace(En) && string.IsNullOrWhiteSpace(Ko);

    /// <summary>The text in <paramref name="language"/>, else in the other language, else "".</summary>
    public string For(string language) => Own(language) is { Length: > 0 } own ? own : Other(language);

    /// <summary>The text for a reader who reads English or not (the pages' <c>Cultures.ReadsEnglish</c>).</summary>
    public string For(bool english) => For(english ? "en" : "ko");

    public string For(CultureInfo culture) => For(culture.TwoLetterISOLanguageName);

    /// <summary>The language <see cref="For(string)"/> shows, for the <c>lang</c> attribute of what a reader sees.</summary>
    public string LanguageShown(string language) =>
        Own(language).Length > 0 || Other(language).Length == 0 ? (IsEnglish(language) ? "en" : "ko") : (IsEnglish(language) ? "ko" : "en");

    /// <summary>The current reader's text (CurrentUICulture), falling back to the other language.</summary>
    public override string ToString() => For(CultureInfo.CurrentUICulture);

    /// <summary>Both texts, Korean first ("민원 응대 기본 / Customer service basics"), for records read in either language (the audit log).</summary>
    public string Both => Ko.Length > 0 && En.Length > 0 && Ko != En ? $"{Ko} / {En}" : Ko.Length > 0 ? Ko : En;

    private string Own(string language) => (IsEnglish(language) ? En : Ko) ?? "";

    private string Other(string language) => (IsEnglish(language) ? Ko : En) ?? "";

    private static bool IsEnglish(string language) => string.Equals(language, "en", StringComparison.OrdinalIgnoreCase);
}
