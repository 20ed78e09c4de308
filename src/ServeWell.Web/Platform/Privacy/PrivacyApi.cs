using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Platform.Privacy;

/// <param name="Text">The text to scrub, at most <see cref="Scrubber.MaxLength"/> characters.</param>
/// <param name="Language">"ko" or "en", for a text without words; the markers otherwise follow the text's own words.</param>
/// <param name="Names">Whether to replace names too (default true): the roster's employees and names before an honorific or title.</param>
public sealed record ScrubRequest(string? Text, string? Language = null, bool? Names = null);

public sealed record ScrubFindingDto(string Category, int Start, int Length, string Original, string Replacement, bool Checked);

public sealed record ScrubResponse(string Text, string Language, IReadOnlyList<ScrubFindingDto> Findings);

public static class PrivacyApi
{
    public const string RateLimit = "privacy-scrub";

    /// <summary>Previews per signed-in user (or API key) per minute: generous for an author, a wall for a script.</summary>
    public const int PreviewsPerMinute = 60;

    public static WebApplicationBuilder AddServeWellPrivacy(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<PersonalDataScrubber>();
        builder.Services.AddRateLimiter(o => o.AddPolicy(RateLimit, context =>
            RateLimitPartition.GetFixedWindowLimiter(
                "scrub:" + (context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? context.User.Identity?.Name ?? "?"),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = PreviewsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })));
        return builder;
    }

    public static WebApplication MapServeWellPrivacy(this WebApplication app)
    {
        app.MapGroup("/api/v1").WithTags("Privacy")
            .MapPost("/privacy/scrub", ScrubAsync)
            .RequireAuthorization(Policies.Staff)
            .RequireRateLimiting(RateLimit)
            .WithName("ScrubText")
            .WithSummary("Preview what the personal-data scrubber removes from a text: the scrubbed text and every finding (category, place in the original, original, replacement).")
            .WithDescription("Nothing is stored or logged. Markers are in the text's language ([전화번호 삭제] / [phone removed]); names become placeholders that stay the same within the text (민원인 A, 직원 B / Citizen A, Employee B). Categories: resident-number, foreigner-number, phone, email, card-number, bank-account, business-number, passport, car-plate, address, citizen-name, employee-name.");
        return app;
    }

    private static async Task<Results<Ok<ScrubResponse>, ValidationProblem>> ScrubAsync(
        ScrubRequest request, PersonalDataScrubber scrubber, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Text is null)
        {
            errors["text"] = ["text is required: the text to scrub."];
        }
        else if (request.Text.Length > Scrubber.MaxLength)
        {
            errors["text"] = [$"The text has {request.Text.Length} characters; the scrubber takes at most {Scrubber.MaxLength}."];
        }

        if (request.Language is not (null or "ko" or "en"))
        {
            errors["language"] = [$"\"{request.Language}\" is not a language the markers are written in; use ko or en."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var scope = request.Names == false ? PersonalData.NumbersAndContacts : PersonalData.All;
        var result = await scrubber.ScrubAsync(request.Text!, request.Language, scope, cancellationToken);
        return TypedResults.Ok(new ScrubResponse(
            result.Text,
            result.Language,
            [.. result.Findings.Select(f => new ScrubFindingDto(PersonalDataCodes.Of(f.Category), f.Start, f.Length, f.Original, f.Replacement, f.Checked))]));
    }
}
