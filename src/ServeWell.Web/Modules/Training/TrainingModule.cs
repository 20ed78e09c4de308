using Microsoft.Extensions.DependencyInjection.Extensions;
using ServeWell.Web.Modules.Training.Attendance;
using ServeWell.Web.Modules.Training.Audiences;
using ServeWell.Web.Modules.Training.Certificates;
using ServeWell.Web.Modules.Training.Competencies;
using ServeWell.Web.Modules.Training.Enrolments;
using ServeWell.Web.Modules.Training.Programmes;
using ServeWell.Web.Modules.Training.Registrations;
using ServeWell.Web.Modules.Training.Sessions;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Events;
using ServeWell.Web.Platform.Jobs;
using ServeWell.Web.Platform.Layout;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Training;

public static class TrainingModule
{
    public static WebApplicationBuilder AddTrainingModule(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<MatchAudience>();
        builder.Services.AddScoped<SaveProgramme>();
        builder.Services.AddScoped<PublishProgramme>();
        builder.Services.AddScoped<SaveSession>();
        builder.Services.AddScoped<SessionAgenda>();
        builder.Services.AddScoped<SyncProgrammeAudience>();
        builder.Services.AddScoped<ProgrammeEnrolments>();
        builder.Services.AddScoped<SessionMails>();
        builder.Services.AddScoped<SessionRegistrations>();
        builder.Services.AddScoped<SessionRounds>();
        builder.Services.AddScoped<RecordAttendance>();
        builder.Services.AddSingleton<CheckInCode>();
        builder.Services.Configure<SessionRoundsOptions>(builder.Configuration.GetSection("Training"));
        builder.Services.AddHostedService<SessionRoundsService>();
        builder.Services.AddScoped<IRosterChanged, SyncAudiencesOnRosterChange>();
        builder.Services.TryAddScoped<DatabaseLease>();
        builder.Services.Configure<AudienceSyncOptions>(builder.Configuration.GetSection("Training"));
        builder.Services.AddHostedService<DailyAudienceSync>();
        builder.AddTrainingRecord();
        builder.AddNavigation(
            new NavigationItem("My training", "/Training/My", Policies.Staff, 45, NavigationArea.Training),
            new NavigationItem("My sessions", "/Training/Sessions/Mine", Policies.TeachTraining, 46, NavigationArea.Training),
            new NavigationItem("Training programmes", "/Training/Programmes", Policies.ViewTraining, 50, NavigationArea.Training),
            new NavigationItem("Competencies", "/Training/Competencies", Policies.ManageTraining, 60, NavigationArea.Training));
        return builder;
    }

    public static WebApplication MapTrainingModule(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Training");
        api.MapAudiencesApi();
        api.MapProgrammesApi();
        api.MapSessionsApi();
        api.MapEnrolmentsApi();
        api.MapRegistrationsApi();
        api.MapAttendanceApi();
        app.MapJoinLink();
        api.MapTrainingRecordApis();
        app.MapCertificateDownload();
        app.MapOldTrainingRecord();
        return app;
    }

    /// <summary>The standard competencies exist in every environment, like the roles; see <see cref="CompetencyCatalogue"/>.</summary>
    public static async Task SeedCompetencyCatalogueAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await CompetencyCatalogue.EnsureAsync(scope.ServiceProvider.GetRequiredService<ServeWellDbContext>(), app.Lifetime.ApplicationStopping);
    }
}
