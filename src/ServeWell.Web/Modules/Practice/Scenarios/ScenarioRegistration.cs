using ServeWell.Web.Platform.Layout;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Practice.Scenarios;

/// <summary>Branching scenarios' services, pages' navigation and API (issue 15, ADR-054).</summary>
public static class ScenarioRegistration
{
    public static WebApplicationBuilder AddScenarios(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<EditScenario>();
        builder.Services.AddScoped<PlayScenario>();
        builder.Services.AddScoped<ScenarioResults>();
        builder.Services.AddScoped<PracticeFigures>();
        builder.Services.AddScoped<Training.Completions.IProgrammeScenarios, ProgrammeScenarios>();
        builder.Services.AddScoped<IScenarioCompleted, ScenarioCompletion>();
        builder.Services.AddScoped<Cases.ICaseUsage, ScenarioCaseUsage>();
        builder.AddNavigation(
            new NavigationItem("Practice", "/Practice", Policies.Staff, 64, NavigationArea.Training),
            new NavigationItem("Scenarios", "/Practice/Scenarios", Policies.ManageTraining, 68, NavigationArea.Training));
        return builder;
    }

    public static RouteGroupBuilder MapScenariosApi(this RouteGroupBuilder api) => api.MapScenarioEndpoints();
}
