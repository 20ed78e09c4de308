using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Feedback.Services;

[Authorize(Policy = Policies.ManageFeedback)]
public sealed class IndexModel(ServeWellDbContext db) : PageModel
{
    public sealed record Row(int Id, string Code, string NameEn, string NameKo, bool IsActive, IReadOnlyList<(string En, string Ko)> Offices);

    public IReadOnlyList<Row> Services { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var services = await db.PublicServices.AsNoTracking().Include(s => s.Offices).OrderBy(s => s.Code).ToListAsync(cancellationToken);
        var units = await db.OrgUnits.AsNoTracking().ToDictionaryAsync(u => u.Id, cancellationToken);
        Services = services.Select(s => new Row(s.Id, s.Code, s.NameEn, s.NameKo, s.IsActive,
            s.Offices.Select(o => units[o.OrgUnitId]).OrderBy(u => u.Code).Select(u => (u.DisplayName(true), u.Name)).ToList())).ToList();
    }
}
