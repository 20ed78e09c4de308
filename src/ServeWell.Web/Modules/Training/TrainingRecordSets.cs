using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Training.Certificates;
using ServeWell.Web.Modules.Training.Completions;
using ServeWell.Web.Modules.Training.Evaluations;
using ServeWell.Web.Modules.Training.KnowledgeChecks;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.Training;

/// <summary>
/// The training record's tables, reached from the one context without the Platform's context naming them: the entities
/// join the model through their configuration classes (ADR-010).
/// </summary>
public static class TrainingRecordSets
{
    extension(ServeWellDbContext db)
    {
        public DbSet<Completion> Completions => db.Set<Completion>();

        public DbSet<ProgrammeCycle> ProgrammeCycles => db.Set<ProgrammeCycle>();

        public DbSet<SessionEvaluation> SessionEvaluations => db.Set<SessionEvaluation>();

        public DbSet<KnowledgeCheck> KnowledgeChecks => db.Set<KnowledgeCheck>();

        public DbSet<KnowledgeAttempt> KnowledgeAttempts => db.Set<KnowledgeAttempt>();

        public DbSet<Certificate> Certificates => db.Set<Certificate>();

        public DbSet<SelfStudyCompletion> SelfStudyCompletions => db.Set<SelfStudyCompletion>();
    }
}
