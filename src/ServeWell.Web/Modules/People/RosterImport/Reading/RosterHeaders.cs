using System.Collections.Frozen;
using System.Text;

namespace ServeWell.Web.Modules.People.RosterImport;

/// <summary>The header names ServeWell recognises, in English (snake_case) and Korean.</summary>
internal static class RosterHeaders
{
    public static readonly int ColumnCount = Enum.GetValues<RosterColumn>().Length;

    public static readonly IReadOnlyList<RosterColumn> Required =
    [
        RosterColumn.EmployeeNumber,
        RosterColumn.Name,
        RosterColumn.Email,
        RosterColumn.OrgUnitCode,
        RosterColumn.Grade,
        RosterColumn.HireDate,
    ];

    private static readonly (RosterColumn Column, string English, string Korean, string[] Aliases)[] Definitions =
    [
        (RosterColumn.EmployeeNumber, "employee_number", "사번", []),
        (RosterColumn.Name, "name", "성명", ["이름"]),
        // "E-mail" is how many HR systems spell it; after normalisation it becomes e_mail.
        (RosterColumn.Email, "email", "이메일", ["e_mail"]),
        (RosterColumn.Phone, "phone", "전화번호", []),
        (RosterColumn.OrgUnitCode, "org_unit_code", "부서코드", []),
        (RosterColumn.Grade, "grade", "직급", []),
        (RosterColumn.Position, "position", "직위", []),
        (RosterColumn.HireDate, "hire_date", "입사일", []),
        (RosterColumn.Frontline, "frontline", "민원담당", []),
        (RosterColumn.Status, "status", "상태", []),
    ];

    private static readonly FrozenDictionary<string, RosterColumn> ByName = BuildLookup();

    public static string EnglishName(RosterColumn column) => Definition(column).English;

    public static string KoreanName(RosterColumn column) => Definition(column).Korean;

    /// <summary>Both names, as error messages show them: "hire_date" (입사일).</summary>
    public static string Describe(RosterColumn column) => $"\"{EnglishName(column)}\" ({KoreanName(column)})";

    public static bool TryMatch(string header, out RosterColumn column) =>
        ByName.TryGetValue(Normalize(header), out column);

    /// <summary>
    /// Lower-cases and turns runs of spaces, hyphens and underscores into one underscore, so
    /// "Employee Number", "employee-number" and "EMPLOYEE_NUMBER" all match.
    /// </summary>
    internal static string Normalize(string header)
    {
        // A BOM can survive at the start of the first header when a file was concatenated or re-saved oddly.
        var text = header.Trim().Trim('\uFEFF').Trim();
        var builder = new StringBuilder(text.Length);
        var pendingSeparator = false;
        foreach (var c in text)
        {
            if (c is ' ' or '-' or '_' or '\u00A0')
            {
                pendingSeparator = builder.Length > 0;
                continue;
            }

            if (pendingSeparator)
            {
                builder.Append('_');
                pendingSeparator = false;
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    // Looked up by value rather than by index so the table does not silently depend on the enum's order.
    private static (RosterColumn Column, string English, string Korean, string[] Aliases) Definition(RosterColumn column) =>
        Array.Find(Definitions, d => d.Column == column);

    private static FrozenDictionary<string, RosterColumn> BuildLookup()
    {
        var lookup = new Dictionary<string, RosterColumn>(StringComparer.Ordinal);
        foreach (var (column, english, korean, aliases) in Definitions)
        {
            lookup.Add(english, column);
            lookup.Add(korean, column);
            foreach (var alias in aliases)
            {
                lookup.Add(alias, column);
            }
        }

        return lookup.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
