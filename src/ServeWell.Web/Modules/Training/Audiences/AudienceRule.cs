using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace ServeWell.Web.Modules.Training.Audiences;

/// <summary>
/// Who a programme is for, as a rule over the roster rather than a list of names, so it follows the roster as
/// people join, move and leave. Grades speak in seniority (see GradeScale). An empty rule means everyone.
/// The API takes and returns exactly this shape; it is stored as one JSON document (ADR-006).
/// </summary>
public sealed record AudienceRule
{
    /// <summary>As senior as this grade or more senior.</summary>
    public int? AtOrAboveGrade { get; init; }

    /// <summary>As junior as this grade or more junior.</summary>
    public int? AtOrBelowGrade { get; init; }

    public int? MinServiceYears { get; init; }

    /// <summary>Fewer years of service than this.</summary>
    public int? MaxServiceYearsExclusive { get; init; }

    /// <summary>Org unit codes, each with everything below it; several codes are a union.</summary>
    public IReadOnlyList<string>? OrgUnitCodes { get; init; }

    public bool? FrontlineOnly { get; init; }

    /// <summary>Employee numbers added whatever the rule says.</summary>
    public IReadOnlyList<string>? Include { get; init; }

    /// <summary>Employee numbers removed whatever the rule says.</summary>
    public IReadOnlyList<string>? Exclude { get; init; }

    /// <summary>The same rule with blanks dropped and codes trimmed, so equal rules store equally.</summary>
    public AudienceRule Normalised() => this with
    {
        OrgUnitCodes = Clean(OrgUnitCodes),
        Include = Clean(Include),
        Exclude = Clean(Exclude),
        FrontlineOnly = FrontlineOnly == true ? true : null,
    };

    private static List<string>? Clean(IReadOnlyList<string>? values)
    {
        var list = values?.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).Distinct(StringComparer.Ordinal).ToList();
        return list is { Count: > 0 } ? list : null;
    }
}

/// <summary>How an <see cref="AudienceRule"/> is stored: one JSON text column, the same on SQLite and PostgreSQL.</summary>
public static class AudienceRuleJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Write(AudienceRule rule) => JsonSerializer.Serialize(rule, Options);

    public static AudienceRule Read(string json) =>
        string.IsNullOrWhiteSpace(json) ? new AudienceRule() : JsonSerializer.Deserialize<AudienceRule>(json, Options) ?? new AudienceRule();

    /// <summary>Records compare lists by reference; the change tracker must compare the document instead.</summary>
    public static readonly ValueComparer<AudienceRule> Comparer = new(
        (a, b) => Write(a!) == Write(b!),
        r => Write(r).GetHashCode(StringComparison.Ordinal),
        r => Read(Write(r)));
}
