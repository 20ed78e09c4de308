using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.People.OrgUnits;

/// <summary>An entry of an org-unit drop-down: indented by depth, named in the reader's language.</summary>
public sealed record OrgUnitOption(string Code, string Name, int Depth)
{
    /// <summary>The active units of <paramref name="units"/> in tree order, indented from the shallowest one.</summary>
    public static async Task<IReadOnlyList<OrgUnitOption>> ListAsync(IQueryable<OrgUnit> units, CancellationToken cancellationToken)
    {
        var english = Cultures.ReadsEnglish;
        var active = await units.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.Path).ToListAsync(cancellationToken);
        var top = active.Count == 0 ? 0 : active.Min(u => u.Depth);
        return active.Select(u => new OrgUnitOption(u.Code, u.DisplayName(english), u.Depth - top)).ToList();
    }
}
