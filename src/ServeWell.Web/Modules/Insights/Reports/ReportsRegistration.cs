using System.Globalization;
using ServeWell.Web.Modules.Insights.Overview;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Insights.Reports;

/// <summary>The monthly PDF report: its services, the mailing job and the download endpoint (ADR-020).</summary>
public static class ReportsRegistration
{
    public static WebApplicationBuilder AddInsightsReports(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<ReportOptions>(builder.Configuration.GetSection("Insights:Reports"));
        builder.Services.AddScoped<Impact.TrainingImpact>();
        builder.Services.AddScoped<MonthlyReport>();
        builder.Services.AddScoped<MonthlyReportPdf>();
        builder.Services.AddScoped<SendMonthlyReports>();
        builder.Services.AddHostedService<MonthlyReportJob>();
        return builder;
    }

    public static RouteGroupBuilder MapReportsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/reports/{month}.pdf", PdfAsync)
            .RequireAuthorization(Policies.ViewInsights)
            .WithName("InsightsMonthlyReportPdf")
            .WithSummary("The monthly report (month yyyy-MM) as a PDF for an org subtree within the caller's scope (orgUnitCode, default the top of it), in the caller's language: overview, most problematic services, twelve-month trend, follow-up performance, training completion and impact.")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf");
        return api;
    }

    private static async Task<IResult> PdfAsync(
        string month, string? orgUnitCode, InsightsScope scope, SendMonthlyReports reports, CancellationToken cancellationToken)
    {
        if (!DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["month"] = [$"\"{month}\" is not a month written yyyy-MM."] });
        }

        var (query, problems) = await scope.ResolveAsync(null, null, orgUnitCode, cancellationToken);
        if (query is null)
        {
            return TypedResults.Problem(problems.TryGetValue("orgUnitCode", out var p) ? p[0] : "You see no org unit.", statusCode: StatusCodes.Status404NotFound, title: "Org unit not found");
        }

        var culture = Cultures.ReadsEnglish ? "en" : "ko";
        var bytes = await reports.RenderAsync(first, query.Unit, culture, cancellationToken);
        return TypedResults.File(bytes, "application/pdf", SendMonthlyReports.FileName(first, query.Unit));
    }
}
