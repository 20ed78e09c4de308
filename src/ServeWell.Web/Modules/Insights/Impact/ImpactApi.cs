using System.Globalization;
using ServeWell.Web.Modules.Insights.Overview;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Insights.Impact;

public static class ImpactApi
{
    public static RouteGroupBuilder MapImpactApi(this RouteGroupBuilder api)
    {
        api.MapGet("/impact", ImpactAsync)
            .RequireAuthorization(Policies.ViewInsights)
            .WithName("InsightsTrainingImpact")
            .WithSummary("Training impact (Kirkpatrick level 4) of one programme (programmeId, default the one with most completions) in an org subtree within the caller's scope: offices where at least 80 % of the frontline staff in the programme's audience had completed by the cutoff month (cutoff yyyy-MM, default the month most offices reached 80 %) against offices under 20 % by the end of the window; the 0–100 index six months before and after (the cutoff month left out); difference in differences over offices with Welch's standard error, a 95 % Student-t interval, sample sizes and cautions. Evidence, not proof.");
        return api;
    }

    private static async Task<IResult> ImpactAsync(
        InsightsScope scope, TrainingImpact impact, int? programmeId, string? cutoff, string? orgUnitCode, CancellationToken cancellationToken)
    {
        var (query, problems) = await scope.ResolveAsync(null, null, orgUnitCode, cancellationToken);
        if (problems.TryGetValue("orgUnitCode", out var unit))
        {
            return TypedResults.Problem(unit[0], statusCode: StatusCodes.Status404NotFound, title: "Org unit not found");
        }

        if (query is null)
        {
            return TypedResults.Problem("You see no org unit.", statusCode: StatusCodes.Status404NotFound);
        }

        if (!TryParseMonth(cutoff, out var month))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["cutoff"] = [$"\"{cutoff}\" is not a month written yyyy-MM."] });
        }

        var result = await impact.EstimateAsync(programmeId, month, query.Unit, english: true, cancellationToken);
        if (programmeId is not null && result.ProgrammeId is null)
        {
            return TypedResults.Problem($"Programme {programmeId} has no completions.", statusCode: StatusCodes.Status404NotFound, title: "Programme not found");
        }

        return TypedResults.Ok(result);
    }

    /// <summary>Empty is fine (null month); otherwise yyyy-MM.</summary>
    public static bool TryParseMonth(string? value, out DateOnly? month)
    {
        month = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        if (DateOnly.TryParseExact(value + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m))
        {
            month = m;
            return true;
        }

        return false;
    }
}
