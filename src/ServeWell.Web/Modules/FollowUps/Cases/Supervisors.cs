using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.FollowUps.Cases;

/// <summary>Supervisor accounts whose scope covers an org unit: who a case goes to, and who it may be handed to.</summary>
public sealed class Supervisors(ServeWellDbContext db, TimeProvider clock)
{
    public sealed record Supervisor(string UserId, string Email, string DisplayName, string? PreferredCulture, string ScopePath, int ScopeDepth);

    /// <summary>Every active supervisor whose scope subtree holds the unit at <paramref name="unitPath"/>, nearest first.</summary>
    public async Task<IReadOnlyList<Supervisor>> CoveringAsync(string unitPath, CancellationToken cancellationToken)
    {
        var rows = await (
                from u in db.Users
                join ur in db.UserRoles on u.Id equals ur.UserId
                join r in db.Roles on ur.RoleId equals r.Id
                join scope in db.OrgUnits on u.ScopeOrgUnitId equals scope.Id
                where r.Name == Roles.Supervisor && u.Email != null
                select new { u.Id, u.Email, u.DisplayName, u.PreferredCulture, u.LockoutEnd, scope.Path, scope.Depth })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return rows
            .Where(r => unitPath.StartsWith(r.Path, StringComparison.Ordinal) && !(r.LockoutEnd > now))
            .OrderByDescending(r => r.Depth).ThenBy(r => r.Email, StringComparer.OrdinalIgnoreCase)
            .Select(r => new Supervisor(r.Id, r.Email!, r.DisplayName, r.PreferredCulture, r.Path, r.Depth))
            .ToList();
    }

    /// <summary>The supervisors of the nearest level that has any: the office's own, else the one above it, and so on.</summary>
    public async Task<IReadOnlyList<Supervisor>> NearestAsync(string unitPath, CancellationToken cancellationToken)
    {
        var covering = await CoveringAsync(unitPath, cancellationToken);
        return covering.Count == 0 ? [] : covering.Where(s => s.ScopeDepth == covering[0].ScopeDepth).ToList();
    }
}
