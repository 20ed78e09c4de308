using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Modules.Recognition.Awards;
using ServeWell.Web.Modules.Recognition.Rounds;
using ServeWell.Web.Platform.Layout;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Recognition.Pages;

/// <summary>The signed-in employee's courtesy awards (their record, ADR-058) and their own say on the public wall.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class AwardsModel(AwardReads awards, DecideRound decide, IStringLocalizer<SharedResource> l) : PageModel
{
    public IReadOnlyList<AwardDto> Awards { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Awards = await awards.OfEmployeeAsync(User.EmployeeId(), cancellationToken);

    public async Task<IActionResult> OnPostWallAsync(int id, bool show, CancellationToken cancellationToken)
    {
        var outcome = await decide.SetWallAsync(id, show, RecognitionActor.Of(User), cancellationToken);
        if (!outcome.Succeeded)
        {
            return NotFound();
        }

        TempData.Saved(show ? l["Your award is shown on the public wall."] : l["Your award is no longer shown on the public wall."]);
        return Redirect("/Recognition/Awards");
    }
}

/// <summary>The awards on "My profile" (ADR-050's contract): shown only to an employee who has any.</summary>
internal sealed class AwardsProfileSection(AwardReads awards) : IProfileSection
{
    public async Task<ProfileSection?> ReadAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await awards.OfEmployeeAsync(user.EmployeeId(), cancellationToken) is { Count: > 0 } mine
            ? new ProfileSection("/Modules/Recognition/Pages/_Awards.cshtml", mine)
            : null;
}
