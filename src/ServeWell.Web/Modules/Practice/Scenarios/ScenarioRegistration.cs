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
        builder.AddNavigation(
            new NavigationItem("Practice scenarios", "/Practice/Scenarios/Mine", Policies.Staff, 48, NavigationArea.Training),
            new NavigationItem("Scenario authoring", "/Practice/Scenarios", Policies.ManageTraining, 54, NavigationArea.Training));
        return builder;
    }

    public static RouteGroupBuilder MapScenariosApi(this RouteGroupBuilder api) => api.MapScenarioEndpoints();
}
