using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.FollowUps.Cases;

/// <summary>
/// Which cases a user sees (administrators: all, unassigned ones included; supervisors and leadership: their subtree's)
/// and whether they may act on one (administrators, and supervisors whose scope covers it; leadership only reads).
/// </summary>
public sealed record FollowUpScope(bool Everything, string? PathPrefix, bool MayHandle)
{
    public IQueryable<FollowUpCase> Apply(IQueryable<FollowUpCase> cases) =>
        Everything ? cases : PathPrefix is { } p ? cases.Where(c => c.OrgUnit!.Path.StartsWith(p)) : cases.Where(_ => false);

    public bool Covers(string unitPath) => Everything || (PathPrefix is { } p && unitPath.StartsWith(p, StringComparison.Ordinal));

    public bool MayHandleUnit(string unitPath) => MayHandle && Covers(unitPath);

    public static async Task<FollowUpScope> ForAsync(ClaimsPrincipal user, ServeWellDbContext db, CancellationToken cancellationToken)
    {
        if (user.IsInRole(Roles.Administrator))
        {
            return new FollowUpScope(true, null, true);
        }

        // Training officers see all people, but citizens' complaints are not theirs to read.
        if ((user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.Leadership)) && user.ScopeOrgUnitId() is { } unitId)
        {
            var path = await db.OrgUnits.Where(u => u.Id == unitId).Select(u => u.Path).FirstOrDefaultAsync(cancellationToken);
            return new FollowUpScope(false, path, path is not null && user.IsInRole(Roles.Supervisor));
        }

        return new FollowUpScope(false, null, false);
    }
}

/// <summary>Who is acting, as the timeline records it.</summary>
public sealed record FollowUpActor(string? UserId, string Name)
{
    public static readonly FollowUpActor System = new(null, "ServeWell");

    public static FollowUpActor Of(ClaimsPrincipal user) => new(user.FindFirstValue(ClaimTypes.NameIdentifier), user.ShownName());
}
