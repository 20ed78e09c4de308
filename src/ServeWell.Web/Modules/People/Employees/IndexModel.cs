using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.People.Grades;
using ServeWell.Web.Modules.People.OrgUnits;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.People.Employees;

[Authorize(Policy = Policies.ViewPeople)]
public sealed class IndexModel(EmployeeDirectory directory, ServeWellDbContext db, StaffScope scope, IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public EmployeeFilter Filter { get; set; } = new();

    public EmployeePage Result { get; private set; } = new([], 0, 1, 50);

    public IReadOnlyList<OrgUnitOption> Units { get; private set; } = [];

    public GradeScale Scale { get; private set; } = GradeScale.Korean();

    public bool CanManage { get; private set; }

    public bool English { get; } = Cultures.ReadsEnglish;

    public DateOnly Today { get; } = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Filter.PageSize = Math.Clamp(Filter.PageSize, 10, 200);
        Result = await directory.SearchAsync(Filter, cancellationToken);
        Scale = await db.GradeScales.CurrentAsync(cancellationToken);
        var access = await scope.GetAsync(cancellationToken);
        Units = await OrgUnitOption.ListAsync(access.Apply(db.OrgUnits), cancellationToken);
        CanManage = (await authorization.AuthorizeAsync(User, Policies.ManageEmployees)).Succeeded;
    }

    public string PageLink(int page)
    {
        var query = Request.Query.ToDictionary(q => q.Key, q => (string?)q.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        query["Page"] = page.ToString(CultureInfo.InvariantCulture);
        return QueryHelpers.AddQueryString("/People/Employees", query.Where(q => !string.IsNullOrEmpty(q.Value)));
    }
}
