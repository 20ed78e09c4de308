using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Modules.Training.Sessions;
using ServeWell.Web.Modules.People.Employees;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Layout;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Platform.Web;

namespace ServeWell.Web.Modules.Training.Registrations;

/// <summary>
/// A training officer's view of one session's places and waitlist: find people by name or number and register them, move,
/// cancel and withdraw people. Cancelling a place and withdrawing ask first and say what follows (ADR-032).
/// </summary>
[Authorize(Policy = Policies.ManageTraining)]
public sealed class RegistrationsModel(ServeWellDbContext db, SessionRegistrations registrations, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    /// <summary>An employee found by the search, with whether they already have a place or a waitlist place here.</summary>
    public sealed record Found(string EmployeeNumber, string Name, string OrgUnitCode, bool AlreadyHere);

    public const int MaxFound = 20;

    public SessionRow Row { get; private set; } = null!;

    public string ProgrammeTitle { get; private set; } = "";

    public IReadOnlyList<RosterEntry> Entries { get; private set; } = [];

    /// <summary>Other sessions of the programme still open, to move people to.</summary>
    public IReadOnlyList<SessionRow> Targets { get; private set; } = [];

    /// <summary>The search text: part of a name, or an employee number.</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public IReadOnlyList<Found> Matches { get; private set; } = [];

    /// <summary>Set when the page asks to confirm cancelling a place or withdrawing, instead of showing the lists.</summary>
    public Confirmation? Confirm { get; private set; }

    public string? Problem { get; private set; }

    /// <summary>Whom a handler acts on; also read on GET, where the confirmation questions name the person.</summary>
    [BindProperty(SupportsGet = true)]
    public string? EmployeeNumber { get; set; }

    public async Task<IActionResult> OnGetAsync(int programmeId, int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(programmeId, id, cancellationToken))
        {
            return NotFound();
        }

        Matches = await SearchAsync(id, cancellationToken);
        return Page();
    }

    /// <summary>Asks before cancelling a place: who loses it, and who gets it.</summary>
    public Task<IActionResult> OnGetCancelAsync(int programmeId, int id, CancellationToken cancellationToken) =>
        ConfirmAsync(programmeId, id, (entry, waiting) => new Confirmation(
            l["Cancel the place of {0}?", entry.Name],
            [
                l["{0} loses their place on {1} and is told by email.", entry.Name, Row.When],
                entry.Registration.State == RegistrationState.Registered && waiting > 0
                    ? l["The first of the {0} people on the waitlist gets the place and is told by email.", waiting]
                    : l["The place is freed for someone else."],
            ],
            l["Cancel the place"], Here(programmeId, id) + "?handler=Cancel", Here(programmeId, id), l["Keep the place"]), cancellationToken);

    /// <summary>Asks before withdrawing someone from the programme, and says what it undoes.</summary>
    public Task<IActionResult> OnGetWithdrawAsync(int programmeId, int id, CancellationToken cancellationToken) =>
        ConfirmAsync(programmeId, id, (entry, _) => new Confirmation(
            l["Withdraw {0} from {1}?", entry.Name, ProgrammeTitle],
            [
                l["{0} is no longer enrolled in the programme. Their places in sessions still to come are freed, and they are told by email.", entry.Name],
                l["Their training history is kept."],
            ],
            l["Withdraw from the programme"], Here(programmeId, id) + "?handler=Withdraw", Here(programmeId, id), l["Keep them enrolled"]), cancellationToken);

    public Task<IActionResult> OnPostRegisterAsync(int programmeId, int id, CancellationToken cancellationToken) =>
        ActAsync(programmeId, id, async employee =>
        {
            var r = await registrations.RegisterAsync(id, employee, RegistrationMode.Officer, Actor, cancellationToken);
            return r.State == RegistrationState.Registered ? l["{0} is registered.", _who] : l["The session is full: {0} is on the waitlist.", _who];
        }, cancellationToken);

    public Task<IActionResult> OnPostMoveAsync(int programmeId, int id, int toSessionId, CancellationToken cancellationToken) =>
        ActAsync(programmeId, id, async employee =>
        {
            if (!await db.TrainingSessions.AnyAsync(s => s.Id == toSessionId && s.ProgrammeId == programmeId, cancellationToken))
            {
                throw new DomainRuleException(l["Choose a session of the same programme to move to."]);
            }

            await registrations.RegisterAsync(toSessionId, employee, RegistrationMode.Move, Actor, cancellationToken);
            return l["{0} was moved.", _who];
        }, cancellationToken);

    public Task<IActionResult> OnPostCancelAsync(int programmeId, int id, bool confirmed, CancellationToken cancellationToken) =>
        !confirmed ? Task.FromResult(Unconfirmed(programmeId, id, "Cancel")) : ActAsync(programmeId, id, async employee =>
        {
            await registrations.CancelAsync(id, employee, byOfficer: true, Actor, cancellationToken);
            return l["The place of {0} is cancelled.", _who];
        }, cancellationToken);

    public Task<IActionResult> OnPostWithdrawAsync(int programmeId, int id, bool confirmed, CancellationToken cancellationToken) =>
        !confirmed ? Task.FromResult(Unconfirmed(programmeId, id, "Withdraw")) : ActAsync(programmeId, id, async employee =>
        {
            await registrations.WithdrawAsync(programmeId, employee, Actor, cancellationToken);
            return l["{0} is withdrawn from the programme.", _who];
        }, cancellationToken);

    /// <summary>The person acted on, "name (number)", for the notice.</summary>
    private string _who = "";

    private string Actor => User.Identity?.Name ?? "";

    private static string Here(int programmeId, int id) => $"/Training/Programmes/{programmeId}/Sessions/{id}/Registrations";

    /// <summary>A destructive post without the confirmation does nothing but lead to the question.</summary>
    private IActionResult Unconfirmed(int programmeId, int id, string handler) =>
        Redirect($"{Here(programmeId, id)}?handler={handler}&EmployeeNumber={Uri.EscapeDataString(EmployeeNumber ?? "")}");

    private async Task<IActionResult> ConfirmAsync(
        int programmeId, int id, Func<RosterEntry, int, Confirmation> question, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(programmeId, id, cancellationToken))
        {
            return NotFound();
        }

        var entry = Entries.FirstOrDefault(e => e.EmployeeNumber == EmployeeNumber?.Trim());
        if (entry is null)
        {
            // Nothing to cancel (already gone, or a stale link): the list says how things stand.
            return Redirect(Here(programmeId, id));
        }

        var waiting = Entries.Count(e => e.Registration.State == RegistrationState.Waitlisted);
        Confirm = question(entry, waiting) with { Fields = new Dictionary<string, string> { [nameof(EmployeeNumber)] = entry.EmployeeNumber } };
        return Page();
    }

    /// <summary>Employees in the reader's scope whose name contains the search text or whose number starts with it.</summary>
    private async Task<IReadOnlyList<Found>> SearchAsync(int sessionId, CancellationToken cancellationToken)
    {
        var text = Query?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var scope = await StaffScope.ForAsync(User, db, cancellationToken);
        var lower = text.ToLowerInvariant();
#pragma warning disable CA1304, CA1862 // translated to SQL lower(); it never runs in .NET, so no culture applies
        var found = await scope.Apply(db.Employees.AsNoTracking())
            .Where(e => e.Status != EmployeeStatus.Left && (e.Name.ToLower().Contains(lower) || e.EmployeeNumber.StartsWith(text)))
#pragma warning restore CA1304, CA1862
            .OrderBy(e => e.Name).ThenBy(e => e.EmployeeNumber).Take(MaxFound)
            .Select(e => new { e.Id, e.EmployeeNumber, e.Name, Unit = e.OrgUnit!.Code })
            .ToListAsync(cancellationToken);
        var here = Entries.Select(e => e.EmployeeNumber).ToHashSet();
        return found.Select(e => new Found(e.EmployeeNumber, e.Name, e.Unit, here.Contains(e.EmployeeNumber))).ToList();
    }

    private async Task<IActionResult> ActAsync(int programmeId, int id, Func<int, Task<string>> act, CancellationToken cancellationToken)
    {
        if (!await db.TrainingSessions.AnyAsync(s => s.Id == id && s.ProgrammeId == programmeId, cancellationToken))
        {
            return NotFound();
        }

        try
        {
            var number = EmployeeNumber?.Trim() ?? "";
            var employee = await db.Employees.Where(e => e.EmployeeNumber == number).Select(e => new { e.Id, e.Name }).FirstOrDefaultAsync(cancellationToken)
                ?? throw new DomainRuleException(l["There is no employee with the number “{0}”.", number]);
            _who = $"{employee.Name} ({number})";
            TempData.Saved(await act(employee.Id));
            return Redirect(Here(programmeId, id));
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
        ProgrammeTitle = (await db.Programmes.Where(p => p.Id == programmeId).Select(p => p.Title).FirstAsync(cancellationToken)).ToString();
        Entries = await SessionRoster.ReadAsync(db, id, includeCancelled: false, cancellationToken);
        Targets = (await db.TrainingSessions.AsNoTracking()
            .Where(s => s.ProgrammeId == programmeId && s.Id != id && s.CancelledAt == null && s.StartsAtUtc > now)
            .OrderBy(s => s.StartsAtUtc).ToListAsync(cancellationToken)).Select(SessionRow.Of).ToList();
        return true;
    }
}
