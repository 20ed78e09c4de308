using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Learning.Courses;

/// <summary>Who of a course's learners has not started, is under way, done or overdue, within the reader's scope.</summary>
[Authorize(Policy = Policies.ViewCompliance)]
public sealed class ProgressModel(ServeWellDbContext db, CourseProgressReport report, StaffScope scope) : PageModel
{
    public CourseProgressSummary Summary { get; private set; } = null!;

    public LocalText Title { get; private set; } = LocalText.Empty;

    /// <summary>The purchased courses the published course plays, each with its per-learner results (ADR-046).</summary>
    public IReadOnlyList<(int Id, string Title)> Packages { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await report.ReadAsync(id, await scope.GetAsync(cancellationToken), cancellationToken) is not { } summary)
        {
            return NotFound();
        }

        Summary = summary;
        Title = await db.Courses.Where(c => c.Id == id).Join(db.Programmes, c => c.ProgrammeId, p => p.Id, (c, p) => p.Title).FirstAsync(cancellationToken);
        var latest = await db.CourseVersions.Where(v => v.CourseId == id).OrderByDescending(v => v.Number).Select(v => v.Content).FirstOrDefaultAsync(cancellationToken);
        var packageIds = latest is null ? [] : CourseContent.FromJson(latest).Lessons.Where(l => l.ScormPackageId is not null).Select(l => l.ScormPackageId!.Value).Distinct().ToList();
        Packages = [.. (await db.Set<Scorm.ScormPackage>().AsNoTracking().Where(p => packageIds.Contains(p.Id)).Select(p => new { p.Id, p.Title }).ToListAsync(cancellationToken))
            .Select(p => (p.Id, p.Title))];
        return Page();
    }
}
