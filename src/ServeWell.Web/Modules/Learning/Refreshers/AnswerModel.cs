using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Learning.Refreshers;

/// <summary>Right or wrong, the question's feedback in the reader's language, and where the question went (ADR-050). Only the employee's own.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class AnswerModel(RefresherSchedule schedule) : PageModel
{
    public RefresherResult Result { get; private set; } = null!;

    public int StillDue { get; private set; }

    public async Task<IActionResult> OnGetAsync(long answerId, CancellationToken cancellationToken)
    {
        if (User.EmployeeId() is not { } employee || await schedule.ReadAnswerAsync(employee, answerId, cancellationToken) is not { } result)
        {
            return NotFound();
        }

        Result = result;
        StillDue = await schedule.DueCountAsync(employee, cancellationToken);
        return Page();
    }
}
