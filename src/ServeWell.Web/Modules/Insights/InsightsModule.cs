using Microsoft.Extensions.Options;
using ServeWell.Web.Modules.Insights.Impact;
using ServeWell.Web.Modules.Insights.Overview;
using ServeWell.Web.Modules.Insights.Reports;
using ServeWell.Web.Modules.Insights.Rollups;
using ServeWell.Web.Platform.Events;
using ServeWell.Web.Platform.Jobs;
using ServeWell.Web.Platform.Layout;
using ServeWell.Web.Platform.Security;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ServeWell.Web.Modules.Insights;

/// <summary>Insights: the monthly rollups of citizen answers and the dashboards that read them (ADR-014, ADR-016).</summary>
public static class InsightsModule
{
    public static WebApplicationBuilder AddInsightsModule(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<InsightsOptions>(builder.Configuration.GetSection(InsightsOptions.Section));
        builder.Services.AddOptions<InsightsOptions>().PostConfigure<IOptions<Platform.City.CityOptions>>(
            (o, city) => o.TimeZone = string.IsNullOrWhiteSpace(o.TimeZone) ? city.Value.TimeZone : o.TimeZone);
        builder.Services.AddSingleton(sp => InsightsCalendar.For(sp.GetRequiredService<IOptions<InsightsOptions>>().Value.TimeZone));
        builder.Services.TryAddScoped<DatabaseLease>();
        builder.Services.AddScoped<InsightsRollups>();
        builder.Services.AddScoped<IFeedbackBatchReceived, QueueRollupOnFeedback>();
        builder.Services.AddScoped<IFeedbackRevised, QueueRollupOnRevision>();
        builder.Services.AddScoped<InsightsScope>();
        builder.Services.AddScoped<InsightsOverview>();
        builder.Services.AddScoped<ProblemServicesReport>();
        builder.Services.AddScoped<Practice.PracticeBesideCitizens>();
        builder.Services.AddScoped<TrendsReport>();
        builder.Services.AddScoped<SatisfactionSeries>();
        builder.Services.AddScoped<Explore.InsightsAnswers>();
        builder.Services.AddScoped<Explore.CommentTermsReport>();
        builder.Services.AddScoped<Explore.EmployeeInsights>();
        builder.Services.AddScoped<Explore.AnswerFilterReader>();
        builder.Services.AddScoped<Awards.AwardsInsights>();
        builder.Services.AddHostedService<InsightsRollupWorker>();
        builder.Services.AddScoped<ServeWell.Web.Platform.Jobs.IBacklog, RollupBacklog>();
        builder.AddInsightsReports();
        builder.AddNavigation(new NavigationItem("Insights", "/Insights", Policies.ViewInsights, 80, NavigationArea.Insights));
        builder.AddNavigation(new NavigationItem("My feedback", "/Insights/Me", Policies.ViewOwnInsights, 81, NavigationArea.Insights));
        return builder;
    }

    /// <summary>The <c>rebuild-insights</c> command.</summary>
    public static async Task RebuildAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<InsightsRollups>().RebuildAsync(cancellationToken);
    }

    public static WebApplication MapInsightsModule(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/insights").WithTags("Insights");
        api.MapInsightsApi();
        Explore.ExploreApi.MapExploreApi(api);
        api.MapImpactApi();
        api.MapReportsApi();
        return app;
    }
}
