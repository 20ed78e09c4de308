using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ServeWell.Web.Modules.Feedback.Surveys;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.Feedback.Kiosks;

/// <summary>
/// The kiosk page. It renders the standard survey; once the device token is known, kiosk.js fetches the touchpoint's
/// own version (/api/v1/kiosk/survey), keeps it for offline restarts and sends its id with every queued answer (ADR-017).
/// </summary>
[AllowAnonymous]
public sealed class KioskModel(ServeWellDbContext db) : PageModel
{
    public AskedSurvey Survey { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Survey = await AskedSurvey.ForTouchpointAsync(db, null, cancellationToken);
}
