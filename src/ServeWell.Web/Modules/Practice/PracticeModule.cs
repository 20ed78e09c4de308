using ServeWell.Web.Modules.Practice.Cases;
using ServeWell.Web.Modules.Practice.Scenarios;

namespace ServeWell.Web.Modules.Practice;

/// <summary>
/// Practice (issue 15): a library of real civil-complaint cases with personal data removed, and branching scenarios
/// for difficult conversations scored per competency. Practice sits above Training, Feedback and Learning (ADR-033):
/// it reads competencies, programmes and the citizens' driver scores, and reports scenario results to Training
/// through a small contract, as Learning does.
/// </summary>
public static class PracticeModule
{
    public static WebApplicationBuilder AddPracticeModule(this WebApplicationBuilder builder)
    {
        builder.AddCaseLibrary();
        builder.AddScenarios();
        return builder;
    }

    public static WebApplication MapPracticeModule(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Practice");
        api.MapCaseLibraryApi();
        api.MapScenariosApi();
        return app;
    }
}
