using Microsoft.AspNetCore.Http.HttpResults;
using ServeWell.Web.Modules.Protection.Encounters;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Protection.Officers;

public sealed record OfficerDto(int Id, string OrgUnitCode, string Account, string Name, DateTime DesignatedAtUtc);

public sealed record OfficerRequest(string? OrgUnitCode, string? Account);

/// <summary>Protection officers through the API (ADR-063): administrators only, as on the page.</summary>
public static class OfficersApi
{
    public static RouteGroupBuilder MapOfficersApi(this RouteGroupBuilder api)
    {
        api.MapGet("/protection/officers", ListAsync).RequireAuthorization(Policies.Administer).WithName("ListProtectionOfficers")
            .WithSummary("The protection officers per org unit; each sees the encounters of the unit and everything below it in full.");
        api.MapPost("/protection/officers", DesignateAsync).RequireAuthorization(Policies.Administer).WithName("DesignateProtectionOfficer")
            .WithSummary("Designates an account (its email, or the number of an employee with an account) protection officer of an org unit.");
        api.MapDelete("/protection/officers/{id:int}", RemoveAsync).RequireAuthorization(Policies.Administer).WithName("RemoveProtectionOfficer")
            .WithSummary("Ends a designation; the account no longer sees the unit's encounters.");
        return api;
    }

    private static async Task<Ok<List<OfficerDto>>> ListAsync(OfficerDesignations officers, CancellationToken cancellationToken) =>
        TypedResults.Ok((await officers.ListAsync(cancellationToken)).Select(Dto).ToList());

    private static async Task<Results<Created<OfficerDto>, ValidationProblem>> DesignateAsync(OfficerRequest request, OfficerDesignations officers, CancellationToken cancellationToken)
    {
        var outcome = await officers.DesignateAsync(request.OrgUnitCode, request.Account, cancellationToken);
        if (!outcome.Succeeded)
        {
            return ProtectionResults.Invalid(outcome.Problems);
        }

        var line = (await officers.FindAsync(outcome.Row!.Id, cancellationToken))!;
        return TypedResults.Created($"/api/v1/protection/officers/{line.Id}", Dto(line));
    }

    private static async Task<Results<NoContent, NotFound>> RemoveAsync(int id, OfficerDesignations officers, CancellationToken cancellationToken) =>
        await officers.RemoveAsync(id, cancellationToken) is null ? TypedResults.NotFound() : TypedResults.NoContent();

    private static OfficerDto Dto(OfficerLine o) => new(o.Id, o.UnitCode, o.Email, o.Name, o.DesignatedAtUtc);
}
