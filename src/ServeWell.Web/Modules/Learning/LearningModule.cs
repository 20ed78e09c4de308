using ServeWell.Web.Modules.Learning.Courses;
using ServeWell.Web.Modules.Learning.Bank;
using ServeWell.Web.Modules.Learning.Media;
using ServeWell.Web.Modules.Learning.Checks;
using ServeWell.Web.Modules.Learning.Quizzes;
using ServeWell.Web.Modules.Learning.Refreshers;
using ServeWell.Web.Modules.Learning.Offline;
using ServeWell.Web.Modules.Learning.Scorm;
using ServeWell.Web.Platform.Layout;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Learning;

/// <summary>
/// Self-study as a way of delivering a training programme (issue 14): courses and lessons, the question bank with
/// Moodle's GIFT and XML formats, quizzes, and purchased SCORM packages. Learning sits above Training (ADR-033): it
/// reads programmes and enrolments and reports completions through Training's record, so certificates, compliance and
/// Insights count self-study unchanged.
/// </summary>
public static class LearningModule
{
    public static WebApplicationBuilder AddLearningModule(this WebApplicationBuilder builder)
    {
        // Each part of Learning registers its services here: the question bank, courses, SCORM.
        builder.AddCourses();
        builder.AddQuestionBank();
        builder.AddQuizzes();
        builder.AddProgrammeChecks();
        builder.AddOffline();
        builder.AddRefreshers();
        builder.AddLessonMedia();
        builder.Services.AddScoped<ScormLibrary>();
        builder.Services.AddScoped<ScormLessonCompletion>();
        builder.Services.Configure<ScormOptions>(builder.Configuration.GetSection("Learning:Scorm"));
        builder.AddNavigation(
            new NavigationItem("Purchased courses", "/Learning/Scorm", Policies.ManageTraining, 58, NavigationArea.Training));
        return builder;
    }

    public static WebApplication MapLearningModule(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Learning");
        api.MapCoursesApi();
        api.MapQuestionBankApi();
        api.MapQuizzesApi();
        api.MapRefreshersApi();
        api.MapScormApi();
        api.MapLessonMediaApi();
        app.MapLessonMedia();
        app.MapScormContent();
        app.MapOffline(api);
        return app;
    }
}
