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

namespace ServeWell.Web.Modules.Training.Registrations;

/// <summary>A training officer's view of one session's places and waitlist: register, move, cancel and withdraw people.</summary>
[Authorize(Policy = Policies.ManageTraining)]
public sealed class RegistrationsModel(ServeWellDbContext db, SessionRegistrations registrations, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    public SessionRow Row { get; private set; } = null!;

    public string ProgrammeTitle { get; private set; } = "";

    public IReadOnlyList<RosterEntry> Entries { get; private set; } = [];

    /// <summary>Other sessions of the programme still open, to move people to.</summary>
    public IReadOnlyList<SessionRow> Targets { get; private set; } = [];

    [TempData]
    public string? Status { get; set; }

    public string? Problem { get; private set; }

    [BindProperty]
    public string? EmployeeNumber { get; set; }

    public async Task<IActionResult> OnGetAsync(int programmeId, int id, CancellationToken cancellationToken) =>
        await LoadAsync(programmeId, id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostRegisterAsync(int programmeId, int id, CancellationToken cancellationToken) =>
        ActAsync(programmeId, id, async employee =>
        {
            var r = await registrations.RegisterAsync(id, employee, RegistrationMode.Officer, Actor, cancellationToken);
            return r.State == RegistrationState.Registered ? l["{0} is registered.", EmployeeNumber!] : l["The session is full: {0} is on the waitlist.", EmployeeNumber!];
        }, cancellationToken);

    public Task<IActionResult> OnPostMoveAsync(int programmeId, int id, int toSessionId, CancellationToken cancellationToken) =>
        ActAsync(programmeId, id, async employee =>
        {
            if (!await db.TrainingSessions.AnyAsync(s => s.Id == toSessionId && s.ProgrammeId == programmeId, cancellationToken))
            {
                throw new DomainRuleException(l["Choose a session of the same programme to move to."]);
            }

            await registrations.RegisterAsync(toSessionId, employee, RegistrationMode.Move, Actor, cancellationToken);
            return l["{0} was moved.", EmployeeNumber!];
        }, cancellationToken);

    public Task<IActionResult> OnPostCancelAsync(int programmeId, int id, CancellationToken cancellationToken) =>
        ActAsync(programmeId, id, async employee =>
        {
            await registrations.CancelAsync(id, employee, byOfficer: true, Actor, cancellationToken);
            return l["The place of {0} is cancelled.", EmployeeNumber!];
        }, cancellationToken);

    public Task<IActionResult> OnPostWithdrawAsync(int programmeId, int id, CancellationToken cancellationToken) =>
        ActAsync(programmeId, id, async employee =>
        {
            await registrations.WithdrawAsync(programmeId, employee, Actor, cancellationToken);
            return l["{0} is withdrawn from the programme.", EmployeeNumber!];
        }, cancellationToken);

    private string Actor => User.Identity?.Name ?? "";

    private async Task<IActionResult> ActAsync(int programmeId, int id, Func<int, Task<string>> act, CancellationToken cancellationToken)
    {
        if (!await db.TrainingSessions.AnyAsync(s => s.Id == id && s.ProgrammeId == programmeId, cancellationToken))
        {
            return NotFound();
        }

        try
        {
            var number = EmployeeNumber?.Trim() ?? "";
            var employee = await db.Employees.Where(e => e.EmployeeNumber == number).Select(e => (int?)e.Id).FirstOrDefaultAsync(cancellationToken)
                ?? throw new DomainRuleException(l["There is no employee with the number “{0}”.", number]);
            Status = await act(employee);
            return Redirect($"/Training/Programmes/{programmeId}/Sessions/{id}/Registrations");
        }
        catch (DomainRuleException ex)
        {
            Problem = ex.Message;
            await LoadAsync(programmeId, id, cancellationToken);
            return Page();
        }
    }

    private async Task<bool> LoadAsync(int programmeId, int id, CancellationToken cancellationToken)
    {
        var session = await db.TrainingSessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id && s.ProgrammeId == programmeId, cancellationToken);
        if (session is null)
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        Row = SessionRow.Of(session);
        ProgrammeTitle = await db.Programmes.Where(p => p.Id == programmeId).Select(p => p.Title).FirstAsync(cancellationToken);
        Entries = await SessionRoster.ReadAsync(db, id, includeCancelled: false, cancellationToken);
        Targets = (await db.TrainingSessions.AsNoTracking()
            .Where(s => s.ProgrammeId == programmeId && s.Id != id && s.CancelledAt == null && s.StartsAtUtc > now)
            .OrderBy(s => s.StartsAtUtc).ToListAsync(cancellationToken)).Select(SessionRow.Of).ToList();
        return true;
    }
}
