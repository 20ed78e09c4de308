namespace ServeWell.Web.Platform.Privacy;

/// <summary>
/// What the scrubber finds (ADR-052). A finding has exactly one of these; a set of them chooses what a caller scrubs
/// (the feedback intake keeps names, the case library removes them too).
/// </summary>
[Flags]
public enum PersonalData
{
    None = 0,
    ResidentNumber = 1 << 0,
    ForeignerNumber = 1 << 1,
    Phone = 1 << 2,
    Email = 1 << 3,
    CardNumber = 1 << 4,
    BankAccount = 1 << 5,
    BusinessNumber = 1 << 6,
    Passport = 1 << 7,
    CarPlate = 1 << 8,
    Address = 1 << 9,
    CitizenName = 1 << 10,
    EmployeeName = 1 << 11,

    /// <summary>A word or phrase the author marked to remove (a shop's name, a nickname): a placeholder like a name (ADR-053).</summary>
    Marked = 1 << 12,

    Names = CitizenName | EmployeeName,
    NumbersAndContacts = ResidentNumber | ForeignerNumber | Phone | Email | CardNumber | BankAccount | BusinessNumber | Passport | CarPlate | Address,
    All = NumbersAndContacts | Names | Marked,
}

/// <summary>
/// The markers written in place of what was removed, in the text's own language (ADR-030): a Korean text gets Korean
/// markers whatever the reader's language, because the marker is part of the stored text. Names become placeholders
/// instead (<see cref="Placeholder"/>), so the story still reads.
/// </summary>
public static class PersonalDataMarkers
{
    private static readonly Dictionary<PersonalData, (string Ko, string En)> ByCategory = new()
    {
        [PersonalData.ResidentNumber] = ("[주민등록번호 삭제]", "[ID number removed]"),
        [PersonalData.ForeignerNumber] = ("[외국인등록번호 삭제]", "[foreigner ID removed]"),
        [PersonalData.Phone] = ("[전화번호 삭제]", "[phone removed]"),
        [PersonalData.Email] = ("[이메일 삭제]", "[email removed]"),
        [PersonalData.CardNumber] = ("[카드번호 삭제]", "[card number removed]"),
        [PersonalData.BankAccount] = ("[계좌번호 삭제]", "[account number removed]"),
        [PersonalData.BusinessNumber] = ("[사업자등록번호 삭제]", "[business number removed]"),
        [PersonalData.Passport] = ("[여권번호 삭제]", "[passport number removed]"),
        [PersonalData.CarPlate] = ("[차량번호 삭제]", "[plate number removed]"),
        [PersonalData.Address] = ("[주소 삭제]", "[address removed]"),
    };

    /// <summary>Every marker in both languages, so readers of scrubbed text (the comment terms) can leave them out.</summary>
    public static readonly IReadOnlyList<string> All = [.. ByCategory.Values.SelectMany(m => new[] { m.Ko, m.En })];

    public static string For(PersonalData category, bool korean) =>
        ByCategory.TryGetValue(category, out var m) ? korean ? m.Ko : m.En
            : throw new ArgumentOutOfRangeException(nameof(category), category, "Names take a placeholder, not a marker.");

    /// <summary>"민원인 A", "직원 B" in Korean text; "Citizen A", "Employee B" in English. Index 0 is A; after Z come AA, AB…</summary>
    public static string Placeholder(PersonalData category, int index, bool korean)
    {
        var role = (category, korean) switch
        {
            (PersonalData.EmployeeName, true) => "직원",
            (PersonalData.EmployeeName, false) => "Employee",
            (PersonalData.CitizenName, true) => "민원인",
            (PersonalData.CitizenName, false) => "Citizen",
            (PersonalData.Marked, true) => "비공개",
            (PersonalData.Marked, false) => "Withheld",
            _ => throw new ArgumentOutOfRangeException(nameof(category), category, "Only names and marked phrases take a placeholder."),
        };
        return role + " " + Letters(index);
    }

    private static string Letters(int index) =>
        index < 26 ? ((char)('A' + index)).ToString() : Letters((index / 26) - 1) + (char)('A' + (index % 26));
}
