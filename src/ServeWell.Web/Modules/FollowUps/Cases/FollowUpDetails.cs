using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.FollowUps.Contacts;
using ServeWell.Web.Modules.FollowUps.RootCauses;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.FollowUps.Cases;

/// <summary>One case as its page and the API show it: the answer's snapshot, where it stands, and its timeline. Never the contact.</summary>
public sealed record FollowUpView(
    FollowUpCase Case, string OrgUnitCode, string OrgUnitName, string? AssigneeName, RootCause? RootCause,
    bool Overdue, bool HasContact, bool MayHandle, IReadOnlyList<FollowUpEvent> Timeline);

public sealed class FollowUpDetails(ServeWellDbContext db, TimeProvider clock)
{
    /// <summary>The case, or null when it does not exist or lies outside the user's scope (both answer 404).</summary>
    public async Task<FollowUpView?> FindAsync(int id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var scope = await FollowUpScope.ForAsync(user, db, cancellationToken);
        var c = await scope.Apply(db.Set<FollowUpCase>().AsNoTracking())
            .Include(x => x.OrgUnit).Include(x => x.AssignedUser).Include(x => x.RootCause)
            .FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (c is null)
        {
            return null;
        }

        var timeline = await db.Set<FollowUpEvent>().AsNoTracking().Where(e => e.CaseId == id).OrderBy(e => e.AtUtc).ThenBy(e => e.Id).ToListAsync(cancellationToken);
        var hasContact = await db.Set<FollowUpContact>().AnyAsync(x => x.CaseId == id, cancellationToken);
        return new FollowUpView(
            c, c.OrgUnit!.Code, c.OrgUnit.DisplayName(Cultures.ReadsEnglish), c.AssignedUser?.DisplayName, c.RootCause,
            c.IsOverdueAt(clock.GetUtcNow().UtcDateTime), hasContact, scope.MayHandleUnit(c.OrgUnit.Path), timeline);
    }
}
