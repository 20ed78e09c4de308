using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Training.Competencies;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Practice.Cases;

/// <summary>The library: published cases, searched in Korean or English and filtered, 20 a page (ADR-053).</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(ServeWellDbContext db, CaseSearch search) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public CaseQuery Query { get; set; } = new();

    public CaseHits Result { get; private set; } = new([], 0, 1, CaseQuery.PageSize);

    public IReadOnlyList<Competency> Catalogue { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Catalogue = await db.Competencies.AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.Code).ToListAsync(cancellationToken);
        Result = await search.SearchAsync(Query, cancellationToken);
    }

    public string PageLink(int page) => QueryString.Create(new Dictionary<string, string?>
    {
        ["Q"] = Query.Q, ["Channel"] = Query.Channel, ["Kind"] = Query.Kind, ["Tag"] = Query.Tag, ["Competency"] = Query.Competency,
        ["Page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent();
}
