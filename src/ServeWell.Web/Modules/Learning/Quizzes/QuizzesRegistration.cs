using ServeWell.Web.Platform.Jobs;
using ServeWell.Web.Platform.Layout;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Learning.Quizzes;

/// <summary>Quizzes over the question bank (ADR-044): services, the deadline sweep and navigation.</summary>
public static class QuizzesRegistration
{
    public static WebApplicationBuilder AddQuizzes(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<EditQuiz>();
        builder.Services.AddScoped<TakeQuiz>();
        builder.Services.AddScoped<QuizAccess>();
        builder.Services.AddScoped<QuizResults>();
        builder.Services.AddScoped<QuizLessonCompletion>();
        builder.Services.AddHostedService<QuizDeadlineSweep>();
        builder.AddNavigation(new NavigationItem("Quizzes", "/Learning/Quizzes", Policies.ViewCompliance, 63, NavigationArea.Training));
        return builder;
    }
}

/// <summary>Grades, every few minutes, the attempts whose time ran out and that nobody touched since (ADR-044).</summary>
internal sealed class QuizDeadlineSweep(IServiceScopeFactory scopes, TimeProvider clock, ILogger<QuizDeadlineSweep> logger)
    : LeasedPeriodicJob(scopes, clock, logger)
{
    protected override string Lease => "learning-quiz-deadlines";

    protected override TimeSpan Interval => TimeSpan.FromMinutes(5);

    protected override TimeSpan Look => TimeSpan.FromMinutes(1);

    protected override Task RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<TakeQuiz>().CloseOverdueAsync(null, cancellationToken);
}
