using ServeWell.Web.Modules.People.Employees;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Modules.People.Grades;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.People.RosterImport;

/// <summary>An employee as the database holds them now, for comparing with a row of the file.</summary>
public sealed record EmployeeSnapshot(
    int Id, string EmployeeNumber, string Name, string Email, string? Phone, int OrgUnitId, int Grade, string Position,
    DateOnly HireDate, bool IsFrontline, EmployeeStatus Status);

/// <summary>A valid row, resolved against the org units. Optional values are null where the file has no such column.</summary>
public sealed record RosterEntry(
    int Row, string EmployeeNumber, string Name, string Email, string? Phone, bool HasPhone, int OrgUnitId, int Grade, string? Position,
    DateOnly HireDate, bool? IsFrontline, EmployeeStatus? Status);

/// <summary>
/// Checks every row of a sheet against the org units, the grade scale and the current employees, and sorts
/// them into creates, updates and unchanged — without writing anything. This is the dry run.
/// </summary>
public sealed class RosterPlan
{
    public List<RosterEntry> Creates { get; } = [];

    public List<(RosterEntry Entry, EmployeeSnapshot Current)> Updates { get; } = [];

    public int Unchanged { get; private set; }

    public List<RosterError> Errors { get; } = [];

    /// <summary>Employees not in the file at all (and not already marked as left).</summary>
    public List<int> Missing { get; } = [];

    public int RowsRead { get; private set; }

    public const int ChangesListed = 500;

