using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.People.Grades;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.People.Employees;

/// <summary>The filters of the employee list, shared by the page and the API. Grades speak in seniority.</summary>
public sealed class EmployeeFilter
{
    /// <summary>An org unit code; the unit and all units below it.</summary>
    public string? OrgUnit { get; set; }

    /// <summary>Several org unit codes: everyone in any of their subtrees (a union). Used by training audiences.</summary>
    public IReadOnlyList<string>? OrgUnits { get; set; }

    /// <summary>As senior as this grade or more senior.</summary>
    public int? AtOrAboveGrade { get; set; }

    /// <summary>As junior as this grade or more junior.</summary>
    public int? AtOrBelowGrade { get; set; }

    public int? MinServiceYears { get; set; }

    /// <summary>Fewer years of service than this.</summary>
    public int? MaxServiceYearsExclusive { get; set; }

    public bool? Frontline { get; set; }

    public EmployeeStatus? Status { get; set; }

    /// <summary>Part of a name, employee number or email.</summary>
    public string? Q { get; set; }

    public int Page { get; set; } = 1;

    public int PageSize { get; set; } = 50;

    public const int MaxPageSize = 500;
}

public sealed record EmployeeRow(
    int Id, string EmployeeNumber, string Name, string Email, string OrgUnitCode, string OrgUnitName, string? OrgUnitNameEn,
    int Grade, string Position, DateOnly HireDate, bool IsFrontline, EmployeeStatus Status);

public sealed record EmployeePage(IReadOnlyList<EmployeeRow> Items, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public sealed class EmployeeDirectory(ServeWellDbContext db, StaffScope scope, TimeProvider clock)
{
    public async Task<EmployeePage> SearchAsync(EmployeeFilter filter, CancellationToken cancellationToken)
    {
        var query = await FilterAsync(filter, cancellationToken);
        var pageSize = Math.Clamp(filter.PageSize, 1, EmployeeFilter.MaxPageSize);
        var page = Math.Max(1, filter.Page);
        var total = await query.CountAsync(cancellationToken);
        var items = await query
            .OrderBy(e => e.EmployeeNumber)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(e => new EmployeeRow(e.Id, e.EmployeeNumber, e.Name, e.Email, e.OrgUnit!.Code, e.OrgUnit.Name, e.OrgUnit.NameEn,
                e.Grade, e.Position, e.HireDate, e.IsFrontline, e.Status))
            .ToListAsync(cancellationToken);
        return new EmployeePage(items, total, page, pageSize);
    }

    /// <summary>The employees the current user may see, narrowed by <paramref name="filter"/>.</summary>
    public async Task<IQueryable<Employee>> FilterAsync(EmployeeFilter filter, CancellationToken cancellationToken)
    {
        var access = await scope.GetAsync(cancellationToken);
        return await NarrowAsync(access.Apply(db.Employees.AsNoTracking()), filter, cancellationToken);
    }

    /// <summary>
    /// The whole roster narrowed by <paramref name="filter"/>, whoever asks: for organisation-wide rules such as a
    /// training audience, which must mean the same people for every reader (and for the demo seed, which has no user).
    /// </summary>
    public Task<IQueryable<Employee>> FilterRosterAsync(EmployeeFilter filter, CancellationToken cancellationToken) =>
        NarrowAsync(db.Employees.AsNoTracking(), filter, cancellationToken);

    private async Task<IQueryable<Employee>> NarrowAsync(IQueryable<Employee> query, EmployeeFilter filter, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(filter.OrgUnit))
        {
            var code = filter.OrgUnit.Trim();
            var path = await db.OrgUnits.Where(u => u.Code == code).Select(u => u.Path).FirstOrDefaultAsync(cancellationToken) ?? "-none-";
            query = query.Where(e => e.OrgUnit!.Path.StartsWith(path));
        }

        if (filter.OrgUnits is { Count: > 0 } codes)
        {
            // The tree is small (hundreds of units), so the union of subtrees becomes a list of unit ids in
            // memory; one IN list translates the same on every provider, unlike an OR of prefix matches.
            var wanted = codes.Select(c => c.Trim()).ToList();
            var paths = await db.OrgUnits.Where(u => wanted.Contains(u.Code)).Select(u => u.Path).ToListAsync(cancellationToken);
            var units = await db.OrgUnits.Select(u => new { u.Id, u.Path }).ToListAsync(cancellationToken);
            var ids = units.Where(u => paths.Any(p => u.Path.StartsWith(p, StringComparison.Ordinal))).Select(u => u.Id).ToList();
            query = query.Where(e => ids.Contains(e.OrgUnitId));
        }

        if (filter.AtOrAboveGrade is not null || filter.AtOrBelowGrade is not null)
        {
            var scale = await db.GradeScales.CurrentAsync(cancellationToken);
            var (min, max) = scale.NumericRange(filter.AtOrAboveGrade, filter.AtOrBelowGrade);
            query = query.Where(e => e.Grade >= min && e.Grade <= max);
        }

        // Years of service become hire-date bounds, so the database can use plain comparisons.
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (filter.MinServiceYears is { } minYears)
        {
            var hiredBy = today.AddYears(-minYears);
            query = query.Where(e => e.HireDate <= hiredBy);
        }

        if (filter.MaxServiceYearsExclusive is { } maxYears)
        {
            var hiredAfter = today.AddYears(-maxYears);
            query = query.Where(e => e.HireDate > hiredAfter);
        }

        if (filter.Frontline is { } frontline)
        {
            query = query.Where(e => e.IsFrontline == frontline);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(e => e.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim().ToLowerInvariant();
#pragma warning disable CA1304 // translated to SQL lower(); it never runs in .NET, so no culture applies
            query = query.Where(e => e.Name.ToLower().Contains(q) || e.EmployeeNumber.ToLower().Contains(q) || e.Email.ToLower().Contains(q));
#pragma warning restore CA1304
        }

        return query;
    }
}
