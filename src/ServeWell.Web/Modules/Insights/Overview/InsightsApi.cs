using ServeWell.Web.Modules.Insights.Rollups;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Insights.Overview;

public static class InsightsApi
{
    public static RouteGroupBuilder MapInsightsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/overview", OverviewAsync)
            .RequireAuthorization(Policies.ViewInsights)
            .WithName("InsightsOverview")
            .WithSummary("Satisfaction (% answering 4–5), the 0–100 index, dissatisfaction (% answering 1–2) and answers for whole months from..to (yyyy-MM, default the last 12) in an org subtree within the caller's scope (default the top of it), by office, service and channel. Read from the monthly rollups.");
        api.MapGet("/problem-services", ProblemServicesAsync)
            .RequireAuthorization(Policies.ViewInsights)
            .WithName("InsightsProblemServices")
            .WithSummary("Services ranked worst first by the Wilson lower bound (95 %) of the share answering 1–2, with the sample size, the extent (estimated dissatisfied answers), the weakest drivers and the change against the same number of months before (two-proportion z-test); same period and scope parameters as the overview.");
        api.MapGet("/trends", TrendsAsync)
            .RequireAuthorization(Policies.ViewInsights)
            .WithName("InsightsTrends")
            .WithSummary("Each month from..to with the same month a year before: satisfaction, index, dissatisfaction, answers, and the year-on-year change tested (two-proportion z-test of the satisfied share, Welch's t-test of the index; significant at p < 0.05). Same period and scope parameters as the overview.");
        api.MapPost("/rollups/rebuild", RebuildAsync)
            .RequireAuthorization(Policies.Administer)
            .WithName("RebuildInsightsRollups")
            .WithSummary("Recomputes every month of the rollups from the answers (after a bulk load or a time-zone change). Answers how many months.");
        return api;
    }

    private static async Task<IResult> OverviewAsync(
        InsightsScope scope, InsightsOverview overview, string? from, string? to, string? orgUnitCode, CancellationToken cancellationToken)
    {
        var (query, problems) = await scope.ResolveAsync(from, to, orgUnitCode, cancellationToken);
        if (query is null || problems.Count > 0)
        {
            return Invalid(problems);
        }

        return TypedResults.Ok(await overview.OverviewAsync(query, english: true, cancellationToken));
    }

    private static async Task<IResult> ProblemServicesAsync(
        InsightsScope scope, ProblemServicesReport report, string? from, string? to, string? orgUnitCode, CancellationToken cancellationToken)
    {
        var (query, problems) = await scope.ResolveAsync(from, to, orgUnitCode, cancellationToken);
        if (query is null || problems.Count > 0)
        {
            return Invalid(problems);
        }

        return TypedResults.Ok(await report.RankAsync(query, english: true, cancellationToken));
    }

    private static async Task<IResult> TrendsAsync(
        InsightsScope scope, TrendsReport trends, string? from, string? to, string? orgUnitCode, CancellationToken cancellationToken)
    {
        var (query, problems) = await scope.ResolveAsync(from, to, orgUnitCode, cancellationToken);
        if (query is null || problems.Count > 0)
        {
            return Invalid(problems);
        }

        return TypedResults.Ok(await trends.SeriesAsync(query, english: true, cancellationToken));
    }

    private static IResult Invalid(ServeWell.Web.Modules.Feedback.Intake.FieldProblems problems) =>
        problems.TryGetValue("orgUnitCode", out var unit)
            ? TypedResults.Problem(unit[0], statusCode: StatusCodes.Status404NotFound, title: "Org unit not found")
            : problems.Count > 0 ? TypedResults.ValidationProblem(problems)
            : TypedResults.Problem("You see no org unit.", statusCode: StatusCodes.Status404NotFound);

    private static async Task<IResult> RebuildAsync(InsightsRollups rollups, CancellationToken cancellationToken) =>
        TypedResults.Ok(new { months = await rollups.RebuildAsync(cancellationToken) });
}
