using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServeWell.Web.Modules.Feedback.Commendations;
using ServeWell.Web.Modules.Feedback.Intake;
using ServeWell.Web.Modules.Recognition.Awards;
using ServeWell.Web.Modules.Recognition.Nominations;
using ServeWell.Web.Platform.City;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.Recognition;

public sealed record OfficeStaffDto(string OfficeCode, string Office, IReadOnlyList<StaffChoice> Staff);

public sealed record PublicNominationDto(string Message);

/// <summary>
/// Recognition's public side (ADR-058), without sign-in: the wall of courteous employees (consenting awardees only, no
/// citizen data), an office's staff to choose from, and a citizen's nomination, rate-limited per address with the
/// survey's own limiter so one flood counts against both.
/// </summary>
public static class PublicRecognitionApi
{
    public static RouteGroupBuilder MapPublicRecognitionApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/public/recognition");
        g.MapGet("/wall", WallAsync).AllowAnonymous().WithName("GetCourtesyWall")
            .WithSummary("Courteous employees of the month: awardees who agreed to be shown, with their office and the story; newest first.");
        g.MapGet("/offices/{code}/staff", StaffAsync).AllowAnonymous().WithName("ListOfficeStaffForNomination")
            .WithSummary("An office's active staff as the city shows names to citizens, by a touchpoint's public code or the office's code.");
        g.MapPost("/nominations", NominateAsync).AllowAnonymous().RequireRateLimiting(FeedbackRateLimiting.PerAddress).DisableAntiforgery().WithName("NominateByCitizen")
            .WithSummary("A citizen's nomination: the office (touchpointCode or officeCode), employeeId from the list or writtenName, story (at most 1000 characters, scrubbed), optional email/phone with contactConsent.");
        return api;
    }

    private static async Task<Ok<List<WallEntry>>> WallAsync(AwardReads awards, int? months, CancellationToken cancellationToken) =>
        TypedResults.Ok((await awards.WallAsync(months ?? 12, cancellationToken)).ToList());

    private static async Task<Results<Ok<OfficeStaffDto>, NotFound>> StaffAsync(
        string code, ServeWellDbContext db, IOptions<CityOptions> city, CancellationToken cancellationToken)
    {
        var office = await Nominate.OfficeAsync(db, code, cancellationToken);
        if (office is null)
        {
            return TypedResults.NotFound();
        }

        var english = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        return TypedResults.Ok(new OfficeStaffDto(office.Code, office.DisplayName(english), await OfficeStaff.ListAsync(db, office.Id, city.Value.StaffNames, cancellationToken)));
    }

    private static async Task<Results<Ok<PublicNominationDto>, NotFound, ValidationProblem, ProblemHttpResult>> NominateAsync(
        PublicNominationRequest request, Nominate nominate, Microsoft.Extensions.Localization.IStringLocalizer<Platform.Localization.SharedResource> l, CancellationToken cancellationToken) =>
        RecognitionResults.Of(await nominate.ByCitizenAsync(request, cancellationToken),
            _ => new PublicNominationDto(l["Thank you. Your nomination reaches the award's jury; the employee will not learn who you are."]));
}
