namespace ServeWell.Web.Platform.City;

/// <summary>How much of an employee's name a citizen sees.</summary>
public enum StaffNameDisplay
{
    FamilyInitial = 0,
    Full = 1,
    None = 2,
}

/// <summary>
/// Facts about the city that runs this installation, one place for all modules (section <c>City</c>):
/// its time zone (every date a person reads or a record carries is a date in this zone), the language it speaks
/// by default (mail to people without a language of their own, content without a text in the reader's language),
/// and the smallest group whose figures may be shown (anonymity).
/// </summary>
public sealed class CityOptions
{
    public const string Section = "City";

    /// <summary>IANA time-zone id, e.g. Asia/Seoul, Asia/Manila, Africa/Lagos.</summary>
    public string TimeZone { get; set; } = "Asia/Seoul";

    /// <summary>The city's own language ("ko" or "en"): mail to a recipient without a language, and content fallback.</summary>
    public string DefaultLanguage { get; set; } = "ko";

    /// <summary>
    /// Below this many respondents, no figure, rating or comment of a group is shown anywhere (pages, API, exports):
    /// evaluations, insights per employee, quiz statistics, practice profiles. One setting for the whole app.
    /// </summary>
    public int MinimumGroupSize { get; set; } = 5;

    /// <summary>The city's name per language ("ko" → "한빛시", "en" → "Hanbit City"), shown in the header and footer.</summary>
    public Dictionary<string, string> Names { get; set; } = [];

    /// <summary>Where staff get help with ServeWell (a phone number or an e-mail address); the footer shows what is set.</summary>
    public string? ContactPhone { get; set; }

    public string? ContactEmail { get; set; }

    /// <summary>
    /// How citizen-facing pages name the staff a citizen may commend (survey, kiosk): <c>Full</c>, <c>FamilyInitial</c>
    /// ("김○○", "Kim J.") or <c>None</c> (no names, so the choice is not offered). ADR-037.
    /// </summary>
    public StaffNameDisplay StaffNames { get; set; } = StaffNameDisplay.FamilyInitial;

    /// <summary>The city's name in <paramref name="language"/>, else in its own language, else none.</summary>
    public string? NameIn(string language) =>
        Names.TryGetValue(language, out var name) || Names.TryGetValue(DefaultLanguage, out name) ? name : null;
}
