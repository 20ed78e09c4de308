using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Platform.Layout;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Learning.Courses;

/// <summary>A lesson of the draft: its title and Markdown per language, video link and minutes, with a preview of what learners will see.</summary>
[Authorize(Policy = Policies.ManageTraining)]
public sealed class EditLessonModel(EditCourse edit, ServeWell.Web.Platform.Data.ServeWellDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public LessonForm Form { get; set; } = new();

    public Course Course { get; private set; } = null!;

    public CourseSection Section { get; private set; } = null!;

    public CourseLesson? Lesson { get; private set; }

    /// <summary>The purchased courses a lesson may play (ADR-043).</summary>
    public IReadOnlyList<(int Id, string Title)> Packages { get; private set; } = [];

    /// <summary>The lesson's uploaded media in the draft (ADR-051), listed with their snippets and allowed in the preview.</summary>
    public IReadOnlyList<Media.LessonMedium> Media { get; private set; } = [];

    /// <summary>The quizzes a lesson may be (ADR-044).</summary>
    public IReadOnlyList<(int Id, string Title)> Quizzes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, string lessonId, int? section, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, lessonId, section, cancellationToken))
        {
            return NotFound();
        }

        Form = Lesson is { } x
            ? new LessonForm { Title = LocalTextForm.From(x.Title), Body = LocalTextForm.From(x.Body), VideoUrl = x.VideoUrl, Minutes = x.Minutes, ScormPackageId = x.ScormPackageId, QuizId = x.QuizId }
            : new LessonForm { Minutes = 5 };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, string lessonId, int? section, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, lessonId, section, cancellationToken))
        {
            return NotFound();
        }

        var (saved, problems) = await edit.SaveLessonAsync(Course, Section.Id, Lesson?.Id, Form, cancellationToken);
        if (saved is null)
        {
            foreach (var p in problems)
            {
                ModelState.AddModelError(LessonFormKeys.Of(nameof(Form), p.Field), p.Message);
            }

            return Page();
        }

        TempData.Saved(l["The lesson {0} has been saved in the draft. Publish the draft for learners to see it.", saved.Title.ToString()]);
        return Redirect($"/Learning/Courses/{id}/Lessons/{saved.Id}");
    }

    private async Task<bool> LoadAsync(int id, string lessonId, int? section, CancellationToken cancellationToken)
    {
        if (await edit.LoadAsync(id, cancellationToken) is not { } course)
        {
            return false;
        }

        Course = course;
        Packages = (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
                db.Set<Scorm.ScormPackage>().Where(p => p.RetiredAt == null).OrderBy(p => p.Title).Select(p => new { p.Id, p.Title }), cancellationToken))
            .Select(p => (p.Id, p.Title)).ToList();
        Quizzes = (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
                db.Set<Quizzes.Quiz>().Where(q => q.ArchivedAtUtc == null).OrderBy(q => q.Id), cancellationToken))
            .Select(q => (q.Id, q.Title.ToString())).ToList();
        if (lessonId == "New")
        {
            Section = course.Sections.FirstOrDefault(s => s.Id == section)!;
            return Section is not null;
        }

        Lesson = int.TryParse(lessonId, out var key) ? course.Sections.SelectMany(s => s.Lessons).FirstOrDefault(x => x.Id == key) : null;
        Section = Lesson is null ? null! : course.Sections.First(s => s.Id == Lesson.SectionId);
        if (Lesson is not null)
        {
            Media = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
                db.Set<Media.LessonMedium>().Where(m => m.CourseId == id && m.LessonKey == Lesson.Id && m.RemovedAt == null).OrderBy(m => m.Id), cancellationToken);
        }

        return Lesson is not null;
    }
}
