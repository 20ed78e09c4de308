using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using ServeWell.Web.Modules.Feedback.Intake;
using ServeWell.Web.Modules.Feedback.Surveys;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.Feedback.Kiosks;

/// <summary>
/// The kiosk page: one question, five faces, one tap (ADR-037). It renders the standard survey; once the device token is
/// known, kiosk.js fetches the touchpoint's own version, the office's name and its staff on duty (/api/v1/kiosk/survey),
/// keeps them for offline restarts and sends the version's id with every queued answer (ADR-017).
/// </summary>
[AllowAnonymous]
public sealed class KioskModel(ServeWellDbContext db, IOptions<FeedbackOptions> options) : PageModel
{
    public AskedSurvey Survey { get; private set; } = null!;

    /// <summary>Seconds the kiosk waits for the citizen after an answer before it starts again.</summary>
    public int IdleSeconds => options.Value.KioskIdleSeconds;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Survey = await AskedSurvey.ForTouchpointAsync(db, null, cancellationToken);
}
