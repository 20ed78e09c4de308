using ServeWell.Web.Modules.Training.KnowledgeChecks;

namespace ServeWell.Web.Modules.Learning.Checks;

/// <summary>Programmes' knowledge checks as quizzes of the bank (ADR-048): Training's contract, the ledger writer, the conversion.</summary>
public static class ChecksRegistration
{
    public static WebApplicationBuilder AddProgrammeChecks(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<IProgrammeCheckQuizzes, ProgrammeCheckQuizzes>();
        builder.Services.AddScoped<CheckAttempts>();
        builder.Services.AddScoped<KnowledgeCheckConversion>();
        return builder;
    }

    /// <summary>Converts the knowledge checks written before ADR-048, once the schema is up to date (idempotent).</summary>
    public static async Task ConvertKnowledgeChecksAsync(this WebApplication app, CancellationToken cancellationToken)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<KnowledgeCheckConversion>().ConvertAllAsync(cancellationToken);
    }
}
