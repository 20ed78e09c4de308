using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServeWell.Web.Modules.Learning.Courses;
using ServeWell.Web.Platform.City;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Learning.Refreshers;

/// <summary>
/// One course's refreshers for training officers: employees who have questions still asked, and the share of questions
/// that reached the last box. Both are null (withheld) when fewer than the minimum group size of employees in the
/// reader's scope ever had a refresher of the course, so no figure describes one person.
/// </summary>
public sealed record RefresherCourseFigures(int CourseId, LocalText Title, bool Withheld, int? Employees, int? Questions, decimal? ReachedLastBoxPercent);

/// <summary>Refresher figures per course, within the reader's scope (ADR-050); there is no per-employee view for anyone but the employee.</summary>
public sealed class RefresherFigures(ServeWellDbContext db, IOptions<CityOptions> city)
{
    public int Minimum => city.Value.MinimumGroupSize;

    public async Task<IReadOnlyList<RefresherCourseFigures>> ReadAsync(ScopeFilter scope, CancellationToken cancellationToken)
    {
        var people = scope.Apply(db.Employees.AsNoTracking()).Select(e => e.Id);
        var perCourse = await db.RefresherCards.AsNoTracking().Where(c => people.Contains(c.EmployeeId))
            .GroupBy(c => c.CourseId)
            .Select(g => new
            {
                CourseId = g.Key,
                Ever = g.Select(c => c.EmployeeId).Distinct().Count(),
                Active = g.Where(c => c.LeftOn == null).Select(c => c.EmployeeId).Distinct().Count(),
                Questions = g.Count(),
                Last = g.Count(c => c.HighestBox >= LeitnerBoxes.Last),
            })
            .ToListAsync(cancellationToken);
        var courseIds = perCourse.Select(c => c.CourseId).ToList();
        var titles = await db.Courses.AsNoTracking().Where(c => courseIds.Contains(c.Id))
            .Join(db.Programmes, c => c.ProgrammeId, p => p.Id, (c, p) => new { c.Id, p.Title })
            .ToDictionaryAsync(x => x.Id, x => x.Title, cancellationToken);
        return [.. perCourse.Select(c =>
            {
                var withheld = c.Ever < Minimum;
                return new RefresherCourseFigures(
                    c.CourseId, titles.GetValueOrDefault(c.CourseId) ?? LocalText.Empty, withheld, withheld ? null : c.Active, withheld ? null : c.Questions,
                    withheld ? null : Math.Round(100m * c.Last / c.Questions, 1));
            })
            .OrderBy(f => f.Title.ToString(), StringComparer.CurrentCulture)];
    }
}
