using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Modules.Training.Certificates;
using ServeWell.Web.Modules.Training.Registrations;
using ServeWell.Web.Modules.Training.Sessions;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Layout;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Platform.Web;

namespace ServeWell.Web.Modules.Training.MyTraining;

/// <summary>
/// "My training", one page for everything an employee does in training (ADR-032): each programme with its one true next
/// step as the primary action (choose a session, check in, evaluate, take the knowledge check, download the certificate),
/// the sessions to choose or switch to, and the history; then the certificates. Any account linked to an employee may use it.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(ServeWellDbContext db, MyTrainingRead read, SessionRegistrations registrations, IStringLocalizer<SharedResource> l) : PageModel
{
    public bool Linked { get; private set; }

    public IReadOnlyList<MyProgramme> Programmes { get; private set; } = [];

    public IReadOnlyList<Certificate> Certificates { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public string? Problem { get; private set; }

    /// <summary>Set when the page asks to confirm giving up a place, instead of showing the list.</summary>
    public Confirmation? Confirm { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostRegisterAsync(int sessionId, CancellationToken cancellationToken) =>
        ActAsync(async employee =>
        {
            var r = await registrations.RegisterAsync(sessionId, employee, RegistrationMode.Self, User.Identity?.Name ?? "", cancellationToken);
            return r.State == RegistrationState.Registered ? l["Your place is booked. A calendar invitation is on its way by email."] : l["The session is full: you are on its waitlist. We will email you when a place is yours."];
        }, cancellationToken);

    /// <summary>Asks before giving up a place, and says what follows.</summary>
    public async Task<IActionResult> OnGetCancelAsync(int sessionId, CancellationToken cancellationToken)
    {
        if (User.EmployeeId() is not { } employee)
        {
            return Forbid();
        }

        var place = await db.SessionRegistrations.AsNoTracking()
            .Where(r => r.SessionId == sessionId && r.EmployeeId == employee && (r.State == RegistrationState.Registered || r.State == RegistrationState.Waitlisted))
            .Join(db.TrainingSessions, r => r.SessionId, s => s.Id, (r, s) => new { r.State, Session = s })
            .FirstOrDefaultAsync(cancellationToken);
        if (place is null)
        {
            return RedirectToPage();
        }

        var when = SessionRow.Of(place.Session).When;
        var waiting = await db.SessionRegistrations.CountAsync(r => r.SessionId == sessionId && r.State == RegistrationState.Waitlisted, cancellationToken);
        Confirm = new Confirmation(
            place.State == RegistrationState.Registered ? l["Give up your place on {0}?", when] : l["Leave the waitlist for {0}?", when],
            [
                place.State == RegistrationState.Registered && waiting > 0
                    ? l["Your place goes to the first of the {0} people on the waitlist, who will be told by email.", waiting]
                    : l["Your place is freed for someone else."],
                l["You will get an email confirming the cancellation. You can choose a session again afterwards, while places are free."],
            ],
            place.State == RegistrationState.Registered ? l["Give up my place"] : l["Leave the waitlist"],
            "/Training/My?handler=Cancel", "/Training/My", l["Keep my place"])
        {
            Fields = new Dictionary<string, string> { ["sessionId"] = sessionId.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        };
        return Page();
    }

    /// <summary>Gives up the place only when confirmed; a post without the confirmation goes to the question.</summary>
    public Task<IActionResult> OnPostCancelAsync(int sessionId, bool confirmed, CancellationToken cancellationToken) =>
        !confirmed
            ? Task.FromResult<IActionResult>(RedirectToPage(null, "Cancel", new { sessionId }))
            : ActAsync(async employee =>
            {
                var when = await db.TrainingSessions.AsNoTracking().Where(s => s.Id == sessionId).FirstOrDefaultAsync(cancellationToken) is { } s ? SessionRow.Of(s).When : "";
                await registrations.CancelAsync(sessionId, employee, byOfficer: false, User.Identity?.Name ?? "", cancellationToken);
                return l["Your place on {0} is cancelled.", when];
            }, cancellationToken);

    private async Task<IActionResult> ActAsync(Func<int, Task<string>> act, CancellationToken cancellationToken)
    {
        if (User.EmployeeId() is not { } employee)
        {
            return Forbid();
        }

        try
        {
            TempData.Saved(await act(employee));
            return RedirectToPage();
        }
        catch (DomainRuleException ex)
        {
            Problem = ex.Message;
            await LoadAsync(cancellationToken);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (User.EmployeeId() is not { } employee)
        {
            return;
        }

        Linked = true;
        var mine = await read.ReadAsync(employee, cancellationToken);
        (Programmes, Certificates, Today) = (mine.Programmes, mine.Certificates, mine.Today);
    }
}
