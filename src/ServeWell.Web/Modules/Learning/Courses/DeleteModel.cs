using System.Globalization;
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

/// <summary>
/// Deleting a section (with its lessons) or a lesson from the draft, after a confirmation (ADR-032, ADR-039) that says
/// published versions keep it (ADR-046).
/// </summary>
[Authorize(Policy = Policies.ManageTraining)]
public sealed class DeleteModel(ServeWellDbContext db, EditCourse edit, IStringLocalizer<SharedResource> l) : PageModel
{
    public Confirmation Confirm { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, int? section, int? lesson, CancellationToken cancellationToken) =>
        await edit.LoadAsync(id, cancellationToken) is { } course && await ConfirmAsync(course, section, lesson, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, int? section, int? lesson, bool confirmed, CancellationToken cancellationToken)
    {
        if (await edit.LoadAsync(id, cancellationToken) is not { } course || !await ConfirmAsync(course, section, lesson, cancellationToken))
        {
            return NotFound();
        }

        if (!confirmed)
        {
            return Page();
        }

        var title = Title(course, section, lesson);
        await edit.DeleteAsync(course, section, lesson, cancellationToken);
        TempData.Saved(lesson is null ? l["The section {0} has been deleted from the draft.", title] : l["The lesson {0} has been deleted from the draft.", title]);
        return Redirect($"/Learning/Courses/{id}");
    }

    private static string Title(Course course, int? section, int? lesson) =>
        (lesson is { } lid
            ? course.Sections.SelectMany(s => s.Lessons).FirstOrDefault(x => x.Id == lid)?.Title
            : course.Sections.FirstOrDefault(s => s.Id == section)?.Title)?.ToString() ?? "";

    /// <summary>False when the draft has no such section or lesson (a published version's own copy is never offered).</summary>
    private async Task<bool> ConfirmAsync(Course course, int? section, int? lesson, CancellationToken cancellationToken)
    {
        var target = lesson is { } lid ? course.Sections.FirstOrDefault(s => s.Lessons.Any(x => x.Id == lid)) : course.Sections.FirstOrDefault(s => s.Id == section);
        if (target is null)
        {
            return false;
        }

        var published = await db.CourseVersions.AnyAsync(v => v.CourseId == course.Id, cancellationToken);
        var title = Title(course, section, lesson);
        var consequences = new List<string>
        {
            lesson is null
                ? l["The section {0} and its {1} lessons leave the draft.", title, target.Lessons.Count]
                : l["The lesson {0} leaves the draft.", title],
        };
        consequences.Add(published
            ? l["Published versions keep it: learners who study one can still open it. It leaves the course for new learners when you publish the draft."]
            : l["The course has not been published, so no learner has seen it."]);
        consequences.Add(l["This cannot be undone; to have it back, add it again."]);
        var fields = new Dictionary<string, string>();
        if (lesson is { } key)
        {
            fields["lesson"] = key.ToString(CultureInfo.InvariantCulture);
        }
        else
        {
            fields["section"] = target.Id.ToString(CultureInfo.InvariantCulture);
        }

        Confirm = new Confirmation(
            lesson is null ? l["Delete the section {0}?", title] : l["Delete the lesson {0}?", title], consequences,
            lesson is null ? l["Delete the section"] : l["Delete the lesson"], $"/Learning/Courses/{course.Id}/Delete", $"/Learning/Courses/{course.Id}", l["Back to the course"])
        {
            Fields = fields,
        };
        return true;
    }
}
