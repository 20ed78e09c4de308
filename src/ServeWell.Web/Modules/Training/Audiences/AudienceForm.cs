namespace ServeWell.Web.Modules.Training.Audiences;

/// <summary>The audience part of the programme form; employee numbers are typed as a list separated by spaces, commas or lines.</summary>
public sealed class AudienceForm
{
    public int? AtOrAboveGrade { get; set; }

    public int? AtOrBelowGrade { get; set; }

    public int? MinServiceYears { get; set; }

    public int? MaxServiceYearsExclusive { get; set; }

    public List<string> OrgUnitCodes { get; set; } = [];

    public bool FrontlineOnly { get; set; }

    public string? Include { get; set; }

    public string? Exclude { get; set; }

    private static readonly char[] Separators = [' ', ',', ';', '\n', '\r', '\t'];

    public AudienceRule ToRule() => new AudienceRule
    {
        AtOrAboveGrade = AtOrAboveGrade,
        AtOrBelowGrade = AtOrBelowGrade,
        MinServiceYears = MinServiceYears,
        MaxServiceYearsExclusive = MaxServiceYearsExclusive,
        OrgUnitCodes = OrgUnitCodes,
        FrontlineOnly = FrontlineOnly,
        Include = Split(Include),
        Exclude = Split(Exclude),
    }.Normalised();

    public static AudienceForm From(AudienceRule rule) => new()
    {
        AtOrAboveGrade = rule.AtOrAboveGrade,
        AtOrBelowGrade = rule.AtOrBelowGrade,
        MinServiceYears = rule.MinServiceYears,
        MaxServiceYearsExclusive = rule.MaxServiceYearsExclusive,
        OrgUnitCodes = [.. rule.OrgUnitCodes ?? []],
        FrontlineOnly = rule.FrontlineOnly == true,
        Include = rule.Include is null ? null : string.Join(' ', rule.Include),
        Exclude = rule.Exclude is null ? null : string.Join(' ', rule.Exclude),
    };

    private static List<string> Split(string? text) => [.. (text ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
