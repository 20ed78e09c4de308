namespace ServeWell.Web.Modules.Practice.Scenarios;

/// <summary>Branching scenarios' services, pages' navigation and API (issue 15).</summary>
public static class ScenarioRegistration
{
    public static WebApplicationBuilder AddScenarios(this WebApplicationBuilder builder) => builder;

    public static RouteGroupBuilder MapScenariosApi(this RouteGroupBuilder api) => api;
}
