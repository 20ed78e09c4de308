using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Training.KnowledgeChecks;

/// <summary>
/// The check's address in My training and in mails already sent: it leads to the programme's quiz (ADR-048) when the
/// check is open to the employee in that phase, and is not found otherwise, as before.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class TakeModel(TakeKnowledgeCheck take, IProgrammeCheckQuizzes quizzes) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int programmeId, string phase, CancellationToken cancellationToken) =>
        Enum.TryParse<KnowledgePhase>(phase, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && User.EmployeeId() is { } employeeId
            && await take.InvitationAsync(programmeId, employeeId, parsed, cancellationToken) is not null
            ? Redirect(quizzes.TakeUrl(programmeId, parsed))
            : NotFound();
}
