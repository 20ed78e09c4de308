using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Platform.Web;

namespace ServeWell.Web.Modules.Feedback.Touchpoints;

[Authorize(Policy = Policies.ViewFeedback)]
public sealed class IndexModel(ServeWellDbContext db, StaffScope scope, PublicUrl publicUrl, IAuthorizationService authorization) : PageModel
{
    public IReadOnlyList<TouchpointDto> Touchpoints { get; private set; } = [];

    public bool CanManage { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        CanManage = (await authorization.AuthorizeAsync(User, Policies.ManageFeedback)).Succeeded;
        var filter = await scope.GetAsync(cancellationToken);
        var rows = await TouchpointsApi.Query(db, filter, includeRetired: false).ToListAsync(cancellationToken);
        Touchpoints = rows.Select(t => TouchpointsApi.ToDto(t, publicUrl.For(Request, Touchpoint.PublicPath(t.Code)), Cultures.ReadsEnglish)).ToList();
    }
}
