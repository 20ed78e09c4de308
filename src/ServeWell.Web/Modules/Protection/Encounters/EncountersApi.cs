using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Protection.Encounters;

public sealed record EncounterRequest(
    string? EmployeeNumber, string? Office, DateTimeOffset? OccurredAt, string? Channel, IReadOnlyList<string>? Kinds,
    IReadOnlyList<string>? Actions, string? Description, string? Injury, string? ComplainantContact)
{
    public EncounterInput ToInput() => new(EmployeeNumber, Office, OccurredAt, Channel, Kinds, Actions, Description, Injury, ComplainantContact);
}

/// <summary>
/// A correction of an encounter's record: every field as logging takes it, all replaced together. Description and injury
/// only from the employee and the protection officers (who read the words as written); others leave them out (null).
/// </summary>
public sealed record EncounterCorrectionRequest(
    DateTimeOffset? OccurredAt, string? Office, string? Channel, IReadOnlyList<string>? Kinds, IReadOnlyList<string>? Actions, string? Description, string? Injury)
{
    public EncounterRecord ToRecord() => new(OccurredAt, Office, Channel, Kinds, Actions, Description, Injury);
}

public sealed record EncounterLineDto(int Id, string Reference, string Employee, string Office, DateTime OccurredAtUtc, string Channel, IReadOnlyList<string> Kinds, bool Mine);

/// <param name="Scrubbed">True when the description and injury are the scrubbed words (anyone but the employee and the protection officers).</param>
/// <param name="EncounterWithComplainant">"This is the Nth encounter with this person", when the person's contact was given.</param>
/// <param name="Version">The record's version, also the response's ETag: send it back as If-Match with a correction (ADR-062, 13).</param>
public sealed record EncounterDto(
    int Id, string Reference, string Employee, string Office, DateTime OccurredAtUtc, string Channel, IReadOnlyList<string> Kinds,
    IReadOnlyList<string> Actions, string Description, string? Injury, bool Scrubbed, int? EncounterWithComplainant,
    int? FollowUpCaseId, long? FeedbackAnswerId, bool CaseConsent, int? PracticeCaseId, int Version);

/// <summary>The encounter log's API (issue 17, ADR-059): confidentiality as on the pages, through <see cref="EncounterReader"/>.</summary>
public static class EncountersApi
{
    public static RouteGroupBuilder MapEncountersApi(this RouteGroupBuilder api)
    {
        api.MapGet("/encounters", ListAsync).RequireAuthorization(Policies.Staff).WithName("ListEncounters")
            .WithSummary("The encounters the caller may see: their own, their staff's (supervisors, protection officers), all (administrators). No descriptions in the list.");
        api.MapPost("/encounters", LogAsync).RequireAuthorization(Policies.Staff).WithName("LogEncounter")
            .WithSummary("Logs an abusive encounter: channel visit|phone|online|written; kinds verbal-abuse|threat|violence|sexual-harassment|persistence|unreasonable-demands|filming-staff|disclosing-staff-data; actions warned|call-ended|second-official|security-called|visit-ended. The supervisors and protection officers are told by mail.");
        api.MapGet("/encounters/{id:int}", GetAsync).RequireAuthorization(Policies.Staff).WithName("GetEncounter")
            .WithSummary("One encounter (every read is audited); the description is scrubbed of personal data for anyone but the employee and the protection officers. 404 for anyone who may not see it. The ETag header (and version) is the record's version, for If-Match on a correction.");
        api.MapPut("/encounters/{id:int}", CorrectAsync).RequireAuthorization(Policies.Staff).WithName("CorrectEncounter")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Corrects an encounter's record (when, office, channel, kinds, actions, and for the employee and the protection officers the description and injury), checked as logging, all or nothing, audited without the words. The employee, whoever logged it and the protection officers only: 403 for another reader, 404 for anyone who may not see it, 400 naming each field. Send If-Match with the ETag of the GET: 409 when someone else corrected the record since (nothing changed; reload and correct again). The answer carries the new ETag.");
        return api;
    }

