using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Layout;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Learning.Courses;

/// <summary>Publishing the draft as version n + 1, after a confirmation that says what learners will see (ADR-032).</summary>
[Authorize(Policy = Policies.ManageTraining)]
public sealed class PublishModel(ServeWellDbContext db, EditCourse edit, IStringLocalizer<SharedResource> l) : PageModel
{
    public Confirmation Confirm { get; private set; } = null!;

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await edit.LoadAsync(id, cancellationToken) is not { } course)
        {
            return NotFound();
        }

        await ConfirmAsync(course, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, bool confirmed, CancellationToken cancellationToken)
    {
        if (await edit.LoadAsync(id, cancellationToken) is not { } course)
        {
            return NotFound();
        }

        if (!confirmed)
        {
            await ConfirmAsync(course, cancellationToken);
            return Page();
        }

        var (version, problems) = await edit.PublishAsync(course, User.Identity?.Name ?? "", cancellationToken);
        if (version is null)
        {
            Problem = problems[0].Message;
            await ConfirmAsync(course, cancellationToken);
            return Page();
        }

        TempData.Saved(l["Version {0} is published: {1} lessons, about {2} minutes.", version.Number, version.LessonCount, version.Minutes]);
        return Redirect($"/Learning/Courses/{id}");
    }

    private async Task ConfirmAsync(Course course, CancellationToken cancellationToken)
    {
        var content = CourseContent.Of(course);
        var latest = await db.CourseVersions.Where(v => v.CourseId == course.Id).MaxAsync(v => (int?)v.Number, cancellationToken) ?? 0;
        var started = await db.CourseAttempts.CountAsync(a => a.CourseId == course.Id && a.CompletedAtUtc == null, cancellationToken);
        Confirm = new Confirmation(
            l["Publish version {0} of the course?", latest + 1],
            [
                l["{0} lessons in {1} sections, about {2} minutes, become what learners start from now on.", content.Lessons.Count(), content.Sections.Count, content.Minutes],
                l["{0} learners who already started an earlier version finish that version; their progress is kept.", started],
                l["A published version cannot be changed; to correct it, edit the draft and publish again."],
            ],
            l["Publish version {0}", latest + 1], $"/Learning/Courses/{course.Id}/Publish", $"/Learning/Courses/{course.Id}", l["Back to the course"]);
    }
}
