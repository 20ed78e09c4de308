using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.Training.KnowledgeChecks;

/// <summary>Sets which quiz is a programme's knowledge check (ADR-048), or none; the page and the API share it.</summary>
public sealed class SaveKnowledgeCheck(ServeWellDbContext db, IProgrammeCheckQuizzes quizzes, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    /// <summary>Saves the choice; answers the problem (what is wrong) or null. Attempts already made stay in the ledger.</summary>
    public async Task<string?> SetQuizAsync(int programmeId, int? quizId, CancellationToken cancellationToken)
    {
        if (quizId is { } id && await quizzes.FindAsync(id, cancellationToken) is null)
        {
            return l["Quiz {0} does not exist.", id];
        }

        var check = await db.KnowledgeChecks.FirstOrDefaultAsync(k => k.ProgrammeId == programmeId, cancellationToken);
        if (check is null)
        {
            if (quizId is null)
            {
                return null;
            }

            check = new KnowledgeCheck { ProgrammeId = programmeId };
            db.KnowledgeChecks.Add(check);
        }

        check.QuizId = quizId;
        check.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>The programme's quiz, or null when it has none.</summary>
    public async Task<CheckQuiz?> QuizOfAsync(int programmeId, CancellationToken cancellationToken) =>
        await db.KnowledgeChecks.Where(k => k.ProgrammeId == programmeId).Select(k => k.QuizId).FirstOrDefaultAsync(cancellationToken) is { } quizId
            ? await quizzes.FindAsync(quizId, cancellationToken)
            : null;
}
