using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Learning.Refreshers;

/// <summary>Refresher figures per course for training officers, within their scope, withheld below the minimum group size (ADR-050).</summary>
[Authorize(Policy = Policies.ViewCompliance)]
public sealed class FiguresModel(RefresherFigures figures, StaffScope scope) : PageModel
{
    public IReadOnlyList<RefresherCourseFigures> Courses { get; private set; } = [];

    public int Minimum => figures.Minimum;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Courses = await figures.ReadAsync(await scope.GetAsync(cancellationToken), cancellationToken);
}
