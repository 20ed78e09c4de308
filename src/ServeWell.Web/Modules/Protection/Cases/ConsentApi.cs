using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ServeWell.Web.Modules.Protection.Encounters;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Protection.Cases;

/// <param name="PracticeCaseId">The draft in the case library, which its author (the employee) edits and sends to review.</param>
public sealed record CaseConsentDto(int PracticeCaseId, string Reference, string Status);

/// <summary>The employee's consent that their encounter becomes a draft library case (ADR-062).</summary>
public static class ConsentApi
{
    public static RouteGroupBuilder MapConsentApi(this RouteGroupBuilder api)
    {
        api.MapPost("/encounters/{id:int}/case-consent", ConsentAsync).RequireAuthorization(Policies.Staff).WithName("ConsentToPracticeCase")
            .WithSummary("The employee (only) lets their encounter become a draft case of the practice library, scrubbed and without their name (201; 200 when given before). 403 for anyone else who sees the encounter, 404 for those who do not.");
        return api;
    }

    private static async Task<Results<Created<CaseConsentDto>, Ok<CaseConsentDto>, ValidationProblem, ForbidHttpResult, NotFound>> ConsentAsync(
        int id, ClaimsPrincipal user, ServeWellDbContext db, EncounterCaseDraft drafts, CancellationToken cancellationToken)
    {
        var reader = await EncounterReader.ForAsync(user, db, cancellationToken);
        var outcome = await drafts.ConsentAsync(id, reader, user, cancellationToken);
        if (outcome.NotFound)
        {
            return TypedResults.NotFound();
        }

        if (outcome.Forbidden)
        {
            return TypedResults.Forbid();
        }

        if (!outcome.Succeeded)
        {
            return ProtectionResults.Invalid(outcome.Problems);
        }

        var c = outcome.Case!;
        var dto = new CaseConsentDto(c.Id, c.Reference, c.Status.ToString().ToLowerInvariant());
        return outcome.Existing ? TypedResults.Ok(dto) : TypedResults.Created($"/api/v1/cases/{c.Id}", dto);
    }
}
