using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Modules.FollowUps.Cases;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Layout;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.FollowUps.Owners;

/// <summary>The administrator's choice of who owns cases no supervisor covers (ADR-029); saving it is audited.</summary>
[Authorize(Policy = Policies.Administer)]
public sealed class IndexModel(ServeWellDbContext db, CaseOwners owners, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public string? Fallback { get; set; }

    public OwnerFallback Current { get; private set; }

    public int Unassigned { get; private set; }


    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Current = await owners.FallbackAsync(cancellationToken);
        Fallback = Current.ToString();
        Unassigned = await CountUnassignedAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<OwnerFallback>(Fallback, ignoreCase: false, out var chosen) || !Enum.IsDefined(chosen))
        {
            ModelState.AddModelError(nameof(Fallback), l["Choose who owns cases that no supervisor covers."]);
            await OnGetAsync(cancellationToken);
            return Page();
        }

        var settings = await db.Set<FollowUpSettings>().FirstOrDefaultAsync(s => s.Id == FollowUpSettings.SingletonId, cancellationToken)
            ?? db.Add(new FollowUpSettings()).Entity;
        settings.OwnerFallback = chosen;
        settings.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        // Cases waiting without an owner get one now rather than at the next background pass.
        var moved = await owners.AdoptAsync(cancellationToken);
        TempData.Saved(l["Saved. {0} open cases were given an owner.", moved]);
        return Redirect("/FollowUps/Owners");
    }

    private Task<int> CountUnassignedAsync(CancellationToken cancellationToken) =>
        db.Set<FollowUpCase>().CountAsync(c => (c.State == FollowUpState.New || c.State == FollowUpState.Contacted) && c.AssignedUserId == null, cancellationToken);
}
