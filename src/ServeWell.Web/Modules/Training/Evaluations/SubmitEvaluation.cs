using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Modules.Training.Completions;
using ServeWell.Web.Modules.Training.Programmes;
using ServeWell.Web.Modules.Training.Registrations;
using ServeWell.Web.Modules.Training.Sessions;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Web;

namespace ServeWell.Web.Modules.Training.Evaluations;

/// <summary>What an employee answers about a session: three ratings from 1 to 5 and an optional comment.</summary>
public sealed class EvaluationForm
{
    public int? Relevance { get; set; }

    public int? Instructor { get; set; }

    public int? Confidence { get; set; }

    public string? Comment { get; set; }
}

/// <summary>Which session an employee may evaluate now, and whether they already did.</summary>
public sealed record EvaluationInvitation(TrainingSession Session, string ProgrammeTitle, bool Submitted);

/// <summary>Takes an attended employee's evaluation of their session, once, then sees whether that completes the programme.</summary>
public sealed class SubmitEvaluation(
    ServeWellDbContext db, IAttendedSession attended, ProgrammeCycles cycles, CompleteEnrolment complete, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public sealed record Problem(string Field, string Message);

    /// <summary>The session the employee may evaluate (open, or already evaluated), or null when they may not (now).</summary>
    public async Task<EvaluationInvitation?> InvitationAsync(int sessionId, int employeeId, CancellationToken cancellationToken) =>
        await StatusAsync(sessionId, employeeId, cancellationToken) is { State: EvaluationState.Open or EvaluationState.Submitted } status
            ? new EvaluationInvitation(status.Session, status.ProgrammeTitle, status.State == EvaluationState.Submitted)
            : null;

    /// <summary>Where the employee stands with the evaluation of the session (<see cref="EvaluationWindow"/>); null when there is no such session.</summary>
    /// <remarks>An account not linked to an employee (<paramref name="employeeId"/> null) attended nothing.</remarks>
    public async Task<EvaluationStatus?> StatusAsync(int sessionId, int? employeeId, CancellationToken cancellationToken)
    {
        var session = await db.TrainingSessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is null)
        {
            return null;
        }

        var programme = await db.Programmes.AsNoTracking().Where(p => p.Id == session.ProgrammeId)
            .Select(p => new { p.Title, p.Completion }).FirstAsync(cancellationToken);
        var closes = EvaluationWindow.ClosesAtUtc(session, programme.Completion.HasFlag(CompletionRequirements.EvaluationSubmitted));
        EvaluationStatus Status(EvaluationState state, int? attendedSession = null) => new(state, session, programme.Title.ToString(), closes, attendedSession);

        var now = clock.GetUtcNow().UtcDateTime;
        if (session.IsCancelled)
        {
            return Status(EvaluationState.Cancelled);
        }

        if (session.StartsAtUtc > now)
        {
            return Status(EvaluationState.NotYetOpen);
        }

        if (employeeId is null)
        {
            return Status(EvaluationState.NotAttended);
        }

        var attendedSession = await attended.FindAsync(session.ProgrammeId, employeeId.Value, cancellationToken);
        if (attendedSession is null)
        {
            var hasPlace = await db.SessionRegistrations.AnyAsync(
                r => r.SessionId == sessionId && r.EmployeeId == employeeId && r.State == RegistrationState.Registered, cancellationToken);
            return Status(hasPlace ? EvaluationState.AwaitingAttendance : EvaluationState.NotAttended);
        }

        if (attendedSession != sessionId)
        {
            return Status(EvaluationState.AttendedAnother, attendedSession);
        }

        if (await db.SessionEvaluations.AnyAsync(e => e.SessionId == sessionId && e.EmployeeId == employeeId, cancellationToken))
        {
            return Status(EvaluationState.Submitted, sessionId);
        }

        return Status(closes is { } c && now > c ? EvaluationState.Closed : EvaluationState.Open, sessionId);
    }

    /// <summary>Problems with the answers, by field; empty when they can be saved.</summary>
    public IReadOnlyList<Problem> Check(EvaluationForm form)
    {
        var problems = new List<Problem>();
        foreach (var (field, value, name) in new[]
        {
            (nameof(form.Relevance), form.Relevance, l["Relevance to your work"].Value),
            (nameof(form.Instructor), form.Instructor, l["The instructor"].Value),
            (nameof(form.Confidence), form.Confidence, l["Confidence to apply what you learned"].Value),
        })
        {
            if (value is not (>= 1 and <= 5))
            {
                problems.Add(new(field, l["Choose 1 to 5 for \"{0}\".", name]));
            }
        }

        if (form.Comment is { Length: > SessionEvaluation.MaxCommentLength })
        {
            problems.Add(new(nameof(form.Comment), l["The comment is {0} characters long; keep it to {1}.", form.Comment.Length, SessionEvaluation.MaxCommentLength]));
        }

        return problems;
    }

    /// <summary>Saves the evaluation and completes the programme where that was the last thing missing.</summary>
    public async Task<IReadOnlyList<Problem>> SubmitAsync(int sessionId, int employeeId, EvaluationForm form, CancellationToken cancellationToken)
    {
        var status = await StatusAsync(sessionId, employeeId, cancellationToken);
        if (status is not { State: EvaluationState.Open })
        {
            throw new DomainRuleException(status?.State switch
            {
                EvaluationState.Submitted => l["You have already evaluated this session. Thank you."],
                EvaluationState.Closed => l["The evaluation of this session is closed."],
                _ => l["You can evaluate only a session you attended."],
            });
        }

        var invitation = new EvaluationInvitation(status.Session, status.ProgrammeTitle, Submitted: false);

        var problems = Check(form);
        if (problems.Count > 0)
        {
            return problems;
        }

        var programme = await db.Programmes.AsNoTracking().FirstAsync(p => p.Id == invitation.Session.ProgrammeId, cancellationToken);
        var cycle = await cycles.CurrentAsync(programme, cancellationToken);
        var evaluation = new SessionEvaluation
        {
            SessionId = sessionId, ProgrammeId = programme.Id, EmployeeId = employeeId, Cycle = cycle.Number, Relevance = form.Relevance!.Value,
            Instructor = form.Instructor!.Value, Confidence = form.Confidence!.Value, Comment = string.IsNullOrWhiteSpace(form.Comment) ? null : form.Comment.Trim(),
            SubmittedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.SessionEvaluations.Add(evaluation);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A second submit racing the first (a double click): the unique index kept one.
            throw new DomainRuleException(l["You have already evaluated this session. Thank you."]);
        }

        await complete.TryCompleteAsync(programme.Id, employeeId, sessionId, cancellationToken);
        return [];
    }
}
