using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Training.Sessions;

/// <summary>
/// "My sessions": the sessions the signed-in person teaches — those that name them as the internal instructor, the same
/// rule that lets them run check-in and attendance (<see cref="Attendance.SessionAccess"/>) — coming first, then past,
/// each one click from its check-in code, attendance sheet and evaluation results.
/// </summary>
[Authorize(Policy = Policies.TeachTraining)]
public sealed class MineModel(SessionAgenda agenda) : PageModel
{
    public bool Linked { get; private set; }

    public IReadOnlyList<AgendaSession> Coming { get; private set; } = [];

    public IReadOnlyList<AgendaSession> Past { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (User.EmployeeId() is not { } own)
        {
            return;
        }

        Linked = true;
        (Coming, Past) = await agenda.TaughtByAsync(own, cancellationToken);
    }
}
