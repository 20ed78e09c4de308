using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Training.Registrations;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Training.Sessions;

/// <summary>
/// "My sessions": the sessions the signed-in person teaches — those that name them as the internal instructor, the same
/// rule that lets them run check-in and attendance (<see cref="Attendance.SessionAccess"/>) — coming first, then past,
/// each one click from its check-in code, attendance sheet and evaluation results.
/// </summary>
[Authorize(Policy = Policies.TeachTraining)]
public sealed class MineModel(ServeWellDbContext db, TimeProvider clock) : PageModel
{
    public sealed record TaughtSession(SessionRow Row, string ProgrammeTitle, int Registered);

    public bool Linked { get; private set; }

    public IReadOnlyList<TaughtSession> Coming { get; private set; } = [];

    public IReadOnlyList<TaughtSession> Past { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (User.EmployeeId() is not { } own)
        {
            return;
        }

        Linked = true;
        var now = clock.GetUtcNow().UtcDateTime;
        var sessions = await db.TrainingSessions.AsNoTracking().Where(s => s.InstructorEmployeeId == own)
            .Join(db.Programmes, s => s.ProgrammeId, p => p.Id, (s, p) => new { Session = s, p.Title })
            .ToListAsync(cancellationToken);
        var ids = sessions.Select(s => s.Session.Id).ToList();
        var registered = await db.SessionRegistrations.AsNoTracking().Where(r => ids.Contains(r.SessionId) && r.State == RegistrationState.Registered)
            .GroupBy(r => r.SessionId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var rows = sessions.Select(s => new TaughtSession(SessionRow.Of(s.Session), s.Title.ToString(), registered.GetValueOrDefault(s.Session.Id))).ToList();
        Coming = rows.Where(r => r.Row.Session.EndsAtUtc > now).OrderBy(r => r.Row.Session.StartsAtUtc).ToList();
        Past = rows.Where(r => r.Row.Session.EndsAtUtc <= now).OrderByDescending(r => r.Row.Session.StartsAtUtc).ToList();
    }
}
