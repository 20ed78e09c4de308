using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Modules.Training.Completions;
using ServeWell.Web.Modules.Training.Enrolments;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Web;

namespace ServeWell.Web.Modules.Training.KnowledgeChecks;

/// <summary>Whether an employee may take a programme's check in a phase now, and the questions to show.</summary>
public sealed record KnowledgeInvitation(string ProgrammeTitle, KnowledgeCheck Check, int Cycle, int? SessionId, KnowledgeAttempt? Latest)
{
    /// <summary>Open before the session until taken once; after it until passed.</summary>
    public bool Open(KnowledgePhase phase) => phase == KnowledgePhase.Pre ? Latest is null : Latest is not { Passed: true };
}

/// <summary>Scores an employee's answers to a programme's knowledge check before or after their session.</summary>
public sealed class TakeKnowledgeCheck(
    ServeWellDbContext db, IAttendedSession attended, ProgrammeCycles cycles, CompleteEnrolment complete, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public sealed record Problem(int QuestionId, string Message);

    /// <summary>
    /// Null when the employee may not take it in this phase: not enrolled, no question set, before the session when they
    /// already attended, or after the session when they have not attended one.
    /// </summary>
    public async Task<KnowledgeInvitation?> InvitationAsync(int programmeId, int employeeId, KnowledgePhase phase, CancellationToken cancellationToken)
    {
        var programme = await db.Programmes.AsNoTracking().FirstOrDefaultAsync(p => p.Id == programmeId, cancellationToken);
        var enrolled = await db.Enrolments.AnyAsync(e => e.ProgrammeId == programmeId && e.EmployeeId == employeeId && e.State != EnrolmentState.Withdrawn, cancellationToken);
        var check = await db.KnowledgeChecks.AsNoTracking().Include(k => k.Questions).FirstOrDefaultAsync(k => k.ProgrammeId == programmeId, cancellationToken);
        if (programme is null || !enrolled || check is null || check.Questions.Count == 0)
        {
            return null;
        }

        var sessionId = await attended.FindAsync(programmeId, employeeId, cancellationToken);
        if ((phase == KnowledgePhase.Pre) != (sessionId is null))
        {
            return null;
        }

        var cycle = await cycles.CurrentAsync(programme, cancellationToken);
        var latest = await db.KnowledgeAttempts.AsNoTracking()
            .Where(a => a.ProgrammeId == programmeId && a.EmployeeId == employeeId && a.Cycle == cycle.Number && a.Phase == phase)
            .OrderByDescending(a => a.Number).FirstOrDefaultAsync(cancellationToken);
        return new KnowledgeInvitation(programme.Title.ToString(), check, cycle.Number, sessionId, latest);
    }

    /// <summary>Scores and saves the answers (question id → chosen option index); answers the attempt, or the questions left unanswered.</summary>
    public async Task<(KnowledgeAttempt? Attempt, IReadOnlyList<Problem> Problems)> SubmitAsync(
        int programmeId, int employeeId, KnowledgePhase phase, IReadOnlyDictionary<int, int?> answers, CancellationToken cancellationToken)
    {
        var invitation = await InvitationAsync(programmeId, employeeId, phase, cancellationToken)
            ?? throw new DomainRuleException(l["This knowledge check is not open to you now."]);
        if (!invitation.Open(phase))
        {
            throw new DomainRuleException(l["You have already taken this knowledge check."]);
        }

        var questions = invitation.Check.Questions.OrderBy(q => q.Order).ToList();
        var problems = questions
            .Where(q => answers.GetValueOrDefault(q.Id) is not { } chosen || chosen < 0 || chosen >= q.Options.Count)
            .Select(q => new Problem(q.Id, l["Choose an answer to question {0}.", questions.IndexOf(q) + 1]))
            .ToList();
        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var scored = questions.Select(q => new KnowledgeAnswer(q.Id, answers[q.Id]!.Value, answers[q.Id] == q.CorrectOption)).ToList();
        var score = (int)Math.Round(100.0 * scored.Count(a => a.Correct) / scored.Count, MidpointRounding.AwayFromZero);
        var attempt = new KnowledgeAttempt
        {
            ProgrammeId = programmeId, EmployeeId = employeeId, Cycle = invitation.Cycle, Phase = phase, Number = (invitation.Latest?.Number ?? 0) + 1,
            SessionId = phase == KnowledgePhase.Post ? invitation.SessionId : null, ScorePercent = score, Passed = score >= invitation.Check.PassMarkPercent,
            Answers = scored, SubmittedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.KnowledgeAttempts.Add(attempt);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            throw new DomainRuleException(l["You have already taken this knowledge check."]);
        }

        if (phase == KnowledgePhase.Post && attempt.Passed)
        {
            await complete.TryCompleteAsync(programmeId, employeeId, attempt.SessionId, cancellationToken);
        }

        return (attempt, []);
    }
}
