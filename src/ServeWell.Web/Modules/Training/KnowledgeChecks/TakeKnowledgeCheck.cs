using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Training.Completions;
using ServeWell.Web.Modules.Training.Enrolments;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.Training.KnowledgeChecks;

/// <summary>Whether an employee may take a programme's check in a phase now, and their latest attempt in it.</summary>
public sealed record KnowledgeInvitation(string ProgrammeTitle, KnowledgeCheck Check, int Cycle, int? SessionId, KnowledgeAttempt? Latest)
{
    /// <summary>Open before the session until taken once; after it until passed.</summary>
    public bool Open(KnowledgePhase phase) => phase == KnowledgePhase.Pre ? Latest is null : Latest is not { Passed: true };
}

/// <summary>A submitted quiz attempt, as Learning reports it to the check's ledger (ADR-048).</summary>
public sealed record CheckSubmission(int QuizId, long QuizAttemptId, int EmployeeId, decimal ScorePercent, bool Passed, DateTime SubmittedAtUtc, IReadOnlyList<KnowledgeAnswer> Answers);

/// <summary>
/// The ledger of a programme's knowledge check (ADR-048): who may take it in which phase, and one
/// <see cref="KnowledgeAttempt"/> per submitted attempt at the programme's quiz, which completion, its dating, My
/// training and the results read as before.
/// </summary>
public sealed class TakeKnowledgeCheck(ServeWellDbContext db, IAttendedSession attended, ProgrammeCycles cycles, CompleteEnrolment complete)
{
    /// <summary>
    /// Null when the employee may not take it in this phase: not enrolled, no quiz, before the session when they
    /// already attended, or after the session when they have not attended one.
    /// </summary>
    public async Task<KnowledgeInvitation?> InvitationAsync(int programmeId, int employeeId, KnowledgePhase phase, CancellationToken cancellationToken) =>
        await InvitationAsync(programmeId, employeeId, cancellationToken) is { } found && found.Phase == phase ? found.Invitation : null;

    /// <summary>The phase the employee is in (before or after their session) and the invitation for it; null when not enrolled or no quiz.</summary>
    public async Task<(KnowledgePhase Phase, KnowledgeInvitation Invitation)?> InvitationAsync(int programmeId, int employeeId, CancellationToken cancellationToken)
    {
        var programme = await db.Programmes.AsNoTracking().FirstOrDefaultAsync(p => p.Id == programmeId, cancellationToken);
        var enrolled = await db.Enrolments.AnyAsync(e => e.ProgrammeId == programmeId && e.EmployeeId == employeeId && e.State != EnrolmentState.Withdrawn, cancellationToken);
        var check = await db.KnowledgeChecks.AsNoTracking().FirstOrDefaultAsync(k => k.ProgrammeId == programmeId, cancellationToken);
        if (programme is null || !enrolled || check?.QuizId is null)
        {
            return null;
        }

        var sessionId = await attended.FindAsync(programmeId, employeeId, cancellationToken);
        var phase = sessionId is null ? KnowledgePhase.Pre : KnowledgePhase.Post;
        var cycle = await cycles.CurrentAsync(programme, cancellationToken);
        var latest = await db.KnowledgeAttempts.AsNoTracking()
            .Where(a => a.ProgrammeId == programmeId && a.EmployeeId == employeeId && a.Cycle == cycle.Number && a.Phase == phase)
            .OrderByDescending(a => a.Number).FirstOrDefaultAsync(cancellationToken);
        return (phase, new KnowledgeInvitation(programme.Title.ToString(), check, cycle.Number, sessionId, latest));
    }

    /// <summary>
    /// Adds a ledger row for each programme whose check is the submitted quiz and is open to the employee in their
    /// phase now; the caller saves them with the attempt's grades, in its transaction. A submission recorded already, or
    /// one outside an open phase (a pre check taken twice, a post check after passing), adds nothing.
    /// </summary>
    public async Task<IReadOnlyList<KnowledgeAttempt>> RecordAsync(CheckSubmission submission, CancellationToken cancellationToken)
    {
        var programmeIds = await db.KnowledgeChecks.Where(k => k.QuizId == submission.QuizId).Select(k => k.ProgrammeId).ToListAsync(cancellationToken);
        var added = new List<KnowledgeAttempt>();
        foreach (var programmeId in programmeIds)
        {
            if (await InvitationAsync(programmeId, submission.EmployeeId, cancellationToken) is not var (phase, invitation) || !invitation.Open(phase)
                || await db.KnowledgeAttempts.AnyAsync(a => a.ProgrammeId == programmeId && a.QuizAttemptId == submission.QuizAttemptId, cancellationToken))
            {
                continue;
            }

            var attempt = new KnowledgeAttempt
            {
                ProgrammeId = programmeId, EmployeeId = submission.EmployeeId, Cycle = invitation.Cycle, Phase = phase, Number = (invitation.Latest?.Number ?? 0) + 1,
                SessionId = phase == KnowledgePhase.Post ? invitation.SessionId : null,
                ScorePercent = (int)Math.Round(submission.ScorePercent, MidpointRounding.AwayFromZero), Passed = submission.Passed,
                Answers = [.. submission.Answers], SubmittedAtUtc = submission.SubmittedAtUtc, QuizAttemptId = submission.QuizAttemptId,
            };
            db.KnowledgeAttempts.Add(attempt);
            added.Add(attempt);
        }

        return added;
    }

    /// <summary>After the ledger rows are saved: a passed post check completes the programme where its rule is now met.</summary>
    public async Task CompleteAsync(IReadOnlyList<KnowledgeAttempt> recorded, CancellationToken cancellationToken)
    {
        foreach (var a in recorded.Where(a => a.Phase == KnowledgePhase.Post && a.Passed))
        {
            await complete.TryCompleteAsync(a.ProgrammeId, a.EmployeeId, a.SessionId, cancellationToken);
        }
    }
}
