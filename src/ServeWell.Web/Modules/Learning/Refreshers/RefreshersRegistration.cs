using ServeWell.Web.Platform.Jobs;
using ServeWell.Web.Platform.Layout;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Learning.Refreshers;

/// <summary>Spaced refreshers after a course (ADR-050): services, the intake job, the profile section and the API.</summary>
public static class RefreshersRegistration
{
    public static WebApplicationBuilder AddRefreshers(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<EnterMissedQuestions>();
        builder.Services.AddScoped<RefresherSchedule>();
        builder.Services.AddScoped<RefresherFigures>();
        builder.Services.AddScoped<IProfileSection, RefresherProfileSection>();
        builder.Services.AddHostedService<RefresherIntakeJob>();
        builder.AddNavigation(new NavigationItem("Refreshers", "/Learning/Refreshers/Figures", Policies.ViewCompliance, 64, NavigationArea.Training));
        return builder;
    }
}

/// <summary>
/// Enters, every hour, the missed questions of courses completed since (ADR-050), so the officers' figures count people
/// who have not opened ServeWell since. Each employee's own reads enter theirs at once; the intake row keeps it to one entry.
/// </summary>
internal sealed class RefresherIntakeJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<RefresherIntakeJob> logger)
    : LeasedPeriodicJob(scopes, clock, logger)
{
    protected override string Lease => "learning-refresher-intake";

    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override TimeSpan Look => TimeSpan.FromMinutes(5);

    protected override async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var intake = services.GetRequiredService<EnterMissedQuestions>();
        while (await intake.CatchUpAsync(null, cancellationToken) == EnterMissedQuestions.Batch)
        {
        }
    }
}
