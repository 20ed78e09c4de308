using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Protection.Encounters;

/// <param name="EmployeeNumber">Whose encounter it is; empty: the caller's own.</param>
public sealed record AnswerFlagRequest(string? EmployeeNumber);

/// <summary>
/// What a flagger who may not read the encounter learns (ADR-062, addendum): that it is recorded, and its reference to
/// name to the protection officer; nothing of whose it is or what it says.
/// </summary>
public sealed record AbuseFlagReceiptDto(string Reference, bool Recorded);

/// <summary>Flagging a follow-up case or a citizen answer as abusive (ADR-062): as on the pages, through <see cref="FlagAbuse"/>.</summary>
public static class FlagsApi
{
    public static RouteGroupBuilder MapFlagsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/follow-ups/{id:int}/abuse-flag", FlagCaseAsync).RequireAuthorization(Policies.HandleFollowUps).WithName("FlagFollowUpAsAbusive")
            .WithSummary("Flags a follow-up case the caller may handle as abusive: opens an encounter for its handler (201), or answers the one an earlier flag opened (200); a caller who may not read that encounter gets only its reference and that it is recorded. 404 outside the caller's scope.");
        api.MapPost("/feedback/answers/{id:long}/abuse-flag", FlagAnswerAsync).RequireAuthorization(Policies.ReviseFeedback).WithName("FlagAnswerAsAbusive")
            .WithSummary("Flags a citizen answer as abusive: excludes it from every figure (reason abusive, audited) and opens an encounter for the employee named (or the caller) in one transaction (201); an earlier flag's encounter is answered (200), as only its reference when the caller may not read it.");
        return api;
    }

    private static async Task<Results<Created<EncounterDto>, Ok<EncounterDto>, Created<AbuseFlagReceiptDto>, Ok<AbuseFlagReceiptDto>, ValidationProblem, NotFound>> FlagCaseAsync(
        int id, ClaimsPrincipal user, ServeWellDbContext db, FlagAbuse flags, EncounterBook book, CancellationToken cancellationToken)
    {
        var reader = await EncounterReader.ForAsync(user, db, cancellationToken);
        return await AnswerAsync(await flags.FlagCaseAsync(id, user, reader, cancellationToken), reader, book, cancellationToken);
    }

    private static async Task<Results<Created<EncounterDto>, Ok<EncounterDto>, Created<AbuseFlagReceiptDto>, Ok<AbuseFlagReceiptDto>, ValidationProblem, NotFound>> FlagAnswerAsync(
        long id, AnswerFlagRequest? request, ClaimsPrincipal user, ServeWellDbContext db, FlagAbuse flags, EncounterBook book, CancellationToken cancellationToken)
    {
        var reader = await EncounterReader.ForAsync(user, db, cancellationToken);
        return await AnswerAsync(await flags.FlagAnswerAsync(id, request?.EmployeeNumber, user, reader, cancellationToken), reader, book, cancellationToken);
    }

    private static async Task<Results<Created<EncounterDto>, Ok<EncounterDto>, Created<AbuseFlagReceiptDto>, Ok<AbuseFlagReceiptDto>, ValidationProblem, NotFound>> AnswerAsync(
        FlagOutcome outcome, EncounterReader reader, EncounterBook book, CancellationToken cancellationToken)
    {
        if (outcome.NotFound)
        {
            return TypedResults.NotFound();
        }

        if (!outcome.Succeeded)
        {
            return ProtectionResults.Invalid(outcome.Problems);
        }

        // A flagger who may handle a case but not read its handler's encounter (another unit's employee) learns only that it is recorded.
        if (await book.FindAsync(outcome.Encounter!.Id, reader, cancellationToken) is not { } seen)
        {
            var receipt = new AbuseFlagReceiptDto(outcome.Encounter.Reference, true);
            return outcome.Existing ? TypedResults.Ok(receipt) : TypedResults.Created((string?)null, receipt);
        }

        var dto = EncountersApi.Dto(seen);
        return outcome.Existing ? TypedResults.Ok(dto) : TypedResults.Created($"/api/v1/encounters/{dto.Id}", dto);
    }
}
