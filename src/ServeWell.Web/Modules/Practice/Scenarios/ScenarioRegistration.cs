namespace ServeWell.Web.Modules.Practice.Scenarios;

/// <summary>Branching scenarios' services, pages' navigation and API (issue 15, ADR-054).</summary>
public static class ScenarioRegistration
{
    public static WebApplicationBuilder AddScenarios(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<EditScenario>();
        builder.Services.AddScoped<PlayScenario>();
        builder.Services.AddScoped<ScenarioResults>();
        return builder;
    }

    public static RouteGroupBuilder MapScenariosApi(this RouteGroupBuilder api) => api.MapScenarioEndpoints();
}