    /// <summary>The creates and updates in row order, field by field, up to <see cref="ChangesListed"/>.</summary>
    public IReadOnlyList<RosterChange> DescribeChanges(IReadOnlyDictionary<int, string> unitCodes)
    {
        string Unit(int id) => unitCodes.GetValueOrDefault(id, "?");
        static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var changes = new List<RosterChange>();
        foreach (var c in Creates.Take(ChangesListed))
        {
            changes.Add(new RosterChange(c.Row, c.EmployeeNumber, c.Name, "create",
            [
                new(nameof(RosterColumn.OrgUnitCode), null, Unit(c.OrgUnitId)),
                new(nameof(RosterColumn.Grade), null, c.Grade.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new(nameof(RosterColumn.HireDate), null, Day(c.HireDate)),
            ]));
        }

        foreach (var (e, s) in Updates.Take(ChangesListed - changes.Count))
        {
            var fields = new List<RosterFieldChange>();
            void Diff(RosterColumn field, string? from, string? to)
            {
                if (from != to)
                {
                    fields.Add(new(field.ToString(), from, to));
                }
            }

            Diff(RosterColumn.Name, s.Name, e.Name);
            Diff(RosterColumn.Email, s.Email, e.Email);
            if (e.HasPhone)
            {
                Diff(RosterColumn.Phone, s.Phone, e.Phone);
            }

            Diff(RosterColumn.OrgUnitCode, Unit(s.OrgUnitId), Unit(e.OrgUnitId));
            Diff(RosterColumn.Grade, s.Grade.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Grade.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Diff(RosterColumn.Position, s.Position, e.Position ?? s.Position);
            Diff(RosterColumn.HireDate, Day(s.HireDate), Day(e.HireDate));
            Diff(RosterColumn.Frontline, s.IsFrontline ? "Y" : "N", (e.IsFrontline ?? s.IsFrontline) ? "Y" : "N");
            Diff(RosterColumn.Status, s.Status.ToString(), (e.Status ?? s.Status).ToString());
            changes.Add(new RosterChange(e.Row, e.EmployeeNumber, e.Name, "update", fields));
        }

        return changes.OrderBy(c => c.Row).ToList();
    }

    public static RosterPlan Make(
        RosterSheet sheet, IReadOnlyDictionary<string, (int Id, bool IsActive)> orgUnits, GradeScale scale,
        IReadOnlyDictionary<string, EmployeeSnapshot> current, DateOnly today, IStringLocalizer? l = null, IProgress<int>? progress = null)
    {
        l ??= EnglishOnly.Instance;
        var plan = new RosterPlan { RowsRead = sheet.Rows.Count };
        var rowsOf = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var record in sheet.Rows)
        {
            var number = record[RosterColumn.EmployeeNumber];
            if (!string.IsNullOrEmpty(number))
            {
                if (!rowsOf.TryGetValue(number, out var rows))
                {
                    rowsOf[number] = rows = [];
                }

                rows.Add(record.Row);
            }
        }

        var check = new RowCheck(sheet.Headers, orgUnits, scale, today, l);
        var processed = 0;
        foreach (var record in sheet.Rows)
        {
            if (++processed % 5000 == 0)
            {
                progress?.Report(processed);
            }

            var number = record[RosterColumn.EmployeeNumber] ?? "";
            if (rowsOf.TryGetValue(number, out var sameNumber) && sameNumber.Count > 1)
            {
                var others = sameNumber.Where(row => row != record.Row).Take(5);
                plan.Errors.Add(new RosterError(record.Row, sheet.Headers[RosterColumn.EmployeeNumber], number,
                    l["The employee number {0} appears more than once in the file (also on row {1}).", number, string.Join(", ", others)]));
                continue;
            }

            var entry = check.Validate(record, plan.Errors);
            if (entry is null)
            {
                continue;
            }

            if (!current.TryGetValue(entry.EmployeeNumber, out var existing))
            {
                plan.Creates.Add(entry);
            }
            else if (Differs(entry, existing))
            {
                plan.Updates.Add((entry, existing));
            }
            else
            {
                plan.Unchanged++;
            }
        }

        foreach (var (number, snapshot) in current)
        {
            if (snapshot.Status != EmployeeStatus.Left && !rowsOf.ContainsKey(number))
            {
                plan.Missing.Add(snapshot.Id);
            }
        }

        progress?.Report(processed);
        plan.Errors.Sort((a, b) => a.Row.CompareTo(b.Row));
        return plan;
    }

    public static bool Differs(RosterEntry e, EmployeeSnapshot s) =>
        e.Name != s.Name || e.Email != s.Email || (e.HasPhone && e.Phone != s.Phone) || e.OrgUnitId != s.OrgUnitId || e.Grade != s.Grade
        || (e.Position is not null && e.Position != s.Position) || e.HireDate != s.HireDate
        || (e.IsFrontline is { } f && f != s.IsFrontline) || (e.Status is { } st && st != s.Status);

    private sealed class RowCheck(
        IReadOnlyDictionary<RosterColumn, string> headers, IReadOnlyDictionary<string, (int Id, bool IsActive)> orgUnits, GradeScale scale, DateOnly today, IStringLocalizer l)
    {
        public RosterEntry? Validate(RosterRecord r, List<RosterError> errors)
        {
            var before = errors.Count;
            string Required(RosterColumn c)
            {
                var v = r[c] ?? "";
                if (v.Length == 0)
                {
                    Fail(c, v, l["The {0} is missing; it is required.", l["Field:" + c]]);
                }

                return v;
            }

            void Fail(RosterColumn c, string? value, string message) => errors.Add(new RosterError(r.Row, headers.GetValueOrDefault(c, c.ToString()), value, message));

            var number = Required(RosterColumn.EmployeeNumber);
            if (number.Length > 32)
            {
                Fail(RosterColumn.EmployeeNumber, number, l["An employee number has at most 32 characters."]);
            }

            var name = Required(RosterColumn.Name);
            if (name.Length > 120)
            {
                Fail(RosterColumn.Name, name, l["A name has at most 120 characters."]);
            }

            var email = Required(RosterColumn.Email);
            if (email.Length > 0 && !RosterValues.IsEmail(email))
            {
                Fail(RosterColumn.Email, email, l["This is not a valid email address."]);
            }

            var phone = r[RosterColumn.Phone];
            if (!string.IsNullOrEmpty(phone) && !RosterValues.IsPhone(phone))
            {
                Fail(RosterColumn.Phone, phone, l["This is not a phone number (digits, spaces, +, - and brackets; 6 to 20 digits)."]);
            }

            var unitCode = Required(RosterColumn.OrgUnitCode);
            var unitId = 0;
            if (unitCode.Length > 0)
            {
                if (!orgUnits.TryGetValue(unitCode, out var unit))
                {
                    Fail(RosterColumn.OrgUnitCode, unitCode, l["There is no org unit with this code."]);
                }
                else if (!unit.IsActive)
                {
                    Fail(RosterColumn.OrgUnitCode, unitCode, l["This org unit is deactivated."]);
                }
                else
                {
                    unitId = unit.Id;
                }
            }

            var gradeText = Required(RosterColumn.Grade);
            var grade = 0;
            if (gradeText.Length > 0)
            {
                if (!RosterValues.TryGrade(gradeText, out grade))
                {
                    Fail(RosterColumn.Grade, gradeText, l["This is not a grade; write a number on the scale {0}–{1}.", scale.Lowest, scale.Highest]);
                }
                else if (!scale.Contains(grade))
                {
                    Fail(RosterColumn.Grade, gradeText, l["{0} is not a grade on the scale {1}–{2}.", grade, scale.Lowest, scale.Highest]);
                }
            }

            var position = r[RosterColumn.Position];
            if (position is { Length: > 120 })
            {
                Fail(RosterColumn.Position, position, l["A position has at most 120 characters."]);
            }

            var hiredText = Required(RosterColumn.HireDate);
            var hired = default(DateOnly);
            if (hiredText.Length > 0)
            {
                if (!RosterValues.TryDate(hiredText, out hired))
                {
                    Fail(RosterColumn.HireDate, hiredText, l["This is not a date; write it as yyyy-MM-dd, yyyy.MM.dd or yyyy/MM/dd."]);
                }
                else if (hired > today)
                {
                    Fail(RosterColumn.HireDate, hiredText, l["The hire date is in the future."]);
                }
            }

            bool? frontline = null;
            var frontlineText = r[RosterColumn.Frontline];
            if (!string.IsNullOrEmpty(frontlineText))
            {
                if (RosterValues.TryBool(frontlineText, out var f))
                {
                    frontline = f;
                }
                else
                {
                    Fail(RosterColumn.Frontline, frontlineText, l["Write true or false, Y or N, 예 or 아니오."]);
                }
            }

            EmployeeStatus? status = null;
            var statusText = r[RosterColumn.Status];
            if (!string.IsNullOrEmpty(statusText))
            {
                if (RosterValues.TryStatus(statusText, out var s))
                {
                    status = s;
                }
                else
                {
                    Fail(RosterColumn.Status, statusText, l["Write active, on leave or left (재직, 휴직 or 퇴직)."]);
                }
            }

            if (errors.Count > before)
            {
                return null;
            }

            var hasPhone = r[RosterColumn.Phone] is not null;
            return new RosterEntry(r.Row, number, name, email, string.IsNullOrEmpty(phone) ? null : phone, hasPhone, unitId, grade,
                position, hired, frontline, status);
        }
    }
}
