namespace ServeWell.Web.Modules.Learning.Media;

/// <summary>Images, files and video uploaded to lessons (ADR-051).</summary>
public static class LessonMediaRegistration
{
    public static WebApplicationBuilder AddLessonMedia(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<LessonMediaLibrary>();
        builder.Services.Configure<LessonMediaLimits>(builder.Configuration.GetSection("Learning:Media"));
        return builder;
    }
}
