using System.Globalization;
using System.Security.Claims;
using ServeWell.Web.Modules.Feedback.Intake;
using ServeWell.Web.Modules.Insights.Overview;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Insights.Explore;

/// <summary>The drill-down, comment terms and employee figures under <c>/api/v1/insights</c> (ADR-019).</summary>
public static class ExploreApi
{
    public static RouteGroupBuilder MapExploreApi(this RouteGroupBuilder api)
    {
        api.MapGet("/answers", AnswersAsync)
            .RequireAuthorization(Policies.ViewInsights)
            .WithName("InsightsAnswers")
            .WithSummary("The answers behind a figure, newest first, 50 a page (keyset: pass the previous page's next as after): date, office, service, channel, overall, drivers, resolved and the redacted comment — never contact details. Filters: from..to (yyyy-MM), orgUnitCode (subtree, within the caller's scope), service (code or none), channel, band (satisfied|neutral|dissatisfied), term (a word or two-word phrase of the comment terms), employee (employee number: supervisors for their subtree and the employee themself, only with at least City:MinimumGroupSize answers in the period).");
        api.MapGet("/comment-terms", CommentTermsAsync)
            .RequireAuthorization(Policies.ViewInsights)
            .WithName("InsightsCommentTerms")
            .WithSummary("What unhappy citizens write about: words and two-word phrases (Korean and English) that comments of dissatisfied answers (overall 1–2) use more than those of satisfied ones (4–5) in the period and subtree, ranked by the weighted log-odds ratio with an informative Dirichlet prior (or by frequency when there are no satisfied comments), each with counts and up to three example comments (redacted at intake).");
        api.MapGet("/employees", EmployeesAsync)
            .RequireAuthorization(Policies.ViewEmployeeInsights)
            .WithName("InsightsEmployees")
            .WithSummary("Figures per employee of the subtree (supervisors only): answers through the employee's name badge or commending them; an employee with fewer than City:MinimumGroupSize answers in the period is listed as withheld with no figures.");
        api.MapGet("/me", MeAsync)
            .RequireAuthorization(Policies.ViewOwnInsights)
            .WithName("InsightsMe")
            .WithSummary("The signed-in employee's own figures for from..to and by month; withheld below City:MinimumGroupSize answers.");
        return api;
    }

    private static async Task<IResult> AnswersAsync(
        InsightsScope scope, AnswerFilterReader reader, InsightsAnswers answers, ClaimsPrincipal user,
        string? from, string? to, string? orgUnitCode, string? service, string? channel, string? band, string? term, string? employee, string? after,
        CancellationToken cancellationToken)
    {
        var (query, problems) = await scope.ResolveAsync(from, to, orgUnitCode, cancellationToken);
        if (query is null || problems.Count > 0)
        {
            return Invalid(problems);
        }

        var (filter, outcome, filterProblems) = await reader.ReadAsync(query, user, service, channel, band, term, employee, cancellationToken);
        return outcome switch
        {
            FilterOutcome.Ok => TypedResults.Ok(await answers.PageAsync(filter!, after, english: true, cancellationToken: cancellationToken)),
            FilterOutcome.Invalid => TypedResults.ValidationProblem(filterProblems),
            FilterOutcome.Withheld => TypedResults.Problem(
                $"The employee \"{employee}\" has fewer answers than the minimum group size in this period, so their answers are not shown.",
                statusCode: StatusCodes.Status404NotFound, title: "Fewer answers than the minimum group size"),
            _ => TypedResults.Problem($"\"{employee}\" is not an employee whose answers you may see.", statusCode: StatusCodes.Status404NotFound, title: "Employee not found"),
        };
    }

    private static async Task<IResult> CommentTermsAsync(
        InsightsScope scope, CommentTermsReport report, string? from, string? to, string? orgUnitCode, CancellationToken cancellationToken)
    {
        var (query, problems) = await scope.ResolveAsync(from, to, orgUnitCode, cancellationToken);
        if (query is null || problems.Count > 0)
        {
            return Invalid(problems);
        }

        return TypedResults.Ok(await report.RankAsync(query, english: true, cancellationToken));
    }

    private static async Task<IResult> EmployeesAsync(
        InsightsScope scope, EmployeeInsights employees, string? from, string? to, string? orgUnitCode, CancellationToken cancellationToken)
    {
        var (query, problems) = await scope.ResolveAsync(from, to, orgUnitCode, cancellationToken);
        if (query is null || problems.Count > 0)
        {
            return Invalid(problems);
        }

        return TypedResults.Ok(await employees.SliceAsync(query, english: true, cancellationToken));
    }

    private static async Task<IResult> MeAsync(
        EmployeeInsights employees, TimeProvider clock, ClaimsPrincipal user, string? from, string? to, CancellationToken cancellationToken)
    {
        var (period, problems) = Period(from, to, clock);
        if (period is not { } p)
        {
            return TypedResults.ValidationProblem(problems);
        }

        var own = user.EmployeeId() is { } id ? await employees.OwnAsync(id, p.From, p.To, english: true, cancellationToken) : null;
        return own is null
            ? TypedResults.Problem("Your account is not linked to an employee.", statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Ok(own);
    }

    /// <summary>Whole local months from..to (yyyy-MM; default the last twelve up to this month), at most <see cref="InsightsScope.MaxMonths"/>.</summary>
    public static ((DateOnly From, DateOnly To)? Period, FieldProblems Problems) Period(string? from, string? to, TimeProvider clock)
    {
        var problems = new FieldProblems();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var toMonth = Parse(to, "to", thisMonth);
        var fromMonth = Parse(from, "from", toMonth.AddMonths(-11));
        if (problems.Count == 0 && fromMonth > toMonth)
        {
            problems.Add("from", $"\"{from}\" is after \"to\" ({to}).");
        }
        else if (problems.Count == 0 && new InsightsQuery(fromMonth, toMonth, null!).Months > InsightsScope.MaxMonths)
        {
            problems.Add("from", $"The period from {from} to {to} is longer than {InsightsScope.MaxMonths} months.");
        }

        return (problems.Count == 0 ? (fromMonth, toMonth) : null, problems);

        DateOnly Parse(string? value, string field, DateOnly fallback)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return fallback;
            }

            if (DateOnly.TryParseExact(value + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
            {
                return month;
            }

            problems.Add(field, $"\"{value}\" is not a month written yyyy-MM.");
            return fallback;
        }
    }

    private static IResult Invalid(FieldProblems problems) =>
        problems.TryGetValue("orgUnitCode", out var unit)
            ? TypedResults.Problem(unit[0], statusCode: StatusCodes.Status404NotFound, title: "Org unit not found")
            : problems.Count > 0 ? TypedResults.ValidationProblem(problems)
            : TypedResults.Problem("You see no org unit.", statusCode: StatusCodes.Status404NotFound);
}
