using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Feedback.Posters;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Platform.Web;

namespace ServeWell.Web.Modules.Feedback.Touchpoints;

/// <summary>A touchpoint as the API lists it, with the address its poster's QR code points at.</summary>
/// <param name="Label">In the reader's language, falling back to the other.</param>
/// <param name="Labels">Both languages, {"en": "…", "ko": "…"} (ADR-030).</param>
public sealed record TouchpointDto(
    int Id, string Code, string Kind, string Label, string OrgUnit, string OrgUnitName, string? Service, string? ServiceName,
    string? EmployeeNumber, string PublicUrl, bool Active, int SurveyId, string SurveyName, LocalText Labels);

public static class TouchpointsApi
{
    public static RouteGroupBuilder MapTouchpointsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/touchpoints", ListAsync)
            .RequireAuthorization(Policies.ViewFeedback)
            .WithName("ListTouchpoints")
            .WithSummary("Touchpoints within the caller's scope: code, kind, org unit, service, public URL and the survey it asks. Retired ones only with includeRetired=true.");
        api.MapGet("/touchpoints/{code}/poster.pdf", PosterAsync)
            .RequireAuthorization(Policies.ViewFeedback)
            .WithName("TouchpointPoster")
            .WithSummary("A bilingual printable poster with the touchpoint's QR code: format=a4 (default) or tent (A6 table tent).");
        return api;
    }

    private static async Task<IResult> ListAsync(
        HttpRequest request, ServeWellDbContext db, StaffScope scope, PublicUrl publicUrl, bool? includeRetired, CancellationToken cancellationToken)
    {
        var filter = await scope.GetAsync(cancellationToken);
        var rows = await Query(db, filter, includeRetired == true).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(t => ToDto(t, publicUrl.For(request, Touchpoint.PublicPath(t.Code)), Cultures.ReadsEnglish)).ToList());
    }

    private static async Task<IResult> PosterAsync(
        string code, string? format, HttpRequest request, ServeWellDbContext db, StaffScope scope, PublicUrl publicUrl,
        TouchpointPoster posters, CancellationToken cancellationToken)
    {
        var chosen = format?.ToLowerInvariant() switch
        {
            null or "" or "a4" => PosterFormat.A4,
            "tent" => PosterFormat.Tent,
            _ => (PosterFormat?)null,
        };
        if (chosen is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["format"] = [$"\"{format}\" is not a poster format: a4 or tent."] });
        }

        var filter = await scope.GetAsync(cancellationToken);
        var normalised = code.ToLowerInvariant();
        var t = await Query(db, filter, includeRetired: false).FirstOrDefaultAsync(x => x.Code == normalised, cancellationToken);
        if (t is null)
        {
            return TypedResults.NotFound();
        }

        var content = new PosterContent(
            t.OrgUnit!.Name, t.OrgUnit.DisplayName(true), t.Service?.NameKo, t.Service?.NameEn, t.Label.Both, publicUrl.For(request, Touchpoint.PublicPath(t.Code)));
        var pdf = posters.Render(content, chosen.Value);
        return TypedResults.File(pdf, "application/pdf", $"poster-{t.Code}-{chosen.Value.ToString().ToLowerInvariant()}.pdf");
    }

    public static IQueryable<Touchpoint> Query(ServeWellDbContext db, ScopeFilter filter, bool includeRetired)
    {
        var units = filter.Apply(db.OrgUnits).Select(u => u.Id);
        return db.Touchpoints.AsNoTracking()
            .Include(t => t.OrgUnit).Include(t => t.Service).Include(t => t.Employee).Include(t => t.SurveyDefinition)
            .Where(t => units.Contains(t.OrgUnitId))
            .Where(t => includeRetired || t.RetiredAt == null)
            .OrderBy(t => t.OrgUnit!.Code).ThenBy(t => t.Label.Ko).ThenBy(t => t.Label.En);
    }

    public static TouchpointDto ToDto(Touchpoint t, string url, bool english) => new(
        t.Id, t.Code, t.Kind.ToString(), t.Label.For(english), t.OrgUnit!.Code, t.OrgUnit.DisplayName(english), t.Service?.Code, t.Service?.DisplayName(english),
        t.Employee?.EmployeeNumber, url, t.IsActive,
        t.SurveyDefinitionId ?? Surveys.SurveyDefinition.DefaultId, t.SurveyDefinition?.Name ?? Surveys.SurveyDefinition.DefaultName, t.Label);
}
