using Microsoft.Extensions.DependencyInjection.Extensions;
using ServeWell.Web.Modules.FollowUps.Cases;
using ServeWell.Web.Modules.FollowUps.Contacts;
using ServeWell.Web.Modules.FollowUps.Notices;
using ServeWell.Web.Modules.FollowUps.Owners;
using ServeWell.Web.Modules.FollowUps.RootCauses;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Events;
using ServeWell.Web.Platform.Jobs;
using ServeWell.Web.Platform.Layout;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.FollowUps;

/// <summary>Follow-up of unhappy citizens: cases opened by the feedback intake through <see cref="IFeedbackReceived"/>.</summary>
public static class FollowUpsModule
{
    public static WebApplicationBuilder AddFollowUpsModule(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<FollowUpOptions>(builder.Configuration.GetSection(FollowUpOptions.Section));
        services.AddOptions<FollowUpOptions>().PostConfigure<Microsoft.Extensions.Options.IOptions<Platform.City.CityOptions>>(
            (o, city) => o.TimeZone = string.IsNullOrWhiteSpace(o.TimeZone) ? city.Value.TimeZone : o.TimeZone);
        services.AddSingleton<BusinessCalendar>();
        services.AddSingleton<ContactVault>();
        services.AddScoped<Supervisors>();
        services.AddScoped<CaseOwners>();
        services.AddScoped<OpenFollowUp>();
        services.AddScoped<IFeedbackReceived>(sp => sp.GetRequiredService<OpenFollowUp>());
        services.AddScoped<HandleFollowUp>();
        services.AddScoped<FollowUpQueue>();
        services.AddScoped<FollowUpTimeliness>();
        services.AddScoped<FollowUpDetails>();
        services.AddScoped<FollowUpMailer>();
        services.AddScoped<FollowUpHousekeeping>();
        services.TryAddScoped<DatabaseLease>();
        services.AddHostedService<FollowUpBackground>();
        builder.AddNavigation(
            new NavigationItem("Follow-ups", "/FollowUps", Policies.ViewFollowUps, 70, NavigationArea.FollowUps),
            new NavigationItem("Root causes", "/FollowUps/RootCauses", Policies.Administer, 75, NavigationArea.FollowUps),
            new NavigationItem("Case owners", "/FollowUps/Owners", Policies.Administer, 76, NavigationArea.FollowUps));
        return builder;
    }

    public static WebApplication MapFollowUpsModule(this WebApplication app)
    {
        app.MapGroup("/api/v1").WithTags("Follow-ups").MapFollowUpsApi();
        return app;
    }

    /// <summary>Seeds the standard root causes and readies the contact key ring before any request or seed can need it.</summary>
    public static async Task PrepareFollowUpsAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ContactVault>().WarmUp();
        await RootCauseCatalogue.EnsureAsync(scope.ServiceProvider.GetRequiredService<ServeWellDbContext>(), app.Lifetime.ApplicationStopping);
    }
}
