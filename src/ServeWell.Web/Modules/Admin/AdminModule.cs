using ServeWell.Web.Platform.Layout;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Admin;

public static class AdminModule
{
    public static WebApplicationBuilder AddAdminModule(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<Users.ProvisionEmployeeAccounts>();
        builder.Services.AddScoped<Audit.AuditReading>();
        builder.Services.AddScoped<Platform.Audit.IAuditHistory, Audit.AuditHistory>();
        return builder.AddNavigation(
            new NavigationItem("Accounts", "/Admin/Users", Policies.Administer, 60, NavigationArea.Administration),
            new NavigationItem("API keys", "/Admin/ApiKeys", Policies.Administer, 61, NavigationArea.Administration),
            new NavigationItem("Audit log", "/Admin/Audit", Policies.Administer, 62, NavigationArea.Administration),
            new NavigationItem("Outbox", "/Admin/Outbox", Policies.Administer, 63, NavigationArea.Administration),
            new NavigationItem("City identity", "/Admin/City", Policies.Administer, 64, NavigationArea.Administration));
    }

    public static WebApplication MapAdminModule(this WebApplication app)
    {
        City.CityIdentityApi.MapCityIdentityApi(app);
        return app;
    }
}
