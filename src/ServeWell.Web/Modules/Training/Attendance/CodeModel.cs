using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Training.Registrations;
using ServeWell.Web.Modules.Training.Sessions;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Platform.Web;

namespace ServeWell.Web.Modules.Training.Attendance;

/// <summary>
/// The instructor's screen in the room: a QR code that changes every 10 seconds (a small script fetches the next one;
/// without script the page reloads itself), and how many have checked in.
/// </summary>
[Authorize(Policy = Policies.TeachTraining)]
public sealed class CodeModel(ServeWellDbContext db, CheckInCode codes, PublicUrl publicUrl, RecordAttendance attendance, TimeProvider clock) : PageModel
{
    public SessionRow Row { get; private set; } = null!;

    public string ProgrammeTitle { get; private set; } = "";

    public CheckInCodeDto Code { get; private set; } = null!;

    public bool Open { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var session = await db.TrainingSessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (session is null)
        {
            return NotFound();
        }

        if (!SessionAccess.CanRun(User, session))
        {
            return Forbid();
        }

        Row = SessionRow.Of(session);
        ProgrammeTitle = (await db.Programmes.Where(p => p.Id == session.ProgrammeId).Select(p => p.Title).FirstAsync(cancellationToken)).ToString();
        Open = attendance.IsOpen(session, clock.GetUtcNow().UtcDateTime);
        Code = await CheckInCodeDto.ForAsync(db, codes, publicUrl.For(Request, CheckInCode.PathFor(id, codes.For(id))), id, codes.CurrentStep, cancellationToken);
        return Page();
    }
}

/// <summary>The code now: the address the QR holds, the QR as a PNG data: address, its time step and the check-ins so far.</summary>
public sealed record CheckInCodeDto(string Url, string Image, long Step, int SecondsPerStep, int CheckedIn, int Registered)
{
    public static async Task<CheckInCodeDto> ForAsync(ServeWellDbContext db, CheckInCode codes, string url, int sessionId, long step, CancellationToken cancellationToken)
    {
        var checkedIn = await db.Attendance.CountAsync(a => a.SessionId == sessionId && a.ArrivedAt != null, cancellationToken);
        var registered = await db.SessionRegistrations.CountAsync(r => r.SessionId == sessionId && (r.State == RegistrationState.Registered || r.State == RegistrationState.NoShow), cancellationToken);
        return new CheckInCodeDto(url, CheckInCode.QrImage(url), step, (int)CheckInCode.Step.TotalSeconds, checkedIn, registered);
    }
}
