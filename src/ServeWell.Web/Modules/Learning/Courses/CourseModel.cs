using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ServeWell.Web.Platform.City;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Learning.Courses;

/// <summary>A course's outline for the learner: sections, lessons with done marks, progress and "resume".</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class CourseModel(StudyCourse study, ServeWellDbContext db, CityClock city) : PageModel
{
    public StudyView View { get; private set; } = null!;

    /// <summary>The course's quizzes without a time limit: their lessons can be kept and answered offline (ADR-056).</summary>
    public IReadOnlySet<int> UntimedQuizzes { get; private set; } = new HashSet<int>();

    public DateOnly Today => city.Today;

    public async Task<IActionResult> OnGetAsync(int programmeId, CancellationToken cancellationToken)
    {
        if (User.EmployeeId() is not { } employee || await study.ReadAsync(programmeId, employee, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        View = view;
        UntimedQuizzes = await Offline.OfflineDevice.UntimedQuizzesAsync(db, view.Content, cancellationToken);
        return Page();
    }
}
