using ServeWell.Web.Modules.People.Employees;
using ServeWell.Web.Modules.People.OrgUnits;
using ServeWell.Web.Modules.People.RosterImport;
using ServeWell.Web.Platform.Layout;
using ServeWell.Web.Platform.Privacy;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.People;

public static class PeopleModule
{
    public static WebApplicationBuilder AddPeopleModule(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<EmployeeDirectory>();
        builder.Services.AddScoped<OrgChart>();
        builder.Services.AddScoped<SaveEmployee>();
        builder.Services.AddScoped<IRosterNameSource, EmployeeRosterNames>();
        builder.Services.AddRosterImport();
        builder.AddNavigation(
            new NavigationItem("Organisation", "/People/OrgUnits", Policies.ViewPeople, 10, NavigationArea.Administration),
            new NavigationItem("Employees", "/People/Employees", Policies.ViewPeople, 20, NavigationArea.Administration),
            new NavigationItem("Roster import", "/People/Import", Policies.ManageEmployees, 30, NavigationArea.Administration),
            new NavigationItem("Grade scale", "/People/GradeScale", Policies.ManageOrganisation, 40, NavigationArea.Administration));
        return builder;
    }

    public static WebApplication MapPeopleModule(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").WithTags("People");
        api.MapOrgUnitsApi();
        api.MapEmployeesApi();
        api.MapRosterImportApi();
        return app;
    }
}
