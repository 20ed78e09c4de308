using ServeWell.Web.Platform.Layout;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Learning.Courses;

/// <summary>Self-study courses and lessons (ADR-042): services, navigation and API.</summary>
public static class CoursesRegistration
{
    public static WebApplicationBuilder AddCourses(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<EditCourse>();
        builder.Services.AddScoped<StudyCourse>();
        builder.Services.AddScoped<CourseProgressReport>();
        builder.AddNavigation(
            new NavigationItem("My courses", "/Learning", Policies.Staff, 47, NavigationArea.Training),
            new NavigationItem("Self-study courses", "/Learning/Courses", Policies.ManageTraining, 53, NavigationArea.Training));
        return builder;
    }
}
