using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Feedback.Intake;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.Feedback.Kiosks;

/// <summary>One item's outcome in a batch: 201 stored, 200 replay of its key, 400 with errors, 422 key reused.</summary>
/// <param name="AnswerJson">The stored answer as JSON, exactly as its key's record holds it.</param>
public sealed record BatchItemResult(string? Key, int Status, string? AnswerJson, IDictionary<string, string[]>? Errors, string? Detail);

/// <summary>
/// <c>{ "results": [ { "key", "status", "answer", "errors", "detail" } ] }</c>, written straight to the response: up to 500
/// answers' JSON go out as stored instead of being parsed into documents and serialised again.
/// </summary>
public sealed class BatchResults(IReadOnlyList<BatchItemResult> results) : IResult
{
    public IReadOnlyList<BatchItemResult> Results { get; } = results;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(httpContext.Response.BodyWriter);
        json.WriteStartObject();
        json.WriteStartArray("results");
        foreach (var r in Results)
        {
            json.WriteStartObject();
            json.WriteString("key", r.Key);
            json.WriteNumber("status", r.Status);
            json.WritePropertyName("answer");
            if (r.AnswerJson is null)
            {
                json.WriteNullValue();
            }
            else
            {
                json.WriteRawValue(r.AnswerJson, skipInputValidation: true);
            }

            json.WritePropertyName("errors");
            if (r.Errors is null)
            {
                json.WriteNullValue();
            }
            else
            {
                json.WriteStartObject();
                foreach (var (field, messages) in r.Errors)
                {
                    json.WriteStartArray(field);
                    foreach (var message in messages)
                    {
                        json.WriteStringValue(message);
                    }

                    json.WriteEndArray();
                }

                json.WriteEndObject();
            }

            json.WriteString("detail", r.Detail);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync();
    }
}

public static class KioskBatchApi
{
    public const int MaxItems = 500;
    public const string TokenHeader = "X-Kiosk-Token";

