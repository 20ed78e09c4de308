using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Modules.Feedback.Intake;
using ServeWell.Web.Modules.Feedback.Commendations;
using ServeWell.Web.Modules.Feedback.Kiosks;
using ServeWell.Web.Modules.Feedback.Touchpoints;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Feedback.Surveys;

public sealed record SurveyVersionDto(int Id, int Number, DateTime PublishedAt, string? PublishedBy, IReadOnlyList<string> Questions, IReadOnlyDictionary<string, string> Texts, int Answers);

public sealed record SurveyDraftDto(IReadOnlyList<string> Questions, IReadOnlyDictionary<string, string> Texts);

public sealed record SurveyDefinitionDto(
    int Id, string Name, bool IsDefault, SurveyVersionDto? Current, IReadOnlyList<SurveyVersionDto> Versions, SurveyDraftDto Draft, IReadOnlyList<string> Touchpoints);

/// <summary>A text in both languages of the survey.</summary>
public sealed record SurveyText(string En, string Ko);

public sealed record PublicSurveyQuestionDto(string Id, string Kind, bool Required, SurveyText Text);

/// <summary>What a kiosk (or any client) needs to ask a touchpoint's current survey: the version to send back, the questions, the texts.</summary>
/// <param name="Place">The office (and service) in both languages; a kiosk shows it on screen.</param>
/// <param name="Staff">For a kiosk: the staff on duty a citizen may commend, named as the city chooses (ADR-037); never employee numbers.</param>
public sealed record PublicSurveyDto(
    string Touchpoint, int SurveyVersion, int Number, SurveyText Intro, IReadOnlyList<PublicSurveyQuestionDto> Questions, SurveyText Thanks,
    SurveyText? Place = null, IReadOnlyList<StaffChoice>? Staff = null);

/// <summary>Publishes the draft; questions and texts, when given, replace the draft's before it is published.</summary>
public sealed record PublishSurveyRequest(IReadOnlyList<string>? Questions, Dictionary<string, string?>? Texts);

public static class SurveysApi
{
    public static RouteGroupBuilder MapSurveysApi(this RouteGroupBuilder api)
    {
        api.MapGet("/surveys", ListAsync)
            .RequireAuthorization(Policies.ViewFeedback)
            .WithName("ListSurveys")
            .WithSummary("Survey definitions with their published versions (questions asked, custom texts, answers each), their draft and the touchpoints that ask them.");
        api.MapGet("/surveys/{id:int}", GetAsync)
            .RequireAuthorization(Policies.ViewFeedback)
            .WithName("GetSurvey")
            .WithSummary("One survey definition with its versions, draft and touchpoints.");
        api.MapPost("/surveys/{id:int}/versions", PublishAsync)
            .RequireAuthorization(Policies.ManageFeedback)
            .Accepts<PublishSurveyRequest>(true, "application/json")
            .WithName("PublishSurvey")
            .WithSummary("Publishes the draft as the next version. A body { questions?, texts? } replaces those parts of the draft first; texts are keyed like \"overall.ko\". A published version never changes.");
        // Citizens and kiosks read the survey without signing in: it is what the public page shows anyway.
        api.MapGet("/touchpoints/{code}/survey", PublicAsync)
            .AllowAnonymous()
            .RequireRateLimiting(FeedbackRateLimiting.PerAddress)
            .WithName("TouchpointSurvey")
            .WithSummary("The touchpoint's current survey version as a client renders it: questions in order, texts in English and Korean, and the surveyVersion to send with each answer.");
        api.MapGet("/kiosk/survey", KioskAsync)
            .AllowAnonymous()
            .RequireRateLimiting(FeedbackRateLimiting.PerDevice)
            .WithName("KioskSurvey")
            .WithSummary("The survey of the kiosk device's touchpoint (device token in X-Kiosk-Token), shaped like /touchpoints/{code}/survey.");
        return api;
    }

