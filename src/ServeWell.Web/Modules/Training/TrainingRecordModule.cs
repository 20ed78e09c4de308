using Microsoft.Extensions.DependencyInjection.Extensions;
using ServeWell.Web.Modules.Training.Certificates;
using ServeWell.Web.Modules.Training.Completions;
using ServeWell.Web.Modules.Training.Compliance;
using ServeWell.Web.Modules.Training.Evaluations;
using ServeWell.Web.Modules.Training.KnowledgeChecks;
using ServeWell.Web.Platform.Events;
using ServeWell.Web.Platform.Jobs;
using ServeWell.Web.Platform.Layout;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Training;

/// <summary>The training record: completion, evaluation, knowledge checks, certificates and compliance (ADR-010).</summary>
public static class TrainingRecordModule
{
    public static WebApplicationBuilder AddTrainingRecord(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ProgrammeCycles>();
        builder.Services.AddScoped<CompleteEnrolment>();
        builder.Services.AddScoped<CompletionDating>();
        builder.Services.AddScoped<RecordSelfStudy>();
        builder.Services.AddScoped<IssueCertificate>();
        builder.Services.AddScoped<IAttendedSession, AttendedSessionFromEnrolment>();
        builder.Services.AddScoped<IAttendanceRecorded, CompleteOnAttendance>();
        builder.Services.AddScoped<CompletionSweepRun>();
        builder.Services.AddScoped<SubmitEvaluation>();
        builder.Services.AddScoped<MyTraining.MyTrainingRead>();
        builder.Services.AddScoped<EvaluationResults>();
        builder.Services.AddScoped<KnowledgeResults>();
        builder.Services.AddScoped<TakeKnowledgeCheck>();
        builder.Services.AddScoped<SaveKnowledgeCheck>();
        builder.Services.AddScoped<CertificatePdf>();
        builder.Services.AddScoped<ComplianceReport>();
        builder.Services.AddScoped<ComplianceExport>();
        builder.Services.AddScoped<SendComplianceReminders>();
        builder.Services.TryAddScoped<DatabaseLease>();
        builder.Services.Configure<CompletionSweepOptions>(builder.Configuration.GetSection("Training"));
        builder.Services.AddHostedService<CompletionSweep>();
        builder.AddNavigation(
            new NavigationItem("Training compliance", "/Training/Compliance", Policies.ViewCompliance, 56, NavigationArea.Training),
            new NavigationItem("Certificates", "/Training/Certificates", Policies.ViewCompliance, 57, NavigationArea.Training));
        return builder;
    }

    public static RouteGroupBuilder MapTrainingRecordApis(this RouteGroupBuilder api) => api.MapCertificatesApi().MapComplianceApi().MapEvaluationsApi().MapKnowledgeCheckApi();

    /// <summary>
    /// The training record was merged into "My training" (ADR-032); its old address, in mails already sent, leads there.
    /// Anonymous on purpose: it only redirects, and the page it leads to asks for a sign-in.
    /// </summary>
    public static WebApplication MapOldTrainingRecord(this WebApplication app)
    {
        app.MapGet("/Training/Record", () => TypedResults.Redirect("/Training/My")).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
