using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Training.Programmes;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Learning.Courses;

public sealed record CourseListRow(int ProgrammeId, LocalText Title, Delivery Delivery, int? CourseId, int? LatestVersion, int Lessons);

/// <summary>The self-study and blended programmes and their courses; a course is made on first edit.</summary>
[Authorize(Policy = Policies.ManageTraining)]
public sealed class CoursesModel(ServeWellDbContext db, EditCourse edit) : PageModel
{
    public IReadOnlyList<CourseListRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // Extension properties cannot appear inside a query expression; the sets are captured instead.
        var courseSet = db.Courses;
        var versions = db.CourseVersions;
        var programmes = await db.Programmes.AsNoTracking()
            .Where(p => p.Delivery == Delivery.SelfStudy || p.Delivery == Delivery.Blended || courseSet.Any(c => c.ProgrammeId == p.Id))
            .OrderBy(p => p.Id).Select(p => new { p.Id, p.Title, p.Delivery }).ToListAsync(cancellationToken);
        var courses = await db.Courses.AsNoTracking().Select(c => new
        {
            c.Id, c.ProgrammeId,
            Latest = versions.Where(v => v.CourseId == c.Id).OrderByDescending(v => v.Number).Select(v => new { v.Number, v.LessonCount }).FirstOrDefault(),
        }).ToListAsync(cancellationToken);
        Rows = programmes.Select(p => courses.FirstOrDefault(c => c.ProgrammeId == p.Id) is { } c
            ? new CourseListRow(p.Id, p.Title, p.Delivery, c.Id, c.Latest?.Number, c.Latest?.LessonCount ?? 0)
            : new CourseListRow(p.Id, p.Title, p.Delivery, null, null, 0)).ToList();
    }

    /// <summary>Makes the programme's course (with one section) if it has none, and opens its editor.</summary>
    public async Task<IActionResult> OnPostAsync(int programmeId, CancellationToken cancellationToken) =>
        await edit.EnsureAsync(programmeId, cancellationToken) is { } course ? Redirect($"/Learning/Courses/{course.Id}") : NotFound();
}
