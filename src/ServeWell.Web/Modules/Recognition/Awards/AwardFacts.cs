using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Recognition.Rounds;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.Recognition.Awards;

/// <summary>An award as the modules above read it (ADR-064): who, in which unit, for which month, which award. Never the story.</summary>
public sealed record AwardFact(int EmployeeId, string EmployeeName, int OrgUnitId, DateOnly Month, LocalText AwardName);

/// <summary>The read contract Recognition offers the modules above it (Insights): the awards of an org subtree and a span of months.</summary>
public sealed class AwardFacts(ServeWellDbContext db)
{
    /// <summary>Awards for the months <paramref name="first"/> to <paramref name="last"/> (first days) of employees in the subtree at <paramref name="unitPath"/>.</summary>
    public async Task<IReadOnlyList<AwardFact>> InAsync(string unitPath, DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        var rows = await (from a in db.Set<Award>().AsNoTracking()
                          where a.Month >= first && a.Month <= last
                          join u in db.OrgUnits on a.OrgUnitId equals u.Id
                          where u.Path.StartsWith(unitPath)
                          join e in db.Employees on a.EmployeeId equals e.Id
                          join r in db.Set<AwardRound>() on a.RoundId equals r.Id
                          join s in db.Set<AwardScheme>() on r.SchemeId equals s.Id
                          orderby a.Month, a.Id
                          select new { a.EmployeeId, e.Name, a.OrgUnitId, a.Month, s.Name.En, s.Name.Ko })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new AwardFact(r.EmployeeId, r.Name, r.OrgUnitId, r.Month, LocalText.Of(r.En, r.Ko))).ToList();
    }
}
