namespace ServeWell.Web.Platform.Privacy;

/// <summary>
/// The scrubber for modules (Feedback now, Practice next): <see cref="Scrubber"/> with the city's roster names from
/// whichever module provides them (<see cref="IRosterNameSource"/>, implemented by People).
/// </summary>
public sealed class PersonalDataScrubber(IEnumerable<IRosterNameSource> rosters)
{
    public Task<ScrubResult> ScrubAsync(string text, string? languageHint, PersonalData scope, CancellationToken cancellationToken) =>
        ScrubAsync(text, languageHint, scope, null, cancellationToken);

    /// <param name="marked">Words or phrases the author marked to remove too (the case library, ADR-053).</param>
    public async Task<ScrubResult> ScrubAsync(string text, string? languageHint, PersonalData scope, IReadOnlyCollection<string>? marked, CancellationToken cancellationToken)
    {
        if (text.Length > Scrubber.MaxLength)
        {
            throw new ScrubInputTooLongException(text.Length, Scrubber.MaxLength);
        }

        var roster = RosterNames.Empty;
        if ((scope & PersonalData.EmployeeName) != 0 && rosters.FirstOrDefault() is { } source)
        {
            roster = await source.GetAsync(cancellationToken);
        }

        return Scrubber.Scrub(text, languageHint, roster, scope, marked);
    }
}

/// <summary>The categories as the API writes them ("resident-number", "employee-name").</summary>
public static class PersonalDataCodes
{
    public static string Of(PersonalData category) => category switch
    {
        PersonalData.ResidentNumber => "resident-number",
        PersonalData.ForeignerNumber => "foreigner-number",
        PersonalData.Phone => "phone",
        PersonalData.Email => "email",
        PersonalData.CardNumber => "card-number",
        PersonalData.BankAccount => "bank-account",
        PersonalData.BusinessNumber => "business-number",
        PersonalData.Passport => "passport",
        PersonalData.CarPlate => "car-plate",
        PersonalData.Address => "address",
        PersonalData.CitizenName => "citizen-name",
        PersonalData.EmployeeName => "employee-name",
        PersonalData.Marked => "marked",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "One category, not a set."),
    };
}
