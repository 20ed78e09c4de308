using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Modules.Learning.Offline;
using ServeWell.Web.Modules.Learning.Quizzes;
using ServeWell.Web.Modules.Learning.Scorm;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Layout;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Learning.Courses;

/// <summary>
/// One lesson for the learner (ADR-042): opening it records the opening only; "Mark as done" marks it done, then leads
/// to the next lesson. A lesson done can be read again at any time.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class LessonModel(StudyCourse study, ServeWellDbContext db, TakeQuiz take, IStringLocalizer<SharedResource> l) : PageModel
{
    public StudyView View { get; private set; } = null!;

    public SectionContent Section { get; private set; } = null!;

    public LessonContent Lesson { get; private set; } = null!;

    public LessonContent? Previous { get; private set; }

    public LessonContent? Next { get; private set; }

    public string Html { get; private set; } = "";

    public LessonVideo? Video { get; private set; }

    public bool Done => View.Progress.DoneKeys.Contains(Lesson.Key);

    /// <summary>A lesson that plays a purchased course: its items with where the learner stands in each (ADR-043).</summary>
    public sealed record PackageItem(int ScoId, string Title, int Depth, string Status);

    public IReadOnlyList<PackageItem>? PackageItems { get; private set; }

    /// <summary>A lesson that is a quiz: the quiz with the learner's attempts and the way to start or resume one (ADR-049).</summary>
    public QuizStartPanel? Quiz { get; private set; }

    public async Task<IActionResult> OnGetAsync(int programmeId, int key, CancellationToken cancellationToken)
    {
        // A phone keeping the lesson for offline reading (ADR-045) reads it without recording an opening.
        var copy = Request.Headers.ContainsKey(OfflineDevice.CopyHeader);
        if (User.EmployeeId() is not { } employee
            || await (copy ? study.ReadAsync(programmeId, employee, cancellationToken) : study.OpenLessonAsync(programmeId, employee, key, cancellationToken)) is not { } view
            || view.Content.Find(key) is null)
        {
            return NotFound();
        }

        Show(view, key);
        await LoadPackageAsync(employee, cancellationToken);
        if (Lesson.Kind == LessonKind.Quiz && Lesson.QuizId is { } quizId)
        {
            Quiz = await QuizStartPanel.ReadAsync(db, take, quizId, employee, cancellationToken);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int programmeId, int key, CancellationToken cancellationToken)
    {
        if (User.EmployeeId() is not { } employee)
        {
            return NotFound();
        }

        var outcome = await study.MarkDoneAsync(programmeId, employee, key, null, null, null, cancellationToken);
        if (outcome is MarkDoneOutcome.DoneByPackage or MarkDoneOutcome.DoneByQuiz)
        {
            return Redirect($"/Learning/Programmes/{programmeId}/Lessons/{key}");
        }

        if (outcome == MarkDoneOutcome.NotFound || await study.ReadAsync(programmeId, employee, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        Show(view, key);
        var p = view.Progress;
        TempData.Saved(p.Completed
            ? l["You have completed the course: {0} of {1} lessons done.", p.Done, p.Total]
            : l["Lesson done: {0} of {1} lessons.", p.Done, p.Total]);
        return Redirect(Next is { } next && !p.Completed ? $"/Learning/Programmes/{programmeId}/Lessons/{next.Key}" : $"/Learning/Programmes/{programmeId}");
    }

    private async Task LoadPackageAsync(int employee, CancellationToken cancellationToken)
    {
        if (Lesson.Kind != LessonKind.Scorm || Lesson.ScormPackageId is not { } packageId)
        {
            return;
        }

        var items = await db.Set<ScormSco>().AsNoTracking().Where(s => s.PackageId == packageId).OrderBy(s => s.Position).ToListAsync(cancellationToken);
        var ids = items.Select(i => i.Id).ToList();
        var statuses = await db.Set<ScormAttempt>().AsNoTracking().Where(a => a.EmployeeId == employee && ids.Contains(a.ScoId))
            .ToDictionaryAsync(a => a.ScoId, a => a.LessonStatus, cancellationToken);
        PackageItems = [.. items.Select(i => new PackageItem(i.Id, i.Title, i.Depth, statuses.GetValueOrDefault(i.Id, ScormRuntime.NotAttempted)))];
    }

    private void Show(StudyView view, int key)
    {
        View = view;
        var lessons = view.Content.Sections.SelectMany(s => s.Lessons.Select(x => (Section: s, Lesson: x))).ToList();
        var i = lessons.FindIndex(x => x.Lesson.Key == key);
        (Section, Lesson) = lessons[i];
        Previous = i > 0 ? lessons[i - 1].Lesson : null;
        Next = i + 1 < lessons.Count ? lessons[i + 1].Lesson : null;
        Html = LessonMarkdown.ToHtml(Lesson.Body.ToString(), Lesson.Media);
        Video = LessonMarkdown.Video(Lesson.VideoUrl);
    }
}
