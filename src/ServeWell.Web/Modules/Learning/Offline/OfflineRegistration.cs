namespace ServeWell.Web.Modules.Learning.Offline;

/// <summary>Keeping a course on a phone and syncing what was done offline (ADR-045).</summary>
public static class OfflineRegistration
{
    public static WebApplicationBuilder AddOffline(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<SyncProgress>();
        return builder;
    }

    public static WebApplication MapOffline(this WebApplication app, RouteGroupBuilder api)
    {
        api.MapOfflineApi();
        app.MapOfflineWorker();
        return app;
    }
}
