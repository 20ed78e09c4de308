namespace ServeWell.Web.Modules.Recognition;

/// <summary>
/// Recognition (issue 16): monthly courtesy award rounds. Candidates come from what citizens say (commendations and
/// ratings through an employee's own touchpoints, ranked by a Bayesian average), nominations come from staff and
/// citizens, a jury scores the finalists and leadership approves. Recognition sits beside Practice, above Training,
/// Feedback, Learning and FollowUps (ADR-033).
/// </summary>
public static class RecognitionModule
{
    public static WebApplicationBuilder AddRecognitionModule(this WebApplicationBuilder builder)
    {
        return builder;
    }

    public static WebApplication MapRecognitionModule(this WebApplication app)
    {
        return app;
    }
}
