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

/// <summary>The course editor: the draft's sections and lessons, their order, a new section, and the way to publish.</summary>
[Authorize(Policy = Policies.ManageTraining)]
public sealed class EditModel(ServeWellDbContext db, EditCourse edit, IStringLocalizer<SharedResource> l) : PageModel
{
    public Course Course { get; private set; } = null!;

    public LocalText ProgrammeTitle { get; private set; } = LocalText.Empty;

    public CourseVersion? Latest { get; private set; }

    [BindProperty]
    public LocalTextForm SectionTitle { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSectionAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var problems = await edit.AddSectionAsync(Course, SectionTitle, cancellationToken);
        if (problems.Count > 0)
        {
            foreach (var p in problems)
            {
                ModelState.AddModelError(LessonFormKeys.Of(nameof(SectionTitle), p.Field), p.Message);
            }

            return Page();
        }

        TempData.Saved(l["The section {0} has been added to the draft.", SectionTitle.ToText().ToString()]);
        return Redirect($"/Learning/Courses/{id}");
    }

    public async Task<IActionResult> OnPostMoveAsync(int id, int? sectionId, int? lessonId, int by, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (await edit.MoveAsync(Course, sectionId, lessonId, by, cancellationToken))
        {
            TempData.Saved(by < 0 ? l["Moved up in the draft."] : l["Moved down in the draft."]);
        }

        return Redirect($"/Learning/Courses/{id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await edit.LoadAsync(id, cancellationToken) is not { } course)
        {
            return false;
        }

        Course = course;
        ProgrammeTitle = await db.Programmes.Where(p => p.Id == course.ProgrammeId).Select(p => p.Title).FirstAsync(cancellationToken);
        Latest = await db.CourseVersions.AsNoTracking().Where(v => v.CourseId == id).OrderByDescending(v => v.Number).FirstOrDefaultAsync(cancellationToken);
        return true;
    }
}