    private static async Task<Results<Ok<EncounterDto>, ValidationProblem, NotFound, ProblemHttpResult>> CorrectAsync(
        int id, EncounterCorrectionRequest request, [FromHeader(Name = "If-Match")] string? ifMatch, ClaimsPrincipal user, HttpResponse response,
        ServeWellDbContext db, LogEncounter log, EncounterBook book, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        if (!TryVersion(ifMatch, out var version))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["If-Match"] = [l["If-Match: {0} is not a version of this encounter; send the ETag of its GET, such as \"3\".", ifMatch!].Value],
            });
        }

        var reader = await EncounterReader.ForAsync(user, db, cancellationToken);
        var outcome = await log.CorrectAsync(id, request.ToRecord(), version, reader, cancellationToken);
        if (outcome.NotFound)
        {
            return TypedResults.NotFound();
        }

        if (outcome.Forbidden)
        {
            return TypedResults.Problem(outcome.Problems.FirstOrDefault()?.Message, statusCode: StatusCodes.Status403Forbidden);
        }

        if (outcome.Conflict)
        {
            return TypedResults.Problem(outcome.Problems[0].Message, statusCode: StatusCodes.Status409Conflict, title: l["The record was corrected by someone else"]);
        }

        if (!outcome.Succeeded)
        {
            return ProtectionResults.Invalid(outcome.Problems);
        }

        var seen = (await book.FindAsync(id, reader, cancellationToken))!;
        response.Headers.ETag = ETagOf(seen.Encounter);
        return TypedResults.Ok(Dto(seen));
    }

    /// <summary>The record's version as an entity tag: "3".</summary>
    public static string ETagOf(Encounter encounter) => "\"" + encounter.Version.ToString(CultureInfo.InvariantCulture) + "\"";

    /// <summary>The version an If-Match names ("3", W/"3" or 3); none (null) for no header or "*", false when it names none.</summary>
    private static bool TryVersion(string? ifMatch, out int? version)
    {
        version = null;
        var tag = ifMatch?.Trim() ?? "";
        if (tag.Length == 0 || tag == "*")
        {
            return true;
        }

        tag = tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag;
        tag = tag.Length >= 2 && tag[0] == '"' && tag[^1] == '"' ? tag[1..^1] : tag;
        if (int.TryParse(tag, NumberStyles.None, CultureInfo.InvariantCulture, out var v))
        {
            version = v;
            return true;
        }

        return false;
    }

    private static async Task<Ok<List<EncounterLineDto>>> ListAsync(ClaimsPrincipal user, ServeWellDbContext db, EncounterBook book, CancellationToken cancellationToken)
    {
        var reader = await EncounterReader.ForAsync(user, db, cancellationToken);
        var lines = await book.ListAsync(reader, cancellationToken);
        return TypedResults.Ok(lines.Select(e => new EncounterLineDto(e.Id, e.Reference, e.EmployeeName, e.OfficeName, e.OccurredAtUtc, EncounterCodes.Of(e.Channel), EncounterCodes.Of(e.Kinds), e.Mine)).ToList());
    }

    private static async Task<Results<Created<EncounterDto>, ValidationProblem, ForbidHttpResult>> LogAsync(
        EncounterRequest request, ClaimsPrincipal user, ServeWellDbContext db, LogEncounter log, EncounterBook book, CancellationToken cancellationToken)
    {
        var reader = await EncounterReader.ForAsync(user, db, cancellationToken);
        var outcome = await log.LogAsync(request.ToInput(), reader, cancellationToken);
        if (outcome.Forbidden)
        {
            return TypedResults.Forbid();
        }

        if (!outcome.Succeeded)
        {
            return ProtectionResults.Invalid(outcome.Problems);
        }

        var seen = await book.FindAsync(outcome.Encounter!.Id, reader, cancellationToken);
        return TypedResults.Created($"/api/v1/encounters/{outcome.Encounter.Id}", Dto(seen!));
    }

    private static async Task<Results<Ok<EncounterDto>, NotFound>> GetAsync(
        int id, ClaimsPrincipal user, HttpResponse response, ServeWellDbContext db, EncounterBook book, CancellationToken cancellationToken)
    {
        var reader = await EncounterReader.ForAsync(user, db, cancellationToken);
        if (await book.ReadAsync(id, reader, cancellationToken) is not { } seen)
        {
            return TypedResults.NotFound();
        }

        response.Headers.ETag = ETagOf(seen.Encounter);
        return TypedResults.Ok(Dto(seen));
    }

    public static EncounterDto Dto(EncounterSeen s)
    {
        var e = s.Encounter;
        return new(e.Id, e.Reference, s.EmployeeName, s.OfficeName, e.OccurredAtUtc, EncounterCodes.Of(e.Channel), EncounterCodes.Of(e.Kinds),
            EncounterCodes.Of(e.Actions), s.Description, s.Injury, s.Scrubbed, s.EncounterWithComplainant, e.FollowUpCaseId, e.FeedbackAnswerId,
            e.CaseConsentAtUtc is not null, e.PracticeCaseId, e.Version);
    }
}

/// <summary>Problems as the API answers them: 400 with each field's messages.</summary>
public static class ProtectionResults
{
    public static ValidationProblem Invalid(IReadOnlyList<ProtectionProblem> problems) =>
        TypedResults.ValidationProblem(problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()));
}
