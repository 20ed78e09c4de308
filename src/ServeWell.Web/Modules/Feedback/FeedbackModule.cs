using Microsoft.Extensions.DependencyInjection.Extensions;
using ServeWell.Web.Modules.Feedback.Intake;
using ServeWell.Web.Modules.Feedback.Kiosks;
using ServeWell.Web.Modules.Feedback.Surveys;
using ServeWell.Web.Modules.Feedback.Touchpoints;
using ServeWell.Web.Platform.Layout;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Feedback;

/// <summary>Citizen feedback: the service catalogue, touchpoints and their codes, the survey and the intake (ADR-011).</summary>
public static class FeedbackModule
{
    public static WebApplicationBuilder AddFeedbackModule(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<FeedbackOptions>().Bind(builder.Configuration.GetSection(FeedbackOptions.Section))
            .Validate(o => o.RetentionOutlastsMaxAge, "Feedback:IdempotencyRetention must be longer than Feedback:MaxAge plus Feedback:ClockSkew (ADR-018).")
            .Validate(o => o.KioskIdleSeconds is >= 20 and <= 600, "Feedback:KioskIdleSeconds must be from 20 to 600 seconds (ADR-037).")
            .ValidateOnStart();
        builder.Services.AddScoped<SubmitFeedback>();
        builder.Services.AddSingleton<FeedbackWriter>();
        builder.Services.AddSingleton<FeedbackLookups>();
        builder.Services.AddScoped<Revisions.ReviseFeedback>();
        builder.Services.AddScoped<PruneIdempotencyRecords>();
        builder.Services.TryAddScoped<Platform.Jobs.DatabaseLease>();
        builder.Services.AddHostedService<IdempotencyPruningJob>();
        builder.Services.AddScoped<ManageTouchpoints>();
        builder.Services.AddScoped<Surveys.ManageSurveys>();
        builder.Services.AddScoped<Posters.TouchpointPoster>();
        builder.Services.AddSingleton<DuplicateWindow>();
        builder.Services.AddSingleton<Commendations.StaffOnDuty>();
        builder.Services.AddScoped<AddKioskDetails>();
        builder.Services.AddScoped<Duty.DutyRoster>();
        builder.Services.AddFeedbackRateLimits();
        builder.AddNavigation(
            new NavigationItem("Touchpoints", "/Feedback/Touchpoints", Policies.ViewFeedback, 70, NavigationArea.CitizenFeedback),
            new NavigationItem("Services", "/Feedback/Services", Policies.ManageFeedback, 71, NavigationArea.CitizenFeedback),
            new NavigationItem("Kiosk devices", "/Feedback/Kiosks", Policies.ManageFeedback, 72, NavigationArea.CitizenFeedback),
            new NavigationItem("Surveys", "/Feedback/Surveys", Policies.ManageFeedback, 73, NavigationArea.CitizenFeedback),
            new NavigationItem("Staff on duty", "/Feedback/Duty", Policies.MarkDuty, 74, NavigationArea.CitizenFeedback));
        return builder;
    }

    public static WebApplication MapFeedbackModule(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Feedback");
        api.MapTouchpointsApi();
        api.MapFeedbackApi();
        Revisions.FeedbackRevisionApi.MapFeedbackRevisionApi(api);
        api.MapKioskBatchApi();
        api.MapSurveysApi();
        Duty.DutyApi.MapDutyApi(api);
        return app;
    }
}
