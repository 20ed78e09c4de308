using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Modules.Learning.Courses;
using ServeWell.Web.Platform.Layout;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Learning.Media;

/// <summary>
/// A draft lesson's media (ADR-051): the training officer uploads images (with alt text), files, an MP4 video and its
/// captions, copies each one's Markdown snippet into the lesson, and removes what is no longer wanted.
/// </summary>
[Authorize(Policy = Policies.ManageTraining)]
[RequestSizeLimit(LessonMediaLimits.RequestCeilingBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = LessonMediaLimits.RequestCeilingBytes)]
public sealed class MediaModel(EditCourse edit, LessonMediaLibrary library, IStringLocalizer<SharedResource> l) : PageModel
{
    public CourseLesson Lesson { get; private set; } = null!;

    public int CourseId { get; private set; }

    public IReadOnlyList<LessonMedium> Media { get; private set; } = [];

    public LessonMediaLimits Limits => library.Limits;

    [BindProperty]
    public List<IFormFile> Files { get; set; } = [];

    /// <summary>One line per image, in the order of the files.</summary>
    [BindProperty]
    public string? AltText { get; set; }

    [BindProperty]
    public string? CaptionsLanguage { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, int lessonKey, CancellationToken cancellationToken) =>
        await LoadAsync(id, lessonKey, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, int lessonKey, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, lessonKey, cancellationToken))
        {
            return NotFound();
        }

        var alts = (AltText ?? "").Split('\n').Select(a => a.Trim()).Where(a => a.Length > 0).ToList();
        var (added, problems) = await library.AddAsync(id, lessonKey, LessonMediaApi.Uploads(Files), alts, CaptionsLanguage, User.Identity?.Name ?? "", cancellationToken);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                ModelState.AddModelError(nameof(Files), problem.In(l));
            }

            return Page();
        }

        TempData.Saved(l["Uploaded to the lesson: {0}. Copy a snippet into the lesson's text to show it.", string.Join(", ", added.Select(m => m.FileName))]);
        return Redirect($"/Learning/Courses/{id}/Lessons/{lessonKey}/Media");
    }

    private async Task<bool> LoadAsync(int id, int lessonKey, CancellationToken cancellationToken)
    {
        if (await edit.LoadAsync(id, cancellationToken) is not { } course
            || course.Sections.SelectMany(s => s.Lessons).FirstOrDefault(x => x.Id == lessonKey) is not { } lesson)
        {
            return false;
        }

        (CourseId, Lesson) = (id, lesson);
        Media = await library.DraftAsync(id, lessonKey, cancellationToken);
        return true;
    }
}
