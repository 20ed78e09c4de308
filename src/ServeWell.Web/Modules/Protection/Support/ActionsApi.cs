using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ServeWell.Web.Modules.Protection.Encounters;
using ServeWell.Web.Modules.Protection.Restrictions;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Protection.Support;

public sealed record SupportOfferDto(int Id, string Kind, DateOnly OfferedOn, DateOnly? TakenUpOn, DateOnly? DeclinedOn);

public sealed record LegalActionDto(int Id, string Kind, string Status, DateOnly StatusOn, string? Note);

public sealed record RestrictionDto(int Id, string Scope, string Detail, DateOnly StartsOn, DateOnly EndsOn, DateOnly ReviewOn, string LetterLanguage);

public sealed record LetterRequest(string? Name);

public sealed record LetterTemplateRequest(string? Body);

/// <summary>Support, legal action, restrictions and their letters (issue 17, ADR-059); who may act is <see cref="EncounterReader"/>'s.</summary>
public static class ActionsApi
{
    public static RouteGroupBuilder MapActionsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/encounters/{id:int}/support", OfferAsync).RequireAuthorization(Policies.Staff).WithName("OfferEncounterSupport")
            .WithSummary("Records support offered to the employee: kind counselling|leave|legal-support|away-from-counter, offeredOn (not in the future). Supervisors over the employee, protection officers, administrators.");
        api.MapPost("/encounters/{id:int}/support/{offerId:int}/answer", AnswerAsync).RequireAuthorization(Policies.Staff).WithName("AnswerEncounterSupport")
            .WithSummary("Records that the support was taken up (takenUpOn) or declined (declinedOn): the employee or whoever acts on the encounter.");
        api.MapPost("/encounters/{id:int}/legal-actions", LegalAsync).RequireAuthorization(Policies.Staff).WithName("RecordEncounterLegalAction")
            .WithSummary("Records the institution's legal action: kind criminal-complaint|legal-costs, status planned|filed|under-investigation|closed, statusOn, note.");
        api.MapPost("/encounters/{id:int}/restrictions", RestrictAsync).RequireAuthorization(Policies.Staff).WithName("IssueRestriction")
            .WithSummary("Issues a restriction on the encounter's complainant (recognised by their keyed hash): scope channel|office|contact-person|times|no-access, detail, startsOn, endsOn (not before startsOn), reviewOn (not in the past, not after endsOn), letterLanguage ko|en. Protection officers and administrators.");
        api.MapPost("/encounters/{id:int}/restrictions/{restrictionId:int}/letter", LetterAsync).RequireAuthorization(Policies.Staff).WithName("RestrictionLetter")
            .WithSummary("The restriction's letter as a PDF in its language, addressed to the name given (never stored).");
        api.MapPut("/protection/letter-templates/{language}", SaveTemplateAsync).RequireAuthorization(Policies.Administer).WithName("SaveRestrictionLetterTemplate")
            .WithSummary("Replaces the letter template of ko or en; placeholders {name} {date} {office} {restriction} {from} {until} {review} {reference} {city}; an unknown placeholder is refused by name.");
        api.MapGet("/protection/letter-templates/{language}", TemplateAsync).RequireAuthorization(Policies.Administer).WithName("GetRestrictionLetterTemplate")
            .WithSummary("The letter template of ko or en (the built-in one until an administrator saves their own).");
        return api;
    }

    private static async Task<Results<Ok<SupportOfferDto>, NotFound, ValidationProblem>> OfferAsync(int id, SupportInput request, ClaimsPrincipal user, ServeWellDbContext db, ProtectionActions actions, CancellationToken cancellationToken) =>
        Answer(await actions.OfferSupportAsync(id, request, await EncounterReader.ForAsync(user, db, cancellationToken), cancellationToken), Dto);

    private static async Task<Results<Ok<SupportOfferDto>, NotFound, ValidationProblem>> AnswerAsync(int id, int offerId, TakeUpInput request, ClaimsPrincipal user, ServeWellDbContext db, ProtectionActions actions, CancellationToken cancellationToken) =>
        Answer(await actions.RecordTakeUpAsync(id, offerId, request, await EncounterReader.ForAsync(user, db, cancellationToken), cancellationToken), Dto);

    private static async Task<Results<Ok<LegalActionDto>, NotFound, ValidationProblem>> LegalAsync(int id, LegalActionInput request, ClaimsPrincipal user, ServeWellDbContext db, ProtectionActions actions, CancellationToken cancellationToken) =>
        Answer(await actions.RecordLegalActionAsync(id, request, await EncounterReader.ForAsync(user, db, cancellationToken), cancellationToken),
            a => new LegalActionDto(a.Id, ProtectionActions.LegalKinds.First(k => k.Value == a.Kind).Text, ProtectionActions.LegalStatuses.First(k => k.Value == a.Status).Text, a.StatusOn, a.Note));

    private static async Task<Results<Ok<RestrictionDto>, NotFound, ValidationProblem>> RestrictAsync(int id, RestrictionInput request, ClaimsPrincipal user, ServeWellDbContext db, ProtectionActions actions, CancellationToken cancellationToken) =>
        Answer(await actions.IssueRestrictionAsync(id, request, await EncounterReader.ForAsync(user, db, cancellationToken), cancellationToken), Dto);

    private static async Task<Results<FileContentHttpResult, NotFound, ValidationProblem>> LetterAsync(int id, int restrictionId, LetterRequest request, ClaimsPrincipal user, ServeWellDbContext db, RestrictionLetter letter, CancellationToken cancellationToken)
    {
        var (pdf, problems) = await letter.RenderAsync(id, restrictionId, request.Name, await EncounterReader.ForAsync(user, db, cancellationToken), cancellationToken);
        return pdf is not null ? TypedResults.File(pdf, "application/pdf", $"restriction-{restrictionId}.pdf")
            : problems.Count > 0 ? ProtectionResults.Invalid(problems) : TypedResults.NotFound();
    }

    private static async Task<Results<NoContent, ValidationProblem>> SaveTemplateAsync(string language, LetterTemplateRequest request, RestrictionLetter letter, TimeProvider clock, CancellationToken cancellationToken)
    {
        var problems = await letter.SaveTemplateAsync(language, request.Body, clock.GetUtcNow().UtcDateTime, cancellationToken);
        return problems.Count > 0 ? ProtectionResults.Invalid(problems) : TypedResults.NoContent();
    }

    private static async Task<Results<Ok<LetterTemplateRequest>, NotFound>> TemplateAsync(string language, RestrictionLetter letter, CancellationToken cancellationToken) =>
        language is "ko" or "en" ? TypedResults.Ok(new LetterTemplateRequest(await letter.TemplateAsync(language, cancellationToken))) : TypedResults.NotFound();

    public static SupportOfferDto Dto(SupportOffer o) => new(o.Id, ProtectionActions.SupportKinds.First(k => k.Value == o.Kind).Text, o.OfferedOn, o.TakenUpOn, o.DeclinedOn);

    public static RestrictionDto Dto(Restriction r) => new(r.Id, ProtectionActions.Scopes.First(k => k.Value == r.Scope).Text, r.Detail, r.StartsOn, r.EndsOn, r.ReviewOn, r.LetterLanguage);

    private static Results<Ok<TDto>, NotFound, ValidationProblem> Answer<T, TDto>(ActionOutcome<T> outcome, Func<T, TDto> dto)
        where T : class =>
        outcome.NotFound ? TypedResults.NotFound() : outcome.Succeeded ? TypedResults.Ok(dto(outcome.Row!)) : ProtectionResults.Invalid(outcome.Problems);
}
