using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.FollowUps.Safeguards;
using ServeWell.Web.Modules.Protection.Support;
using ServeWell.Web.Platform.City;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.Protection.Encounters;

/// <summary>
/// Staff protection at the follow-up case (ADR-062): the flag's page, the encounter an earlier flag opened, and the
/// restrictions in force today (the city's day) on the case's complainant, recognised by the keyed hash of the case's
/// phone or email. The case page asks only for those who may handle the case; the encounter is linked only for who may
/// read it (ADR-062, addendum), so a handler of another unit's employee's case meets no 404.
/// </summary>
public sealed class FollowUpSafeguards(ServeWellDbContext db, FlagAbuse flags, CityClock city) : ICaseSafeguards
{
    public static string FlagUrlOf(int caseId) => $"/Protection/Flag/Case/{caseId}";

    public async Task<CaseSafeguards> ForCaseAsync(int caseId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var encounter = await db.ProtectionEncounters.Where(e => e.FollowUpCaseId == caseId)
            .Select(e => new { e.Id, e.EmployeeId, e.Employee!.OrgUnit!.Path }).FirstOrDefaultAsync(cancellationToken);
        var readable = encounter is not null
            && (await EncounterReader.ForAsync(user, db, cancellationToken)).ViewOf(encounter.EmployeeId, encounter.Path) != EncounterView.None;
        var keys = await flags.ComplainantKeysOfCaseAsync(caseId, cancellationToken);
        var today = city.Today;
        var restrictions = keys.Count == 0 ? [] : await db.ProtectionRestrictions.AsNoTracking()
            .Where(r => keys.Contains(r.ComplainantKey) && r.StartsOn <= today && r.EndsOn >= today)
            .OrderBy(r => r.EndsOn).Select(r => new { r.Scope, r.EndsOn }).ToListAsync(cancellationToken);
        return new CaseSafeguards(
            FlagUrlOf(caseId),
            encounter is not null,
            readable ? $"/Protection/Encounters/{encounter!.Id}" : null,
            [.. restrictions.Select(r => new ComplainantRestriction(ProtectionActions.Scopes.First(s => s.Value == r.Scope).Label, r.EndsOn))]);
    }
}
