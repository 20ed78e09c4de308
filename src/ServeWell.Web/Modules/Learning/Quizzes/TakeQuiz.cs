using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Learning.Bank;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.Learning.Quizzes;

public enum StartOutcome
{
    Started,
    Resumed,
    NotFound,
    LimitReached,
    NoQuestions,
}

public enum AnswerOutcome
{
    Saved,
    NotFound,

    /// <summary>The attempt was submitted already.</summary>
    Closed,

    /// <summary>The time limit (and its grace) had passed: the answer is refused, the attempt graded with what was saved.</summary>
    TooLate,
    Invalid,

    /// <summary>An answer made offline arrived after a later one for the same question was saved: the later one stands.</summary>
    Superseded,
}

public sealed record StartResult(StartOutcome Outcome, QuizAttempt? Attempt, int Used = 0, int? Limit = null);

public sealed record AnswerResult(AnswerOutcome Outcome, string? Problem = null);

/// <summary>
/// The learner's side of a quiz (ADR-044): start (or resume the open attempt), save one answer at a time, submit; graded
/// on the server with <see cref="QuestionGrading"/> on the questions frozen at the start. The deadline is the server's:
/// an answer later than the deadline plus <see cref="Grace"/> is refused, and an attempt past it is graded with what
/// was saved when it is next touched, or by <see cref="QuizDeadlineSweep"/>.
/// </summary>
public sealed class TakeQuiz(ServeWellDbContext db, QuizLessonCompletion lessons, Checks.CheckAttempts checks, TimeProvider clock)
{
    /// <summary>Time allowed after the deadline for an answer or a submit already on its way (a slow phone connection).</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<StartResult> StartAsync(int quizId, int employeeId, CancellationToken cancellationToken)
    {
        var quiz = await db.Quizzes.AsNoTracking().Include(q => q.Draws).FirstOrDefaultAsync(q => q.Id == quizId && q.ArchivedAtUtc == null, cancellationToken);
        if (quiz is null)
        {
            return new(StartOutcome.NotFound, null);
        }

        if (await OpenAsync(quizId, employeeId, cancellationToken) is { } open)
        {
            return new(StartOutcome.Resumed, open);
        }

        var used = await db.QuizAttempts.CountAsync(a => a.QuizId == quizId && a.EmployeeId == employeeId, cancellationToken);
        if (quiz.MaxAttempts is { } limit && used >= limit)
        {
            return new(StartOutcome.LimitReached, null, used, limit);
        }

        var now = Now;
        var attempt = new QuizAttempt
        {
            QuizId = quizId, EmployeeId = employeeId, Number = used + 1, StartedAtUtc = now, OpenQuizId = quizId,
            DeadlineUtc = quiz.TimeLimitMinutes is { } minutes ? now.AddMinutes(minutes) : null, PassPercent = quiz.PassPercent, Review = quiz.Review,
        };
        attempt.Slots.AddRange(await DrawAsync(quiz, cancellationToken));
        if (attempt.Slots.Count == 0)
        {
            return new(StartOutcome.NoQuestions, null);
        }

        db.QuizAttempts.Add(attempt);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new(StartOutcome.Started, attempt, used + 1, quiz.MaxAttempts);
        }
        catch (DbUpdateException)
        {
            // Two tabs started at once: the unique open attempt (or number) settles it, and both go on with the one that won.
            db.ChangeTracker.Clear();
            return await OpenAsync(quizId, employeeId, cancellationToken) is { } winner ? new(StartOutcome.Resumed, winner) : new(StartOutcome.NotFound, null);
        }
    }

    /// <summary>
    /// A draw for one attempt (or an officer's preview): <see cref="QuizDraw.Count"/> questions at random from each
    /// category, frozen with the order their options are shown in.
    /// </summary>
    public async Task<List<QuizSlot>> DrawAsync(Quiz quiz, CancellationToken cancellationToken)
    {
        var slots = new List<QuizSlot>();
        foreach (var draw in quiz.Draws.OrderBy(d => d.Id))
        {
            var ids = await db.Set<Question>().Where(q => q.CategoryId == draw.CategoryId).Select(q => q.Id).ToArrayAsync(cancellationToken);
            Random.Shared.Shuffle(ids);
            var picked = ids.Take(draw.Count).ToList();
            var questions = await db.Set<Question>().AsNoTracking().Include(q => q.Options).Where(q => picked.Contains(q.Id)).ToListAsync(cancellationToken);
            foreach (var q in picked.Select(id => questions.First(x => x.Id == id)))
            {
                var bank = q.ToBank([]);
                slots.Add(new QuizSlot
                {
                    Position = slots.Count + 1, QuestionId = q.Id, Question = FrozenQuestion.ToJson(bank),
                    OptionOrder = FrozenQuestion.OrderText(FrozenQuestion.OrderFor(bank, quiz.ShuffleOptions, Random.Shared)),
                });
            }
        }

        return slots;
    }

    /// <summary>The employee's attempt with its slots, after closing it if its time has run out; null when it is not theirs.</summary>
    public async Task<QuizAttempt?> ReadAsync(long attemptId, int employeeId, CancellationToken cancellationToken)
    {
        var attempt = await db.QuizAttempts.Include(a => a.Slots).FirstOrDefaultAsync(a => a.Id == attemptId && a.EmployeeId == employeeId, cancellationToken);
        if (attempt is not null && attempt.SubmittedAtUtc is null && PastDeadline(attempt))
        {
            await GradeAsync(attempt, byDeadline: true, cancellationToken);
        }

        return attempt;
    }

    /// <summary>
    /// Saves one answer (replacing the one before): idempotent, one row, all or nothing. <paramref name="answeredAtUtc"/>
    /// is when a phone's answer was made offline (ADR-056): kept within the attempt's start and now, and applied only when
    /// no later answer to the question is saved, so a replay or an old queued answer changes nothing.
    /// </summary>
    public async Task<AnswerResult> AnswerAsync(
        long attemptId, int employeeId, int position, QuestionResponse response, CancellationToken cancellationToken, DateTime? answeredAtUtc = null)
    {
        var attempt = await ReadAsync(attemptId, employeeId, cancellationToken);
        return attempt is null ? new(AnswerOutcome.NotFound) : await AnswerAsync(attempt, position, response, cancellationToken, answeredAtUtc);
    }

    /// <summary>The same, on an attempt the caller has just read with <see cref="ReadAsync"/> (the offline sync does).</summary>
    public async Task<AnswerResult> AnswerAsync(
        QuizAttempt attempt, int position, QuestionResponse response, CancellationToken cancellationToken, DateTime? answeredAtUtc = null)
    {
        if (attempt.Slots.FirstOrDefault(s => s.Position == position) is not { } slot)
        {
            return new(AnswerOutcome.NotFound);
        }

        // A phone's answer no later than the one saved (a replay, or one made before an answer saved since) changes
        // nothing, also once the attempt is submitted: it was applied, or a later one stands.
        var at = answeredAtUtc is { } t ? Within(t, attempt.StartedAtUtc) : Now;
        if (answeredAtUtc is not null && slot.SavedAtUtc >= at)
        {
            return new(AnswerOutcome.Superseded);
        }

        if (attempt.SubmittedAtUtc is not null)
        {
            return new(attempt.ClosedByDeadline ? AnswerOutcome.TooLate : AnswerOutcome.Closed);
        }

        if (FrozenQuestion.Of(slot).Problem(response) is { } problem)
        {
            return new(AnswerOutcome.Invalid, problem);
        }

        slot.Response = FrozenQuestion.ToJson(response);
        slot.SavedAtUtc = at;
        await db.SaveChangesAsync(cancellationToken);
        return new(AnswerOutcome.Saved);
    }

    /// <summary>
    /// Submits and grades the attempt; submitting again answers the same attempt, graded once. <paramref
    /// name="submittedAtUtc"/> is when a phone submitted it offline (ADR-056), kept within its last saved answer and now.
    /// </summary>
    public async Task<QuizAttempt?> SubmitAsync(long attemptId, int employeeId, CancellationToken cancellationToken, DateTime? submittedAtUtc = null)
    {
        var attempt = await ReadAsync(attemptId, employeeId, cancellationToken);
        if (attempt is not null && attempt.SubmittedAtUtc is null)
        {
            var at = submittedAtUtc is { } t
                ? Within(t, attempt.Slots.Select(s => s.SavedAtUtc).Append(attempt.StartedAtUtc).Max() ?? attempt.StartedAtUtc)
                : (DateTime?)null;
            await GradeAsync(attempt, byDeadline: false, cancellationToken, at);
        }

        return attempt;
    }

    /// <summary>Grades every open attempt whose time ran out (the sweep, and the results pages before they count).</summary>
    public async Task<int> CloseOverdueAsync(int? quizId, CancellationToken cancellationToken)
    {
        var before = Now - Grace;
        var ids = await db.QuizAttempts.Where(a => a.SubmittedAtUtc == null && a.DeadlineUtc < before && (quizId == null || a.QuizId == quizId))
            .Select(a => a.Id).Take(500).ToListAsync(cancellationToken);
        foreach (var id in ids)
        {
            var attempt = await db.QuizAttempts.Include(a => a.Slots).FirstAsync(a => a.Id == id, cancellationToken);
            if (attempt.SubmittedAtUtc is null)
            {
                await GradeAsync(attempt, byDeadline: true, cancellationToken);
            }
        }

        return ids.Count;
    }

    /// <summary>A moment a phone reported, held between <paramref name="earliest"/> and now.</summary>
    private DateTime Within(DateTime at, DateTime earliest)
    {
        var now = Now;
        return at > now ? now : at < earliest ? earliest : at;
    }

    private bool PastDeadline(QuizAttempt attempt) => attempt.DeadlineUtc is { } deadline && Now > deadline + Grace;

    private async Task<QuizAttempt?> OpenAsync(int quizId, int employeeId, CancellationToken cancellationToken)
    {
        var open = await db.QuizAttempts.Include(a => a.Slots).FirstOrDefaultAsync(a => a.OpenQuizId == quizId && a.EmployeeId == employeeId, cancellationToken);
        if (open is not null && PastDeadline(open))
        {
            await GradeAsync(open, byDeadline: true, cancellationToken);
            return null;
        }

        return open;
    }

    /// <summary>
    /// Grades the attempt with the answers saved, each question worth the same. Two requests (or a request and the sweep)
    /// may grade at once: the attempt row is claimed by a conditional update first, so only one writes the grades.
    /// </summary>
    private async Task GradeAsync(QuizAttempt attempt, bool byDeadline, CancellationToken cancellationToken, DateTime? submittedAtUtc = null)
    {
        foreach (var slot in attempt.Slots)
        {
            var frozen = FrozenQuestion.Of(slot);
            slot.Fraction = QuestionGrading.Grade(frozen.Question, FrozenQuestion.ResponseOf(slot.Response) ?? new QuestionResponse([])).Fraction;
        }

        var score = attempt.Slots.Count == 0 ? 0m : Math.Round(attempt.Slots.Sum(s => s.Fraction!.Value) * 100m / attempt.Slots.Count, 4);
        var at = byDeadline ? attempt.DeadlineUtc!.Value : submittedAtUtc ?? Now;
        var passed = score >= attempt.PassPercent;
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.QuizAttempts.Where(a => a.Id == attempt.Id && a.SubmittedAtUtc == null).ExecuteUpdateAsync(s => s
            .SetProperty(a => a.SubmittedAtUtc, at).SetProperty(a => a.ClosedByDeadline, byDeadline).SetProperty(a => a.ScorePercent, score)
            .SetProperty(a => a.Passed, passed).SetProperty(a => a.OpenQuizId, (int?)null), cancellationToken);
        if (claimed == 0)
        {
            await tx.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            var graded = await db.QuizAttempts.AsNoTracking().Include(a => a.Slots).FirstAsync(a => a.Id == attempt.Id, cancellationToken);
            (attempt.SubmittedAtUtc, attempt.ClosedByDeadline, attempt.ScorePercent, attempt.Passed, attempt.OpenQuizId) =
                (graded.SubmittedAtUtc, graded.ClosedByDeadline, graded.ScorePercent, graded.Passed, null);
            foreach (var slot in attempt.Slots)
            {
                slot.Fraction = graded.Slots.First(s => s.Id == slot.Id).Fraction;
            }

            return;
        }

        // The claim wrote the attempt; saving writes the marks (and the attempt's same values again) in the same transaction.
        (attempt.SubmittedAtUtc, attempt.ClosedByDeadline, attempt.ScorePercent, attempt.Passed, attempt.OpenQuizId) = (at, byDeadline, score, passed, null);
        // A programme's knowledge check (ADR-048): its ledger rows are written with the grades, in this transaction.
        var recorded = await checks.RecordAsync(attempt, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        await checks.CompleteAsync(recorded, cancellationToken);
        if (passed)
        {
            await lessons.RecordAsync(attempt.QuizId, attempt.EmployeeId, at, (int)(at - attempt.StartedAtUtc).TotalSeconds, cancellationToken);
        }
    }
}