    public static RouteGroupBuilder MapKioskBatchApi(this RouteGroupBuilder api)
    {
        // A kiosk is a device, not a person: it proves itself with its device token, checked here, not with a staff sign-in.
        api.MapPost("/feedback/batch", SubmitAsync)
            .AllowAnonymous()
            .RequireRateLimiting(FeedbackRateLimiting.PerDevice)
            .DisableAntiforgery()
            .Accepts<JsonElement>("application/json")
            .WithName("SubmitFeedbackBatch")
            .WithSummary("A kiosk's queued answers: { \"answers\": [ { \"key\", \"overall\", …, \"answeredAt\" } ] }, at most 500, each with its own idempotency key. Device token in X-Kiosk-Token or Authorization: Bearer.");
        api.MapPost("/kiosk/answers/{key}/details", AddDetailsAsync)
            .AllowAnonymous()
            .RequireRateLimiting(FeedbackRateLimiting.PerDevice)
            .DisableAntiforgery()
            .Accepts<JsonElement>("application/json")
            .WithName("AddKioskAnswerDetails")
            .WithSummary("Adds the other questions and a commendation to the kiosk's one-tap answer stored under {key}: { \"drivers\", \"resolved\", \"commendStaff\" } (an employee id from /kiosk/survey's staff). Once, within an hour; 200 added or the same again; 404 no such answer of this device; 409 other details already added. Device token in X-Kiosk-Token.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<IResult> AddDetailsAsync(
        string key, HttpContext http, IServiceProvider services, FeedbackLookups lookups, AddKioskDetails add, CancellationToken cancellationToken)
    {
        var token = TokenOf(http.Request);
        var device = token is null ? null : await lookups.KioskDeviceAsync(services.GetRequiredService<ServeWellDbContext>, KioskTokens.Hash(token), cancellationToken);
        if (device?.Touchpoint is null)
        {
            return TypedResults.Problem("Send the kiosk's device token (X-Kiosk-Token). It may have been revoked.", statusCode: 401, title: "Unknown kiosk device");
        }

        var problems = new FieldProblems();
        KioskDetails details;
        try
        {
            using var document = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: cancellationToken);
            var body = document.RootElement;
            details = body.ValueKind == JsonValueKind.Object
                ? new KioskDetails(FeedbackRequestReader.ReadDrivers(body, "", problems), FeedbackRequestReader.ReadResolved(body, "", problems), FeedbackRequestReader.ReadStaff(body, "", problems))
                : new KioskDetails(null, null, null);
            if (body.ValueKind != JsonValueKind.Object)
            {
                problems.Add("body", "Send a JSON object.");
            }
        }
        catch (JsonException ex)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [$"The body is not valid JSON: {ex.Message}"] });
        }

        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(problems);
        }

        var (outcome, invalid, detail) = await add.AddAsync(device, key, details, cancellationToken);
        return outcome switch
        {
            KioskDetailsOutcome.Added or KioskDetailsOutcome.Replayed => TypedResults.Ok(new { key, added = outcome == KioskDetailsOutcome.Added }),
            KioskDetailsOutcome.Invalid => TypedResults.ValidationProblem(invalid!),
            KioskDetailsOutcome.NotFound => TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "No such answer"),
            _ => TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "Details not added"),
        };
    }

    public static string? TokenOf(HttpRequest request)
    {
        var token = request.Headers[TokenHeader].ToString();
        if (token.Length == 0)
        {
            token = request.Headers.Authorization.ToString();
        }

        return token.Length == 0 ? null : token;
    }

    private static async Task<IResult> SubmitAsync(
        HttpContext http, IServiceProvider services, FeedbackLookups lookups, SubmitFeedback submit, TimeProvider clock, CancellationToken cancellationToken)
    {
        var token = TokenOf(http.Request);
        var hash = token is null ? null : KioskTokens.Hash(token);
        var device = hash is null ? null : await lookups.KioskDeviceAsync(services.GetRequiredService<ServeWellDbContext>, hash, cancellationToken);
        if (device is null || device.Touchpoint is null)
        {
            return TypedResults.Problem("Send the kiosk's device token (X-Kiosk-Token). It may have been revoked.", statusCode: 401, title: "Unknown kiosk device");
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException ex)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [$"The body is not valid JSON: {ex.Message}"] });
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("answers", out var answers) || answers.ValueKind != JsonValueKind.Array)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["answers"] = ["Send { \"answers\": [ … ] }."] });
            }

            if (answers.GetArrayLength() > MaxItems)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["answers"] = [$"At most {MaxItems} answers per batch; send the rest in another."] });
            }

            var source = new FeedbackSource(null, device.TouchpointId);
            var items = new List<(FeedbackRequest? Request, string? Key, FieldProblems Problems)>();
            foreach (var item in answers.EnumerateArray())
            {
                var problems = new FieldProblems();
                string? key = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("key", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString() : null;
                // The device knows its touchpoint; items may leave it out.
                var request = FeedbackRequestReader.Read(item, problems, defaultTouchpoint: device.Touchpoint.Code);
                items.Add((request, key, problems));
            }

            // Every new answer of the batch is written together, sharing commits (ADR-024).
            var outcomes = await submit.SubmitManyAsync(items, source, cancellationToken);
            if (lookups.SyncStampDue(device.Id))
            {
                var now = clock.GetUtcNow().UtcDateTime;
                await services.GetRequiredService<ServeWellDbContext>().KioskDevices.Where(d => d.Id == device.Id)
                    .ExecuteUpdateAsync(d => d.SetProperty(k => k.LastSyncAt, now), cancellationToken);
            }

            // Each stored answer's JSON is written as it was stored with its key, not parsed and serialised again.
            return new BatchResults([.. items.Zip(outcomes, (item, result) => new BatchItemResult(
                item.Key, result.Replayed ? StatusCodes.Status200OK : result.Status, result.Json, result.Problems, result.Detail))]);
        }
    }
}
