using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.People.Employees;
using ServeWell.Web.Modules.People.OrgUnits;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Platform.Security;

/// <summary>
/// Which part of the organisation the current user may see. Administrators and training officers see
/// everything; supervisors and leadership see the subtree of their scope unit; everyone else sees no one
/// but themself.
/// </summary>
public sealed record ScopeFilter(bool Everything, string? PathPrefix, int? OwnEmployeeId)
{
    public static readonly ScopeFilter Nothing = new(false, null, null);

    public bool SeesOthers => Everything || PathPrefix is not null;

    public IQueryable<OrgUnit> Apply(IQueryable<OrgUnit> units) =>
        Everything ? units : PathPrefix is { } p ? units.Where(u => u.Path.StartsWith(p)) : units.Where(_ => false);

    public IQueryable<Employee> Apply(IQueryable<Employee> employees) =>
        Everything ? employees
        : PathPrefix is { } p ? employees.Where(e => e.OrgUnit!.Path.StartsWith(p) || e.Id == OwnEmployeeId)
        : OwnEmployeeId is { } own ? employees.Where(e => e.Id == own)
        : employees.Where(_ => false);

    public bool Covers(string orgUnitPath) => Everything || (PathPrefix is { } p && orgUnitPath.StartsWith(p, StringComparison.Ordinal));
}

public sealed class StaffScope(IHttpContextAccessor accessor, ServeWellDbContext db)
{
    private ScopeFilter? _cached;

    public async Task<ScopeFilter> GetAsync(CancellationToken cancellationToken)
    {
        if (_cached is not null)
        {
            return _cached;
        }

        var user = accessor.HttpContext?.User ?? new ClaimsPrincipal();
        _cached = await ForAsync(user, db, cancellationToken);
        return _cached;
    }

    public static async Task<ScopeFilter> ForAsync(ClaimsPrincipal user, ServeWellDbContext db, CancellationToken cancellationToken)
    {
        var own = user.EmployeeId();
        if (user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.TrainingOfficer))
        {
            return new ScopeFilter(true, null, own);
        }

        if (Roles.Scoped.Any(user.IsInRole) && user.ScopeOrgUnitId() is { } unitId)
        {
            var path = await db.OrgUnits.Where(u => u.Id == unitId).Select(u => u.Path).FirstOrDefaultAsync(cancellationToken);
            return path is null ? new ScopeFilter(false, null, own) : new ScopeFilter(false, path, own);
        }

        return new ScopeFilter(false, null, own);
    }
}
