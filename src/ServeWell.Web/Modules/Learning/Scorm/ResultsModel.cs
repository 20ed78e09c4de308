using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Learning.Scorm;

/// <summary>
/// Each learner's attempt at each item of a purchased course (ADR-046): status, score, time and last activity in city time,
/// for the people in the reader's scope — everyone for training officers, a supervisor's own org subtree (as compliance).
/// </summary>
[Authorize(Policy = Policies.ViewCompliance)]
public sealed class ResultsModel(ServeWellDbContext db, StaffScope scope) : PageModel
{
    /// <summary>The page lists this many attempts at most, the most recent first; the count says how many there are.</summary>
    public const int MaxRows = 500;

    public sealed record Row(
        string EmployeeNumber, string Name, string Unit, string UnitEn, string Item, string Status, string Success,
        decimal? Score, decimal? ScoreMax, decimal Seconds, DateTime LastAt);

    public ScormPackage Package { get; private set; } = null!;

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public int Total { get; private set; }

    public bool SeesEveryone { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await db.Set<ScormPackage>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken) is not { } package)
        {
            return NotFound();
        }

        Package = package;
        var filter = await scope.GetAsync(cancellationToken);
        SeesEveryone = filter.Everything;
        var attempts =
            from a in db.Set<ScormAttempt>().AsNoTracking()
            join s in db.Set<ScormSco>() on a.ScoId equals s.Id
            join e in filter.Apply(db.Employees.AsNoTracking()) on a.EmployeeId equals e.Id
            where s.PackageId == id
            select new { a, s.Title, s.Position, e.EmployeeNumber, e.Name, Unit = e.OrgUnit!.Name, UnitEn = e.OrgUnit.NameEn };
        Total = await attempts.CountAsync(cancellationToken);
        var rows = await attempts.OrderByDescending(x => x.a.LastCommitAt ?? x.a.StartedAt).ThenBy(x => x.EmployeeNumber).ThenBy(x => x.Position)
            .Take(MaxRows).ToListAsync(cancellationToken);
        Rows = [.. rows.Select(x => new Row(
            x.EmployeeNumber, x.Name, x.Unit, x.UnitEn ?? x.Unit, x.Title, x.a.LessonStatus, x.a.SuccessStatus, x.a.ScoreRaw, x.a.ScoreMax,
            x.a.TotalSeconds + x.a.SessionSeconds, x.a.LastCommitAt ?? x.a.StartedAt))];
        return Page();
    }

    /// <summary>Time spent as whole minutes (rounded up, so a started item never reads 0), for the view to word.</summary>
    public static (int Hours, int Minutes) Duration(decimal seconds)
    {
        var minutes = (int)Math.Ceiling(seconds / 60m);
        return (minutes / 60, minutes % 60);
    }

    public static string Number(decimal value) => value.ToString("0.##", CultureInfo.CurrentCulture);
}
