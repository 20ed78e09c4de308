using ServeWell.Web.Platform.Layout;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Practice.Cases;

/// <summary>The case library's services, pages' navigation and API (issue 15, ADR-053).</summary>
public static class CaseLibraryRegistration
{
    public static WebApplicationBuilder AddCaseLibrary(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<CaseScrub>();
        builder.Services.AddScoped<CaseLibrary>();
        builder.Services.AddScoped<CaseSearch>();
        builder.Services.AddScoped<ICaseUsage, LessonCaseUsage>();
        builder.AddNavigation(
            new NavigationItem("Case library", "/Practice/Cases", Policies.Staff, 65, NavigationArea.Training),
            new NavigationItem("My cases", "/Practice/Cases/Mine", Policies.Staff, 66, NavigationArea.Training),
            new NavigationItem("Cases to review", "/Practice/Cases/Review", Policies.ManageTraining, 67, NavigationArea.Training));
        return builder;
    }

    public static RouteGroupBuilder MapCaseLibraryApi(this RouteGroupBuilder api) => api.MapCasesApi();
}
