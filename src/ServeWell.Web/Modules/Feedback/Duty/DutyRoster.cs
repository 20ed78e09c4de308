using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Modules.People.Employees;
using ServeWell.Web.Modules.People.OrgUnits;
using ServeWell.Web.Platform.City;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Feedback.Duty;

/// <summary>One of the office's active staff, and whether they are marked on duty that day.</summary>
public sealed record DutyStaff(int Id, string EmployeeNumber, string Name, bool IsFrontline, bool OnDuty);

/// <summary>
/// An office's duty for a day: its active staff with their marks. <paramref name="Marked"/> false means nobody is marked,
/// so citizens are offered the office's active frontline staff instead (ADR-037's stand-in).
/// </summary>
public sealed record DutyDay(OrgUnit Office, DateOnly Date, bool Marked, IReadOnlyList<DutyStaff> Staff)
{
    public IEnumerable<DutyStaff> Offered => Marked ? Staff.Where(s => s.OnDuty) : Staff.Where(s => s.IsFrontline);
}

/// <summary>
/// Who is on duty at an office on a day (ADR-040): read and marked by supervisors for the offices of their subtree and by
/// administrators for all. A save replaces the day's marks as a whole, or changes nothing.
/// </summary>
public sealed class DutyRoster(ServeWellDbContext db, StaffScope scope, CityClock clock, IStringLocalizer<SharedResource> l)
{
    /// <summary>How far ahead a day's duty may be marked.</summary>
    public const int DaysAhead = 31;

    public sealed record Problem(string Field, string Message);

    /// <summary>The offices in the user's scope that take citizens' answers (an active touchpoint).</summary>
    public async Task<IReadOnlyList<OrgUnit>> OfficesAsync(CancellationToken cancellationToken)
    {
        var filter = await scope.GetAsync(cancellationToken);
        return await filter.Apply(db.OrgUnits.AsNoTracking())
            .Where(u => u.IsActive && db.Touchpoints.Any(t => t.OrgUnitId == u.Id && t.RetiredAt == null))
            .OrderBy(u => u.Name).ThenBy(u => u.Code)
            .ToListAsync(cancellationToken);
    }

    /// <summary>The office with this code, if the user's scope covers it; otherwise none, as if it did not exist.</summary>
    public async Task<OrgUnit?> OfficeAsync(string code, CancellationToken cancellationToken)
    {
        var filter = await scope.GetAsync(cancellationToken);
        return await filter.Apply(db.OrgUnits.AsNoTracking()).FirstOrDefaultAsync(u => u.Code == code, cancellationToken);
    }

    public async Task<DutyDay> ReadAsync(OrgUnit office, DateOnly date, CancellationToken cancellationToken)
    {
        var marked = await Marks(office.Id, date).Select(d => d.EmployeeId).ToListAsync(cancellationToken);
        var staff = await Active(office.Id)
            .Select(e => new { e.Id, e.EmployeeNumber, e.Name, e.IsFrontline })
            .ToListAsync(cancellationToken);
        var onDuty = marked.ToHashSet();
        return new DutyDay(office, date, onDuty.Count > 0,
        [
            .. staff.Select(e => new DutyStaff(e.Id, e.EmployeeNumber, e.Name, e.IsFrontline, onDuty.Contains(e.Id)))
                .OrderBy(s => s.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("ko"), false)).ThenBy(s => s.EmployeeNumber, StringComparer.Ordinal),
        ]);
    }

    /// <summary>
    /// Makes exactly <paramref name="employeeIds"/> the office's staff on duty that day (none: back to the frontline
    /// staff). Every id must be an active employee of the office, and the day from today to <see cref="DaysAhead"/> days on.
    /// </summary>
    public async Task<IReadOnlyList<Problem>> SaveAsync(OrgUnit office, DateOnly date, IReadOnlyCollection<int> employeeIds, CancellationToken cancellationToken)
    {
        var today = clock.Today;
        if (date < today || date > today.AddDays(DaysAhead))
        {
            return [new("date", l["{0} cannot be marked: choose a day from today ({1}) to {2} days ahead.", date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), DaysAhead])];
        }

        var wanted = employeeIds.ToHashSet();
        var known = await Active(office.Id).Where(e => wanted.Contains(e.Id)).Select(e => e.Id).ToListAsync(cancellationToken);
        if (wanted.Except(known).ToList() is { Count: > 0 } strangers)
        {
            var named = await db.Employees.AsNoTracking().Where(e => strangers.Contains(e.Id))
                .Select(e => e.Name + " (" + e.EmployeeNumber + ")").ToListAsync(cancellationToken);
            return [new("staff", l["{0}: not among the active staff of {1}.", string.Join(", ", named.Count > 0 ? named.Order(StringComparer.Ordinal) : strangers.Order().Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))), office.Name])];
        }

        var existing = await db.StaffDuties.Where(d => d.OrgUnitId == office.Id && d.Date == date).ToListAsync(cancellationToken);
        db.StaffDuties.RemoveRange(existing.Where(d => !wanted.Contains(d.EmployeeId)));
        db.StaffDuties.AddRange(wanted.Except(existing.Select(d => d.EmployeeId)).Order()
            .Select(id => new StaffDuty { OrgUnitId = office.Id, Date = date, EmployeeId = id }));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two people saved the same day at once; the other's list stands.
            db.ChangeTracker.Clear();
            return [new("staff", l["Someone else changed this list at the same time. Look at it again and save once more."])];
        }

        return [];
    }

    /// <summary>Today's duty as yesterday's, less those no longer active at the office; returns how many are on duty.</summary>
    public async Task<(int Count, IReadOnlyList<Problem> Problems)> CopyYesterdayAsync(OrgUnit office, CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var yesterday = today.AddDays(-1);
        var ids = await Active(office.Id).Where(e => Marks(office.Id, yesterday).Any(d => d.EmployeeId == e.Id)).Select(e => e.Id).ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return (0, [new("staff", l["Nobody was marked on duty yesterday, so there is nothing to copy."])]);
        }

        return (ids.Count, await SaveAsync(office, today, ids, cancellationToken));
    }

    private IQueryable<StaffDuty> Marks(int officeId, DateOnly date) => db.StaffDuties.AsNoTracking().Where(d => d.OrgUnitId == officeId && d.Date == date);

    private IQueryable<Employee> Active(int officeId) =>
        db.Employees.AsNoTracking().Where(e => e.OrgUnitId == officeId && e.Status == EmployeeStatus.Active);
}
