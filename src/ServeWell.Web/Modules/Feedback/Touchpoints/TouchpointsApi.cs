using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Platform.Web;

namespace ServeWell.Web.Modules.Feedback.Touchpoints;

/// <summary>A touchpoint as the API lists it, with the address its poster's QR code points at.</summary>
public sealed record TouchpointDto(
    int Id, string Code, string Kind, string Label, string OrgUnit, string OrgUnitName, string? Service, string? ServiceName,
    string? EmployeeNumber, string PublicUrl, bool Active);

public static class TouchpointsApi
{
    public static RouteGroupBuilder MapTouchpointsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/touchpoints", ListAsync)
            .RequireAuthorization(Policies.ViewFeedback)
            .WithName("ListTouchpoints")
            .WithSummary("Touchpoints within the caller's scope: code, kind, org unit, service and public URL. Retired ones only with includeRetired=true.");
        return api;
    }

    private static async Task<IResult> ListAsync(
        HttpRequest request, ServeWellDbContext db, StaffScope scope, PublicUrl publicUrl, bool? includeRetired, CancellationToken cancellationToken)
    {
        var filter = await scope.GetAsync(cancellationToken);
        var rows = await Query(db, filter, includeRetired == true).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(t => ToDto(t, publicUrl.For(request, Touchpoint.PublicPath(t.Code)), Cultures.ReadsEnglish)).ToList());
    }

    public static IQueryable<Touchpoint> Query(ServeWellDbContext db, ScopeFilter filter, bool includeRetired)
    {
        var units = filter.Apply(db.OrgUnits).Select(u => u.Id);
        return db.Touchpoints.AsNoTracking()
            .Include(t => t.OrgUnit).Include(t => t.Service).Include(t => t.Employee)
            .Where(t => units.Contains(t.OrgUnitId))
            .Where(t => includeRetired || t.RetiredAt == null)
            .OrderBy(t => t.OrgUnit!.Code).ThenBy(t => t.Label);
    }

    public static TouchpointDto ToDto(Touchpoint t, string url, bool english) => new(
        t.Id, t.Code, t.Kind.ToString(), t.Label, t.OrgUnit!.Code, t.OrgUnit.DisplayName(english), t.Service?.Code, t.Service?.DisplayName(english),
        t.Employee?.EmployeeNumber, url, t.IsActive);
}
