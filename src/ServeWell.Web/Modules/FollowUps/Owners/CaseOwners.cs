using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.FollowUps.Cases;
using ServeWell.Web.Modules.FollowUps.Notices;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.FollowUps.Owners;

/// <summary>
/// No case without an owner (ADR-029): a case goes to the nearest supervisors up the org tree from its office; when none
/// covers it, to the first active account of the fallback role an administrator chose (or stays unassigned when the
/// fallback is "none"). A supervisor whose scope later comes to cover such a case takes it over.
/// </summary>
public sealed class CaseOwners(ServeWellDbContext db, Supervisors supervisors, TimeProvider clock)
{
    public sealed record Owner(string UserId, string DisplayName);

    public async Task<OwnerFallback> FallbackAsync(CancellationToken cancellationToken) =>
        await db.Set<FollowUpSettings>().AsNoTracking().Where(s => s.Id == FollowUpSettings.SingletonId)
            .Select(s => (OwnerFallback?)s.OwnerFallback).FirstOrDefaultAsync(cancellationToken) ?? OwnerFallback.None;

    /// <summary>The account a case nobody covers goes to: the fallback role's first active account by email; null for none.</summary>
    public async Task<Owner?> FallbackOwnerAsync(CancellationToken cancellationToken)
    {
        if (FollowUpSettings.RoleOf(await FallbackAsync(cancellationToken)) is not { } role)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var candidates = await (
                from u in db.Users
                join ur in db.UserRoles on u.Id equals ur.UserId
                join r in db.Roles on ur.RoleId equals r.Id
                where r.Name == role && u.Email != null
                select new { u.Id, u.Email, u.DisplayName, u.LockoutEnd })
            .AsNoTracking().ToListAsync(cancellationToken);
        return candidates.Where(u => !(u.LockoutEnd > now)).OrderBy(u => u.Email, StringComparer.OrdinalIgnoreCase)
            .Select(u => new Owner(u.Id, u.DisplayName)).FirstOrDefault();
    }

    /// <summary>
    /// Gives every open case without a supervisor owner (unassigned, or held by the fallback) to the nearest supervisors
    /// that now cover its office, and every still unassigned one to the fallback owner; answers how many cases moved.
    /// </summary>
    public async Task<int> AdoptAsync(CancellationToken cancellationToken)
    {
        var cases = await db.Set<FollowUpCase>().Include(c => c.OrgUnit)
            .Where(c => (c.State == FollowUpState.New || c.State == FollowUpState.Contacted) && (c.AssignedUserId == null || c.OwnedByFallback))
            .OrderBy(c => c.Id).Take(500).ToListAsync(cancellationToken);
        if (cases.Count == 0)
        {
            return 0;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        Owner? fallback = null;
        var fallbackRead = false;
        var moved = 0;
        foreach (var c in cases)
        {
            var nearest = await supervisors.NearestAsync(c.OrgUnit!.Path, cancellationToken);
            if (nearest.Count > 0)
            {
                Assign(c, nearest[0].UserId, nearest[0].DisplayName, byFallback: false, now);
                foreach (var s in nearest)
                {
                    db.Add(new FollowUpNotice { CaseId = c.Id, Kind = FollowUpNoticeKind.Assigned, RecipientUserId = s.UserId, CreatedAtUtc = now });
                }

                moved++;
                continue;
            }

            if (c.AssignedUserId is not null)
            {
                continue;
            }

            if (!fallbackRead)
            {
                fallback = await FallbackOwnerAsync(cancellationToken);
                fallbackRead = true;
            }

            if (fallback is not null)
            {
                Assign(c, fallback.UserId, fallback.DisplayName, byFallback: true, now);
                db.Add(new FollowUpNotice { CaseId = c.Id, Kind = FollowUpNoticeKind.Assigned, RecipientUserId = fallback.UserId, CreatedAtUtc = now });
                moved++;
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return moved;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone acted on one of the cases meanwhile (a handler, or another node adopting); the next pass sees it anew.
            db.ChangeTracker.Clear();
            return 0;
        }
    }

    private void Assign(FollowUpCase c, string userId, string name, bool byFallback, DateTime now)
    {
        c.AssignedUserId = userId;
        c.OwnedByFallback = byFallback;
        c.Version++;
        db.Add(new FollowUpEvent
        {
            CaseId = c.Id, AtUtc = now, Kind = FollowUpEventKind.Reassigned, ActorName = FollowUpActor.System.Name, Detail = name,
        });
    }
}