    private static async Task<Ok<List<SurveyDefinitionDto>>> ListAsync(ServeWellDbContext db, CancellationToken cancellationToken)
    {
        var ids = await db.SurveyDefinitions.AsNoTracking().OrderBy(d => d.Id).Select(d => d.Id).ToListAsync(cancellationToken);
        var list = new List<SurveyDefinitionDto>();
        foreach (var id in ids)
        {
            list.Add((await DefinitionAsync(db, id, cancellationToken))!);
        }

        return TypedResults.Ok(list);
    }

    private static async Task<Results<Ok<SurveyDefinitionDto>, NotFound>> GetAsync(int id, ServeWellDbContext db, CancellationToken cancellationToken) =>
        await DefinitionAsync(db, id, cancellationToken) is { } dto ? TypedResults.Ok(dto) : TypedResults.NotFound();

    private static async Task<Results<Created<SurveyVersionDto>, NotFound, ValidationProblem, ProblemHttpResult>> PublishAsync(
        int id, HttpRequest request, ClaimsPrincipal user, ServeWellDbContext db, ManageSurveys manage, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var definition = await db.SurveyDefinitions.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (definition is null)
        {
            return TypedResults.NotFound();
        }

        PublishSurveyRequest? body = null;
        if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            try
            {
                body = await JsonSerializer.DeserializeAsync<PublishSurveyRequest>(request.Body, new JsonSerializerOptions(JsonSerializerDefaults.Web), cancellationToken);
            }
            catch (JsonException ex)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [$"The body is not valid JSON: {ex.Message}"] });
            }
        }

        if (body is not null && (body.Questions is not null || body.Texts is not null))
        {
            var form = ManageSurveys.FormOf(definition);
            form.Questions = body.Questions?.ToList() ?? form.Questions;
            form.Texts = body.Texts ?? form.Texts;
            var (_, problems) = await manage.SaveDraftAsync(id, form, cancellationToken);
            if (problems.Count > 0)
            {
                return TypedResults.ValidationProblem(problems.GroupBy(p => ApiField(p.Field)).ToDictionary(g => g.Key, g => g.Select(p => l[p.Message].Value).ToArray()));
            }
        }

        var (version, publishProblems) = await manage.PublishAsync(id, user.Identity?.Name, cancellationToken);
        if (version is null)
        {
            return TypedResults.Problem(string.Join(" ", publishProblems.Select(p => l[p.Message].Value)), statusCode: StatusCodes.Status409Conflict, title: "Nothing to publish");
        }

        return TypedResults.Created($"/api/v1/surveys/{id}", ToDto(version, 0));
    }

    private static async Task<Results<Ok<PublicSurveyDto>, NotFound>> PublicAsync(string code, ServeWellDbContext db, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var normalised = code.ToLowerInvariant();
        var touchpoint = TouchpointCodes.LooksValid(normalised)
            ? await db.Touchpoints.AsNoTracking().FirstOrDefaultAsync(t => t.Code == normalised && t.RetiredAt == null, cancellationToken)
            : null;
        return touchpoint is null ? TypedResults.NotFound() : TypedResults.Ok(await PublicSurveyAsync(db, touchpoint, l, cancellationToken));
    }

    private static async Task<IResult> KioskAsync(
        HttpRequest request, ServeWellDbContext db, StaffOnDuty staff, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var token = KioskBatchApi.TokenOf(request);
        var hash = token is null ? null : KioskTokens.Hash(token);
        var device = hash is null ? null : await db.KioskDevices.AsNoTracking().Include(k => k.Touchpoint)
            .FirstOrDefaultAsync(k => k.TokenHash == hash && k.RevokedAt == null, cancellationToken);
        if (device?.Touchpoint is not { } touchpoint)
        {
            // 403, not 401: no sign-in would help; only a registered device's token does.
            return TypedResults.Problem("Send the kiosk's device token (X-Kiosk-Token). It may have been revoked.", statusCode: 403, title: "Unknown kiosk device");
        }

        var unit = await db.OrgUnits.AsNoTracking().SingleAsync(u => u.Id == touchpoint.OrgUnitId, cancellationToken);
        var service = touchpoint.ServiceId is { } sid ? await db.PublicServices.AsNoTracking().SingleAsync(s => s.Id == sid, cancellationToken) : null;
        string PlaceIn(bool english) => service is null ? unit.DisplayName(english) : $"{unit.DisplayName(english)} · {service.DisplayName(english)}";
        return TypedResults.Ok(await PublicSurveyAsync(db, touchpoint, l, cancellationToken) with
        {
            Place = new SurveyText(PlaceIn(true), PlaceIn(false)),
            Staff = await staff.AtAsync(db, touchpoint.OrgUnitId, cancellationToken),
        });
    }

    public static async Task<PublicSurveyDto> PublicSurveyAsync(ServeWellDbContext db, Touchpoint touchpoint, IStringLocalizer l, CancellationToken cancellationToken)
    {
        var survey = await AskedSurvey.ForTouchpointAsync(db, touchpoint.SurveyDefinitionId, cancellationToken);
        SurveyText Both(string key) => new(survey.Text(key, "en", l), survey.Text(key, "ko", l));
        var questions = new[] { SurveyQuestions.Overall }.Concat(SurveyQuestions.Optional).Where(survey.Asks)
            .Select(q => new PublicSurveyQuestionDto(q, q switch { "resolved" => "choice", "comment" => "text", _ => "scale" }, q == SurveyQuestions.Overall, Both(q)))
            .ToList();
        return new PublicSurveyDto(touchpoint.Code, survey.VersionId!.Value, survey.Number!.Value, Both("intro"), questions, Both("thanks"));
    }

    public static async Task<SurveyDefinitionDto?> DefinitionAsync(ServeWellDbContext db, int id, CancellationToken cancellationToken)
    {
        var definition = await db.SurveyDefinitions.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (definition is null)
        {
            return null;
        }

        var versions = await db.SurveyVersions.AsNoTracking().Where(v => v.SurveyDefinitionId == id).OrderByDescending(v => v.Number).ToListAsync(cancellationToken);
        var versionIds = versions.Select(v => v.Id).ToList();
        var counts = await db.FeedbackAnswers.AsNoTracking().Where(a => versionIds.Contains(a.SurveyVersionId))
            .GroupBy(a => a.SurveyVersionId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var touchpoints = await db.Touchpoints.AsNoTracking()
            .Where(t => t.RetiredAt == null && (t.SurveyDefinitionId == id || (definition.Id == SurveyDefinition.DefaultId && t.SurveyDefinitionId == null)))
            .OrderBy(t => t.Code).Select(t => t.Code).ToListAsync(cancellationToken);
        var dtos = versions.Select(v => ToDto(v, counts.GetValueOrDefault(v.Id))).ToList();
        return new SurveyDefinitionDto(
            definition.Id, definition.Name, definition.IsDefault, dtos.FirstOrDefault(), dtos,
            new SurveyDraftDto([.. SurveyQuestions.Parse(definition.DraftQuestions)], SurveyQuestions.ParseTexts(definition.DraftTexts)), touchpoints);
    }

    private static SurveyVersionDto ToDto(SurveyVersion v, int answers) =>
        new(v.Id, v.Number, v.PublishedAt, v.PublishedBy, SurveyQuestions.Optional.Where(SurveyQuestions.Parse(v.Questions).Contains).Prepend(SurveyQuestions.Overall).ToList(), v.CustomTexts, answers);

    private static string ApiField(string field) => field switch
    {
        "" => "draft",
        "Questions" => "questions",
        _ when field.StartsWith("Texts[", StringComparison.Ordinal) => "texts." + field[6..^1],
        "Texts" => "texts",
        _ => char.ToLowerInvariant(field[0]) + field[1..],
    };
}
