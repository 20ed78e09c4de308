using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServeWell.Web.Modules.People.Employees;
using ServeWell.Web.Platform.City;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.Feedback.Commendations;

/// <summary>One person a citizen may commend: the employee's id (never the badge number) and the name as the city shows it.</summary>
public sealed record StaffChoice(int Id, string Name);

/// <summary>
/// The staff on duty at an office, as citizens may commend them: those a supervisor marked on duty at the touchpoint's own
/// org unit today in the city's calendar (ADR-040), still active there; when nobody is marked, the office's active
/// frontline employees (ADR-037). Named as the city chooses (<see cref="CityOptions.StaffNames"/>). With names hidden
/// there is no one to choose, and the survey and the kiosk leave the question out.
/// </summary>
public sealed class StaffOnDuty(IOptions<CityOptions> city, CityClock clock)
{
    public const int MaxShown = 60;

    public bool Offered => city.Value.StaffNames != StaffNameDisplay.None;

    public async Task<IReadOnlyList<StaffChoice>> AtAsync(ServeWellDbContext db, int orgUnitId, CancellationToken cancellationToken)
    {
        if (!Offered)
        {
            return [];
        }

        var staff = await OnDuty(db, orgUnitId).Select(e => new { e.Id, e.Name }).Take(MaxShown).ToListAsync(cancellationToken);
        return [.. staff.Select(e => new StaffChoice(e.Id, Show(e.Name, city.Value.StaffNames)))
            .OrderBy(s => s.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("ko"), false)).ThenBy(s => s.Id)];
    }

    /// <summary>Whether the citizen may commend this employee at this office; the server's check, whatever a page offered.</summary>
    public Task<bool> IsOnDutyAsync(ServeWellDbContext db, int orgUnitId, int employeeId, CancellationToken cancellationToken) =>
        OnDuty(db, orgUnitId).AnyAsync(e => e.Id == employeeId, cancellationToken);

    private IQueryable<Employee> OnDuty(ServeWellDbContext db, int orgUnitId)
    {
        var today = clock.Today;
        var marked = db.StaffDuties.Where(d => d.OrgUnitId == orgUnitId && d.Date == today);
        return db.Employees.AsNoTracking().Where(e => e.OrgUnitId == orgUnitId && e.Status == EmployeeStatus.Active
            && (marked.Any(d => d.EmployeeId == e.Id) || (e.IsFrontline && !marked.Any())));
    }

    /// <summary>
    /// The name as the city shows it. Family name and initial: a Hangul name keeps its first syllable and hides the
    /// rest ("김민준" → "김○○"); a Latin name "Given Family" (or "Family, Given") becomes "Family G.".
    /// </summary>
    public static string Show(string name, StaffNameDisplay display)
    {
        var trimmed = name.Trim();
        if (display == StaffNameDisplay.Full || trimmed.Length == 0)
        {
            return trimmed;
        }

        if (trimmed.Any(c => c is >= '\uAC00' and <= '\uD7A3'))
        {
            // A Korean name, family name first, spaces or not.
            var compact = trimmed.Replace(" ", "", StringComparison.Ordinal);
            return compact[..1] + new string('○', Math.Max(1, compact.Length - 1));
        }

        if (!trimmed.Contains(' ', StringComparison.Ordinal) && !trimmed.Contains(',', StringComparison.Ordinal))
        {
            return trimmed;
        }

        string family, given;
        if (trimmed.Split(',', 2, StringSplitOptions.TrimEntries) is [var f, var g] && g.Length > 0)
        {
            (family, given) = (f, g);
        }
        else
        {
            var words = trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            (family, given) = (words[^1], words[0]);
        }

        return $"{family} {char.ToUpperInvariant(given[0])}.";
    }
}
