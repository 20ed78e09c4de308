namespace ServeWell.Web.Modules.Home;

public static class HomeModule
{
    /// <summary>The home page's reads (ADR-036); its link is the Accounts module's "Home".</summary>
    public static WebApplicationBuilder AddHomeModule(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<KeyFigures>();
        builder.Services.AddScoped<HomeRead>();
        return builder;
    }
}
