using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServeWell.Web.Modules.Learning.Quizzes;
using ServeWell.Web.Modules.Training.KnowledgeChecks;

namespace ServeWell.Web.Modules.Learning.Checks;

/// <summary>
/// The foreign keys from Training's knowledge-check tables to Learning's quizzes, declared here because Training does
/// not know Learning (ADR-033, ADR-048). A quiz that is a programme's check cannot be deleted; a deleted quiz attempt
/// leaves its ledger row (the result stands).
/// </summary>
internal sealed class KnowledgeCheckQuizConfiguration : IEntityTypeConfiguration<KnowledgeCheck>
{
    public void Configure(EntityTypeBuilder<KnowledgeCheck> builder) =>
        builder.HasOne<Quiz>().WithMany().HasForeignKey(k => k.QuizId).OnDelete(DeleteBehavior.Restrict);
}

internal sealed class KnowledgeAttemptQuizConfiguration : IEntityTypeConfiguration<KnowledgeAttempt>
{
    public void Configure(EntityTypeBuilder<KnowledgeAttempt> builder) =>
        builder.HasOne<QuizAttempt>().WithMany().HasForeignKey(a => a.QuizAttemptId).OnDelete(DeleteBehavior.SetNull);
}
