using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ServeWell.Web.Modules.Recognition.Rounds;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Recognition.Pages;

/// <summary>The award rounds the reader may see (ADR-058): officers all, leadership within their scope, jurors theirs.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class RoundsModel(RoundAccess access) : PageModel
{
    public IReadOnlyList<VisibleRound> Rounds { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Rounds = await access.VisibleAsync(RecognitionActor.Of(User), cancellationToken);
}
