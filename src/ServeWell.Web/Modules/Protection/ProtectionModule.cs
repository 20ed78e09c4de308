using ServeWell.Web.Modules.FollowUps.Safeguards;
using ServeWell.Web.Modules.Protection.Cases;
using ServeWell.Web.Modules.Protection.Complainants;
using ServeWell.Web.Modules.Protection.Encounters;
using ServeWell.Web.Modules.Protection.Evidence;
using ServeWell.Web.Modules.Protection.Restrictions;
using ServeWell.Web.Modules.Protection.Support;
using ServeWell.Web.Platform.Layout;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Protection;

/// <summary>
/// Staff protection (issue 17): abusive encounters logged by or for the employee, support offered and taken up, the
/// institution's legal action, restrictions on a complainant with their letter, and what the city learns from it.
/// Protection sits above Practice and Recognition and below Insights (ADR-033); who sees what is ADR-059.
/// </summary>
public static class ProtectionModule
{
    public static WebApplicationBuilder AddProtectionModule(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<EvidenceOptions>(builder.Configuration.GetSection(EvidenceOptions.Section));
        services.AddSingleton<ComplainantKeys>();
        services.AddSingleton<EvidenceVault>();
        services.AddScoped<EvidenceLocker>();
        services.AddHostedService<EvidenceRetention>();
        services.AddScoped<ProtectionActions>();
        services.AddScoped<RestrictionLetter>();
        services.AddScoped<EncounterNotices>();
        services.AddScoped<LogEncounter>();
        services.AddScoped<EncounterBook>();
        services.AddScoped<FlagAbuse>();
        services.Configure<RestrictionOptions>(builder.Configuration.GetSection(RestrictionOptions.Section));
        services.AddScoped<ReviewReminders>();
        services.AddScoped<EncounterCaseDraft>();
        services.AddHostedService<ReviewReminderJob>();
        services.AddScoped<ICaseSafeguards, FollowUpSafeguards>();
        services.AddScoped<Officers.OfficerDesignations>();
        services.AddScoped<Figures.ProtectionFigures>();
        // Every staff member: an employee shaken after a call finds "log an encounter" from any page. It sits with the
        // follow-ups (an abusive complaint is a case gone wrong), so the administrator's menu keeps six entries; an
        // employee, who sees no other follow-up link, sees it as a top-level link of its own.
        builder.AddNavigation(new NavigationItem("Staff protection", "/Protection", Policies.Staff, 77, NavigationArea.FollowUps));
        return builder;
    }

    public static WebApplication MapProtectionModule(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Protection");
        api.MapEncountersApi();
        api.MapFlagsApi();
        api.MapConsentApi();
        api.MapEvidenceApi();
        api.MapActionsApi();
        Officers.OfficersApi.MapOfficersApi(api);
        return app;
    }
}
