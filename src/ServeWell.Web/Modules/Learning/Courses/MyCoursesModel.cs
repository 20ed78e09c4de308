using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ServeWell.Web.Platform.City;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Learning.Courses;

/// <summary>The employee's self-study courses with progress, due date and where to resume (ADR-042).</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class MyCoursesModel(StudyCourse study, CityClock city) : PageModel
{
    public bool Linked { get; private set; }

    public IReadOnlyList<StudyView> Courses { get; private set; } = [];

    public DateOnly Today => city.Today;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (User.EmployeeId() is { } employee)
        {
            Linked = true;
            Courses = await study.MineAsync(employee, cancellationToken);
        }
    }
}
