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

namespace ServeWell.Web.Modules.Learning.Media;

/// <summary>Removing a medium from the draft lesson, after a confirmation that says published versions keep it (ADR-051).</summary>
[Authorize(Policy = Policies.ManageTraining)]
public sealed class RemoveModel(ServeWellDbContext db, LessonMediaLibrary library, IStringLocalizer<SharedResource> l) : PageModel
{
    public Confirmation Confirm { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, int lessonKey, int mediumId, CancellationToken cancellationToken) =>
        await FindAsync(id, lessonKey, mediumId, cancellationToken) is not null ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, int lessonKey, int mediumId, bool confirmed, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, lessonKey, mediumId, cancellationToken) is not { } medium)
        {
            return NotFound();
        }

        if (!confirmed)
        {
            return Page();
        }

        await library.RemoveAsync(medium, cancellationToken);
        TempData.Saved(l["{0} has been removed from the lesson's draft. Take its snippet out of the lesson's text too.", medium.FileName]);
        return Redirect($"/Learning/Courses/{id}/Lessons/{lessonKey}/Media");
    }

    private async Task<LessonMedium?> FindAsync(int id, int lessonKey, int mediumId, CancellationToken cancellationToken)
    {
        var medium = await db.LessonMedia.AsNoTracking().FirstOrDefaultAsync(m => m.Id == mediumId && m.CourseId == id && m.LessonKey == lessonKey && m.RemovedAt == null, cancellationToken);
        if (medium is null)
        {
            return null;
        }

        var back = $"/Learning/Courses/{id}/Lessons/{lessonKey.ToString(CultureInfo.InvariantCulture)}/Media";
        Confirm = new Confirmation(
            l["Remove {0} from the lesson?", medium.FileName],
            [
                l["It leaves the lesson's draft: a link or image in the lesson's text that points at it shows as plain text from then on."],
                l["Published versions keep it: learners who study one still see it. It leaves the course for new learners when you publish the draft."],
                l["This cannot be undone; to have it back, upload it again."],
            ],
            l["Remove the file"], $"{back}/{mediumId.ToString(CultureInfo.InvariantCulture)}/Remove", back, l["Back to the lesson's media"]);
        return medium;
    }
}
