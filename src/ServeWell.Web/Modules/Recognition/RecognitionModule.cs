using ServeWell.Web.Modules.Feedback.Survey;
using ServeWell.Web.Modules.Recognition.Awards;
using ServeWell.Web.Modules.Recognition.Candidates;
using ServeWell.Web.Modules.Recognition.Jury;
using ServeWell.Web.Modules.Recognition.Nominations;
using ServeWell.Web.Modules.Recognition.Public;
using ServeWell.Web.Modules.Recognition.Rounds;
using ServeWell.Web.Modules.Training.Certificates;
using ServeWell.Web.Platform.Layout;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Recognition;

/// <summary>
/// Recognition (issue 16, ADR-058): monthly courtesy award rounds. Candidates come from what citizens say (commendations and
/// ratings through an employee's own touchpoints, ranked by a Bayesian average), nominations come from staff and
/// citizens, a jury scores the finalists and leadership approves. Recognition sits beside Practice, above Training,
/// Feedback, Learning and FollowUps (ADR-033).
/// </summary>
public static class RecognitionModule
{
    public static WebApplicationBuilder AddRecognitionModule(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<SaveScheme>();
        services.AddScoped<RoundAccess>();
        services.AddScoped<RoundCandidates>();
        services.AddScoped<RoundSchedule>();
        services.AddScoped<Nominate>();
        services.AddScoped<JuryScoring>();
        services.AddScoped<DecideRound>();
        services.AddScoped<AwardReads>();
        services.AddScoped<AwardFacts>();
        services.AddScoped<IAwardCertificates, AwardCertificates>();
        services.AddScoped<IThanksLinks, ThanksNominationLink>();
        services.AddScoped<IProfileSection, Pages.AwardsProfileSection>();
        builder.AddNavigation(new NavigationItem("Courtesy awards", "/Recognition/Rounds", Policies.ViewAwards, 82, NavigationArea.Insights));
        services.AddHostedService<RoundScheduleJob>();
        return builder;
    }

    public static WebApplication MapRecognitionModule(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Recognition");
        api.MapRecognitionApi();
        api.MapPublicRecognitionApi();
        api.MapGreenCard();
        return app;
    }
}
