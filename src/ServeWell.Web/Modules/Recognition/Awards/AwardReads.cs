using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Recognition.Rounds;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.Recognition.Awards;

/// <summary>An award on the public wall: the employee, their office, the month and the story; never who told it.</summary>
public sealed record WallEntry(string Month, string Name, string Office, string Award, string Story);

/// <summary>Reads of awards: an employee's own (their record), and the public wall (consenting awardees only).</summary>
public sealed class AwardReads(ServeWellDbContext db)
{
    public async Task<IReadOnlyList<AwardDto>> OfEmployeeAsync(int? employeeId, CancellationToken cancellationToken)
    {
        if (employeeId is not { } id)
        {
            return [];
        }

        var english = IsEnglish;
        var rows = await db.Set<Award>().AsNoTracking().Where(a => a.EmployeeId == id).OrderByDescending(a => a.Month)
            .Join(db.OrgUnits, a => a.OrgUnitId, u => u.Id, (a, u) => new { a, u.Name, u.NameEn }).ToListAsync(cancellationToken);
        return rows.Select(r => new AwardDto(r.a.Id, r.a.Month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
            english ? r.NameEn ?? r.Name : r.Name, r.a.Story, r.a.ShownOnWall, r.a.CertificateCode)).ToList();
    }

    public async Task<IReadOnlyList<WallEntry>> WallAsync(int months, CancellationToken cancellationToken)
    {
        var english = IsEnglish;
        var rows = await (from a in db.Set<Award>().AsNoTracking()
                          where a.ShownOnWall
                          join e in db.Employees on a.EmployeeId equals e.Id
                          join u in db.OrgUnits on a.OrgUnitId equals u.Id
                          join r in db.Set<AwardRound>() on a.RoundId equals r.Id
                          join s in db.Set<AwardScheme>() on r.SchemeId equals s.Id
                          orderby a.Month descending, a.Id
                          select new { a.Month, e.Name, Office = u.Name, OfficeEn = u.NameEn, s.Name.Ko, s.Name.En, a.Story })
            .Take(Math.Clamp(months, 1, 60) * 20).ToListAsync(cancellationToken);
        return rows.Select(r => new WallEntry(r.Month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), r.Name,
            english ? r.OfficeEn ?? r.Office : r.Office, english && r.En.Length > 0 ? r.En : r.Ko.Length > 0 ? r.Ko : r.En, r.Story)).ToList();
    }

    private static bool IsEnglish => System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
}
