using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.People.Employees;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.People.OrgUnits;

[Authorize(Policy = Policies.ViewPeople)]
public sealed class IndexModel(ServeWellDbContext db, StaffScope scope, IAuthorizationService authorization) : PageModel
{
    public sealed record UnitRow(int Id, string Code, string Name, OrgUnitKind Kind, int Depth, bool IsActive, int Employees);

    /// <summary>A unit with the units below it, so the page can nest lists and a screen reader can tell who is under whom.</summary>
    public sealed record UnitNode(UnitRow Unit, List<UnitNode> Children);

    public IReadOnlyList<UnitNode> Roots { get; private set; } = [];

    public IReadOnlyList<UnitRow> Units { get; private set; } = [];

    public int MinDepth { get; private set; }

    public bool CanManage { get; private set; }

    [BindProperty(SupportsGet = true)]
    public bool Inactive { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var filter = await scope.GetAsync(cancellationToken);
        var english = Cultures.ReadsEnglish;
        var units = await filter.Apply(db.OrgUnits.AsNoTracking())
            .Where(u => Inactive || u.IsActive)
            .Select(u => new { u.Id, u.Code, u.Name, u.NameEn, u.Kind, u.Depth, u.IsActive, u.Path })
            .ToListAsync(cancellationToken);
        var counts = await db.Employees.AsNoTracking()
            .Where(e => e.Status != EmployeeStatus.Left)
            .GroupBy(e => e.OrgUnitId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

        // Depth-first order, siblings by code: the sort key is the chain of codes from the root down.
        var codeOf = units.ToDictionary(u => u.Id.ToString(CultureInfo.InvariantCulture), u => u.Code);
        Units = units
            .OrderBy(u => string.Join('\u0001', u.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(id => codeOf.GetValueOrDefault(id, id))), StringComparer.Ordinal)
            .Select(u => new UnitRow(u.Id, u.Code, english && !string.IsNullOrEmpty(u.NameEn) ? u.NameEn! : u.Name, u.Kind, u.Depth, u.IsActive, counts.GetValueOrDefault(u.Id)))
            .ToList();
        MinDepth = Units.Count == 0 ? 0 : Units.Min(u => u.Depth);
        Roots = Nest(Units);
        CanManage = (await authorization.AuthorizeAsync(User, Policies.ManageOrganisation)).Succeeded;
    }

    /// <summary>Turns the depth-first list into a tree; a unit whose parent is hidden (inactive, out of scope) becomes a root.</summary>
    private static List<UnitNode> Nest(IReadOnlyList<UnitRow> depthFirst)
    {
        var roots = new List<UnitNode>();
        var open = new Stack<UnitNode>();
        foreach (var row in depthFirst)
        {
            while (open.Count > 0 && open.Peek().Unit.Depth >= row.Depth)
            {
                open.Pop();
            }

            var node = new UnitNode(row, []);
            (open.Count > 0 ? open.Peek().Children : roots).Add(node);
            open.Push(node);
        }

        return roots;
    }
}
