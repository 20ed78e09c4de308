using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Modules.Feedback.Intake;
using ServeWell.Web.Modules.Feedback.Touchpoints;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Layout;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Feedback.Kiosks;

public sealed class KioskForm
{
    [Required(ErrorMessage = "Enter a name.")]
    [StringLength(120, ErrorMessage = "At most 120 characters.")]
    public string Name { get; set; } = "";

    public int TouchpointId { get; set; }
}

/// <summary>Registers kiosk devices (the token is shown once, only its hash is kept) and revokes them.</summary>
[Authorize(Policy = Policies.ManageFeedback)]
public sealed class IndexModel(ServeWellDbContext db, FeedbackLookups lookups, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public KioskForm Form { get; set; } = new();

    public IReadOnlyList<KioskDevice> Devices { get; private set; } = [];

    public IReadOnlyList<Touchpoint> Touchpoints { get; private set; } = [];

    public string? NewToken { get; private set; }

    public string? NewTokenDevice { get; private set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostRegisterAsync(CancellationToken cancellationToken)
    {
        var touchpoint = await db.Touchpoints.FirstOrDefaultAsync(t => t.Id == Form.TouchpointId && t.RetiredAt == null, cancellationToken);
        if (touchpoint is null)
        {
            ModelState.AddModelError("Form.TouchpointId", l["Choose a touchpoint that takes answers."]);
        }

        if (ModelState.IsValid)
        {
            var token = KioskTokens.New();
            db.KioskDevices.Add(new KioskDevice
            {
                Name = Form.Name.Trim(), TouchpointId = touchpoint!.Id, TokenHash = KioskTokens.Hash(token), TokenHint = token[..10],
                CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = User.Identity?.Name ?? "",
            });
            await db.SaveChangesAsync(cancellationToken);
            lookups.Invalidate();
            NewToken = token;
            NewTokenDevice = Form.Name.Trim();
            Form = new KioskForm();
            ModelState.Clear();
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public Confirmation? Confirm { get; private set; }

    /// <summary>Asks before revoking, and says what stops (ADR-032, ADR-039).</summary>
    public async Task<IActionResult> OnGetRevokeAsync(int deviceId, CancellationToken cancellationToken)
    {
        var device = await db.KioskDevices.AsNoTracking().Include(d => d.Touchpoint).FirstOrDefaultAsync(d => d.Id == deviceId, cancellationToken);
        if (device is null)
        {
            return NotFound();
        }

        if (device.RevokedAt is not null)
        {
            return Redirect("/Feedback/Kiosks");
        }

        Confirm = new Confirmation(
            l["Revoke the kiosk “{0}”?", device.Name],
            [
                l["The kiosk at {0} can no longer send answers with its token (it starts with {1}); answers it still holds offline are refused.", device.Touchpoint!.Label.ToString(), device.TokenHint],
                l["A revoked kiosk cannot be restored; register the device again to use it."],
            ],
            l["Revoke the kiosk"], "/Feedback/Kiosks?handler=Revoke", "/Feedback/Kiosks", l["Keep the kiosk"])
        {
            Fields = new Dictionary<string, string> { ["deviceId"] = deviceId.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        };
        return Page();
    }

    /// <summary>Revokes only when confirmed; a post without the confirmation goes to the question.</summary>
    public async Task<IActionResult> OnPostRevokeAsync(int deviceId, bool confirmed, CancellationToken cancellationToken)
    {
        var device = await db.KioskDevices.FirstOrDefaultAsync(d => d.Id == deviceId, cancellationToken);
        if (device is null)
        {
            return NotFound();
        }

        if (!confirmed)
        {
            return Redirect($"/Feedback/Kiosks?handler=Revoke&deviceId={deviceId}");
        }

        if (device.RevokedAt is null)
        {
            device.RevokedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
            lookups.Invalidate();
            TempData.Saved(l["Kiosk “{0}” is revoked: it can no longer send answers.", device.Name]);
        }

        return Redirect("/Feedback/Kiosks");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Devices = await db.KioskDevices.AsNoTracking().Include(d => d.Touchpoint).OrderBy(d => d.RevokedAt != null).ThenBy(d => d.Name).ToListAsync(cancellationToken);
        Touchpoints = await db.Touchpoints.AsNoTracking().Include(t => t.OrgUnit).Where(t => t.RetiredAt == null)
            .OrderBy(t => t.Kind != TouchpointKind.Kiosk).ThenBy(t => t.OrgUnit!.Code).ThenBy(t => t.Label.Ko).ThenBy(t => t.Label.En).ToListAsync(cancellationToken);
    }
}
