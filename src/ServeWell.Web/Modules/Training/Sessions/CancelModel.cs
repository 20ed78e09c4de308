using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Training.Sessions;

/// <summary>Asks before cancelling: a cancelled session cannot be restored, and calendars that imported it drop it.</summary>
[Authorize(Policy = Policies.ManageTraining)]
public sealed class CancelModel(ServeWellDbContext db, SaveSession save) : PageModel
{
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
        ProgrammeTitle = await db.Programmes.Where(p => p.Id == programmeId).Select(p => p.Title).FirstAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int programmeId, int id, CancellationToken cancellationToken)
    {
        if (!await db.TrainingSessions.AnyAsync(s => s.Id == id && s.ProgrammeId == programmeId, cancellationToken))
        {
            return NotFound();
        }

        await save.CancelAsync(id, cancellationToken);
        return Redirect($"/Training/Programmes/Details/{programmeId}#sessions");
    }
}
