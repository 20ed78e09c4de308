using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ServeWell.Web.Modules.Recognition.Awards;

namespace ServeWell.Web.Modules.Recognition.Public;

/// <summary>The public wall of courteous employees of the month (ADR-058): consenting awardees, their office and story; no citizen data.</summary>
[AllowAnonymous]
public sealed class WallModel(AwardReads awards) : PageModel
{
    public IReadOnlyList<WallEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Entries = await awards.WallAsync(12, cancellationToken);
}
