using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Modules.Training.Sessions;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Platform.Web;

namespace ServeWell.Web.Modules.Training.Attendance;

/// <summary>
/// What the phone opens after scanning the room's QR code: it records the check-in at once (scanning is the action;
/// a code is good for 20 seconds at most, too short to ask again), or says plainly why not, on the page itself.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class CheckInModel(ServeWellDbContext db, CheckInCode codes, RecordAttendance attendance, IStringLocalizer<SharedResource> l) : PageModel
{
    public string? ProgrammeTitle { get; private set; }

    public SessionRow? Row { get; private set; }

    public AttendanceRecord? Record { get; private set; }

    public bool AlreadyRecorded { get; private set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, string? code, CancellationToken cancellationToken)
    {
        var session = await db.TrainingSessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (session is null)
        {
            return NotFound();
        }

        Row = SessionRow.Of(session);
        ProgrammeTitle = (await db.Programmes.Where(p => p.Id == session.ProgrammeId).Select(p => p.Title).FirstAsync(cancellationToken)).ToString();
        var verdict = codes.Check(id, code);
        if (verdict != CheckInCode.Verdict.Valid)
        {
            Problem = verdict == CheckInCode.Verdict.Expired
                ? l["This code has expired. Scan the code on the screen again: it changes every 10 seconds."]
                : l["This is not a valid check-in code. Scan the code on the instructor's screen."];
            return Page();
        }

        if (User.EmployeeId() is not { } employee)
        {
            Problem = l["Your account is not linked to an employee record, so attendance cannot be recorded. Ask the instructor to mark you by hand."];
            return Page();
        }

        try
        {
            var result = await attendance.ArriveAsync(id, employee, AttendanceChannel.QrCheckIn, User.Identity?.Name ?? "", cancellationToken);
            (Record, AlreadyRecorded) = (result.Record, result.AlreadyRecorded);
        }
        catch (DomainRuleException ex)
        {
            Problem = ex.Message;
        }

        return Page();
    }
}
