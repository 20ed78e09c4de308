using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Modules.Training.Registrations;
using ServeWell.Web.Modules.Training.Sessions;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Platform.Web;

namespace ServeWell.Web.Modules.Training.Attendance;

/// <summary>The instructor's attendance sheet: everyone with a place, how they arrived, and a mark by hand for each.</summary>
[Authorize(Policy = Policies.TeachTraining)]
public sealed class SheetModel(ServeWellDbContext db, RecordAttendance attendance, IStringLocalizer<SharedResource> l) : PageModel
{
    public SessionRow Row { get; private set; } = null!;

    public string ProgrammeTitle { get; private set; } = "";

    public IReadOnlyList<RosterEntry> Entries { get; private set; } = [];

    [TempData]
    public string? Status { get; set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, string? employeeNumber, AttendanceStatus? status, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        try
        {
            var entry = Entries.FirstOrDefault(e => e.EmployeeNumber == employeeNumber)
                ?? throw new DomainRuleException(l["That person is not registered for this session."]);
            if (status is null || !Enum.IsDefined(status.Value))
            {
                throw new DomainRuleException(l["Choose present, late, left early or excused."]);
            }

            await attendance.MarkAsync(id, entry.EmployeeId, status.Value, null, null, User.Identity?.Name ?? "", cancellationToken);
            Status = l["{0}: {1}.", entry.Name, l["Attendance:" + status.Value].Value];
            return Redirect($"/Training/Sessions/{id}/Attendance");
        }
        catch (DomainRuleException ex)
        {
            Problem = ex.Message;
            return Page();
        }
    }

    /// <summary>Null when the sheet may be shown; else the answer (404, or 403 for an instructor of another session).</summary>
    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
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
        Entries = (await SessionRoster.ReadAsync(db, id, includeCancelled: false, cancellationToken))
            .Where(e => e.Registration.State is RegistrationState.Registered or RegistrationState.NoShow)
            .OrderBy(e => e.Name, StringComparer.CurrentCulture).ToList();
        return null;
    }
}
