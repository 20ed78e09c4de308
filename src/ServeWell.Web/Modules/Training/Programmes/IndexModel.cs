using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Training.Audiences;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Training.Programmes;

[Authorize(Policy = Policies.ViewTraining)]
public sealed class IndexModel(ServeWellDbContext db, MatchAudience match, IAuthorizationService authorization) : PageModel
{
    public sealed record Row(int Id, string Title, Delivery Delivery, decimal Hours, bool Mandatory, DateOnly? DueDate, int AudienceCount);

    public IReadOnlyList<Row> Programmes { get; private set; } = [];

    public bool CanManage { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var programmes = (await db.Programmes.AsNoTracking().ToListAsync(cancellationToken)).OrderBy(p => p.Title.ToString(), StringComparer.CurrentCulture).ToList();
        var rows = new List<Row>();
        foreach (var p in programmes)
        {
            rows.Add(new Row(p.Id, p.Title.ToString(), p.Delivery, p.Hours, p.IsMandatory, p.DueDate, await match.CountAsync(p.Audience, cancellationToken)));
        }

        Programmes = rows;
        CanManage = (await authorization.AuthorizeAsync(User, Policies.ManageTraining)).Succeeded;
    }
}
