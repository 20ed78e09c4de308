using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.People.OrgUnits;

public sealed record OrgUnitDto(string Code, string Name, string? NameEn, string Kind, string? ParentCode, int Depth, bool IsActive);

public static class OrgUnitsApi
{
    public static RouteGroupBuilder MapOrgUnitsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/org-units", ListAsync)
            .RequireAuthorization(Policies.ViewPeople)
            .WithName("ListOrgUnits")
            .WithSummary("The org units the caller may see, parents before children.");
        return api;
    }

    private static async Task<Ok<List<OrgUnitDto>>> ListAsync(bool? includeInactive, ServeWellDbContext db, StaffScope scope, CancellationToken cancellationToken)
    {
        var filter = await scope.GetAsync(cancellationToken);
        var query = filter.Apply(db.OrgUnits.AsNoTracking());
        if (includeInactive != true)
        {
            query = query.Where(u => u.IsActive);
        }

        var units = await query
            .OrderBy(u => u.Depth).ThenBy(u => u.Code)
            .Select(u => new OrgUnitDto(u.Code, u.Name, u.NameEn, u.Kind.ToString(), u.Parent == null ? null : u.Parent.Code, u.Depth, u.IsActive))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(units);
    }
}
