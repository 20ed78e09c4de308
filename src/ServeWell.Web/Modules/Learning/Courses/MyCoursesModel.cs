using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ServeWell.Web.Modules.Learning.Refreshers;
using ServeWell.Web.Platform.City;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Learning.Courses;

/// <summary>The employee's self-study courses with progress, due date and where to resume (ADR-042).</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class MyCoursesModel(StudyCourse study, RefresherSchedule refreshers, CityClock city) : PageModel
{
    public bool Linked { get; private set; }

    public IReadOnlyList<StudyView> Courses { get; private set; } = [];

    /// <summary>Refresher questions due today (ADR-050); 0 when opted out.</summary>
    public int RefreshersDue { get; private set; }

    public DateOnly Today => city.Today;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (User.EmployeeId() is { } employee)
        {
            Linked = true;
            Courses = await study.MineAsync(employee, cancellationToken);
            RefreshersDue = await refreshers.DueCountAsync(employee, cancellationToken);
        }
    }
}
