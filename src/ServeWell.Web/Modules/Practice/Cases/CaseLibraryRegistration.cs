namespace ServeWell.Web.Modules.Practice.Cases;

/// <summary>The case library's services, pages' navigation and API (issue 15).</summary>
public static class CaseLibraryRegistration
{
    public static WebApplicationBuilder AddCaseLibrary(this WebApplicationBuilder builder) => builder;

    public static RouteGroupBuilder MapCaseLibraryApi(this RouteGroupBuilder api) => api;
}
