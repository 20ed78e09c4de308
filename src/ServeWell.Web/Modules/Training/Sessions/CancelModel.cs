using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Modules.Training.Registrations;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Layout;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Training.Sessions;

/// <summary>
/// Asks before cancelling and says the consequence (ADR-032): who is registered or waiting and will be told; a cancelled
/// session cannot be restored, and calendars that imported it drop it. Only a post with the confirmation cancels.
/// </summary>
[Authorize(Policy = Policies.ManageTraining)]
public sealed class CancelModel(ServeWellDbContext db, SaveSession save, IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>People with a place, and people waiting: all are told when the session is cancelled.</summary>
    public int Registered { get; private set; }

    public int Waiting { get; private set; }

    public SessionRow Row { get; private set; } = null!;

    public string ProgrammeTitle { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int programmeId, int id, CancellationToken cancellationToken)
    {
        var session = await db.TrainingSessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id && s.ProgrammeId == programmeId, cancellationToken);
        if (session is null)
        {
            return NotFound();
        }

        Row = SessionRow.Of(session);
        ProgrammeTitle = (await db.Programmes.Where(p => p.Id == programmeId).Select(p => p.Title).FirstAsync(cancellationToken)).ToString();
        (Registered, Waiting) = await CountAsync(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int programmeId, int id, bool confirmed, CancellationToken cancellationToken)
    {
        var session = await db.TrainingSessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id && s.ProgrammeId == programmeId, cancellationToken);
        if (session is null)
        {
            return NotFound();
        }

        if (!confirmed || session.IsCancelled)
        {
            return Redirect($"/Training/Programmes/{programmeId}/Sessions/Cancel/{id}");
        }

        var (registered, waiting) = await CountAsync(id, cancellationToken);
        await save.CancelAsync(id, cancellationToken);
        TempData.Saved(l["Session {0} cancelled; {1} people were told.", SessionRow.Of(session).When, registered + waiting]);
        return Redirect($"/Training/Programmes/Details/{programmeId}#sessions");
    }

    private async Task<(int Registered, int Waiting)> CountAsync(int id, CancellationToken cancellationToken)
    {
        var states = await db.SessionRegistrations.Where(r => r.SessionId == id && (r.State == RegistrationState.Registered || r.State == RegistrationState.Waitlisted))
            .Select(r => r.State).ToListAsync(cancellationToken);
        return (states.Count(s => s == RegistrationState.Registered), states.Count(s => s == RegistrationState.Waitlisted));
    }
}
