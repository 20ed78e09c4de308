using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Learning.Bank;
using ServeWell.Web.Modules.Learning.Quizzes;
using ServeWell.Web.Platform.City;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.Learning.Refreshers;

public enum RefresherOutcome
{
    Answered,

    /// <summary>The same Idempotency-Key again: the first answer's result, nothing moved.</summary>
    Repeated,
    NotFound,

    /// <summary>Not due today, already answered today, today's five used, or the employee opted out.</summary>
    NotDue,
    KeyReused,
    Invalid,
}

public sealed record RefresherAnswerResult(RefresherOutcome Outcome, RefresherResult? Result = null, string? Problem = null);

/// <summary>
/// An employee's refreshers (ADR-050): today's due questions, answering one (graded on the server, moved between the
/// Leitner boxes), and opting out and back in. Only ever the employee's own cards; "today" is the city's day.
/// </summary>
public sealed class RefresherSchedule(ServeWellDbContext db, EnterMissedQuestions intake, CityClock city)
{
    /// <summary>How many questions wait today (0 when opted out): the home page's and My courses' item.</summary>
    public async Task<int> DueCountAsync(int employeeId, CancellationToken cancellationToken)
    {
        await intake.CatchUpAsync(employeeId, cancellationToken);
        if (await OptedOutAsync(employeeId, cancellationToken))
        {
            return 0;
        }

        var room = LeitnerBoxes.PerDay - await AnsweredTodayAsync(employeeId, cancellationToken);
        return room <= 0 ? 0 : Math.Min(room, await DueCards(employeeId).CountAsync(cancellationToken));
    }

    public async Task<RefresherToday> TodayAsync(int employeeId, CancellationToken cancellationToken)
    {
        await intake.CatchUpAsync(employeeId, cancellationToken);
        var today = city.Today;
        var optedOut = await OptedOutAsync(employeeId, cancellationToken);
        var answered = await AnsweredTodayAsync(employeeId, cancellationToken);
        var room = optedOut ? 0 : Math.Max(0, LeitnerBoxes.PerDay - answered);
        var due = await DueCards(employeeId).OrderBy(c => c.DueOn).ThenBy(c => c.Box).ThenBy(c => c.Id).Take(room).ToListAsync(cancellationToken);
        var active = db.RefresherCards.AsNoTracking().Where(c => c.EmployeeId == employeeId && c.LeftOn == null);
        DateOnly? next = room > 0 || !await active.AnyAsync(c => c.DueOn <= today, cancellationToken)
            ? await active.Where(c => c.DueOn > today).MinAsync(c => (DateOnly?)c.DueOn, cancellationToken)
            : today.AddDays(1);
        var asked = await active.CountAsync(cancellationToken);
        return new RefresherToday(optedOut, today, answered, [.. due.Select(c => RefresherQuestions.View(c, today))], next, asked);
    }

    /// <summary>
    /// Grades an answer to a due question and moves it: right, one box up (out after the last); wrong, back to box 1. The
    /// same <paramref name="idempotencyKey"/> again answers the first result; two answers to one card on one day cannot both
    /// count (a unique index on card and day, and the move is a conditional update).
    /// </summary>
    public async Task<RefresherAnswerResult> AnswerAsync(int employeeId, long cardId, QuestionResponse response, string idempotencyKey, CancellationToken cancellationToken)
    {
        if (await RepeatAsync(employeeId, cardId, idempotencyKey, cancellationToken) is { } repeated)
        {
            return repeated;
        }

        var card = await db.RefresherCards.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cardId && c.EmployeeId == employeeId, cancellationToken);
        if (card is null)
        {
            return new(RefresherOutcome.NotFound);
        }

        var today = city.Today;
        if (card.LeftOn is not null || card.DueOn > today || await OptedOutAsync(employeeId, cancellationToken)
            || await AnsweredTodayAsync(employeeId, cancellationToken) >= LeitnerBoxes.PerDay)
        {
            return new(RefresherOutcome.NotDue);
        }

        var frozen = RefresherQuestions.Frozen(card, today);
        if (frozen.Problem(response) is { } problem)
        {
            return new(RefresherOutcome.Invalid, Problem: problem);
        }

        var grade = QuestionGrading.Grade(frozen.Question, response);
        var (box, due) = LeitnerBoxes.After(card.Box, grade.Right, today);
        var answer = new RefresherAnswer
        {
            CardId = card.Id, EmployeeId = employeeId, IdempotencyKey = idempotencyKey, AnsweredOn = today, AnsweredAtUtc = city.Now.UtcDateTime,
            Response = FrozenQuestion.ToJson(response), Fraction = grade.Fraction, BoxBefore = card.Box, BoxAfter = box, NextDueOn = due,
        };
        var highest = Math.Max(card.HighestBox, box);
        var nextDue = due ?? card.DueOn;
        DateOnly? leftOn = due is null ? today : null;
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            db.RefresherAnswers.Add(answer);
            await db.SaveChangesAsync(cancellationToken);
            var moved = await db.RefresherCards.Where(c => c.Id == card.Id && c.Box == card.Box && c.DueOn == card.DueOn && c.LeftOn == null)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Box, box).SetProperty(c => c.HighestBox, highest)
                    .SetProperty(c => c.DueOn, nextDue).SetProperty(c => c.LeftOn, leftOn), cancellationToken);
            if (moved == 0)
            {
                await tx.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return new(RefresherOutcome.NotDue);
            }

            await tx.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same key or the same card today arrived at once on another request; the first stands.
            await tx.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return await RepeatAsync(employeeId, cardId, idempotencyKey, cancellationToken) ?? new(RefresherOutcome.NotDue);
        }

        card.Box = box;
        return new(RefresherOutcome.Answered, RefresherQuestions.Result(answer, card));
    }

    /// <summary>An earlier answer of the employee's, with its card; null when it is not theirs.</summary>
    public async Task<RefresherResult?> ReadAnswerAsync(int employeeId, long answerId, CancellationToken cancellationToken)
    {
        var found = await db.RefresherAnswers.AsNoTracking().Where(a => a.Id == answerId && a.EmployeeId == employeeId)
            .Join(db.RefresherCards, a => a.CardId, c => c.Id, (a, c) => new { a, c }).FirstOrDefaultAsync(cancellationToken);
        return found is null ? null : RefresherQuestions.Result(found.a, found.c);
    }

    public Task<bool> OptedOutAsync(int employeeId, CancellationToken cancellationToken) =>
        db.RefresherChoices.AnyAsync(c => c.EmployeeId == employeeId && c.OptedOut, cancellationToken);

    /// <summary>Opts out (no home item, no questions) or back in; the boxes are kept either way.</summary>
    public async Task SetOptedOutAsync(int employeeId, bool optedOut, CancellationToken cancellationToken)
    {
        var choice = await db.RefresherChoices.FirstOrDefaultAsync(c => c.EmployeeId == employeeId, cancellationToken);
        if (choice is null)
        {
            db.RefresherChoices.Add(choice = new RefresherChoice { EmployeeId = employeeId });
        }

        choice.OptedOut = optedOut;
        choice.ChangedAtUtc = city.Now.UtcDateTime;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two first choices at once: the other row stands; write this one over it.
            db.ChangeTracker.Clear();
            await db.RefresherChoices.Where(c => c.EmployeeId == employeeId)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.OptedOut, optedOut).SetProperty(c => c.ChangedAtUtc, city.Now.UtcDateTime), cancellationToken);
        }
    }

    private IQueryable<RefresherCard> DueCards(int employeeId)
    {
        var today = city.Today;
        return db.RefresherCards.AsNoTracking().Where(c => c.EmployeeId == employeeId && c.LeftOn == null && c.DueOn <= today);
    }

    private Task<int> AnsweredTodayAsync(int employeeId, CancellationToken cancellationToken)
    {
        var today = city.Today;
        return db.RefresherAnswers.CountAsync(a => a.EmployeeId == employeeId && a.AnsweredOn == today, cancellationToken);
    }

    private async Task<RefresherAnswerResult?> RepeatAsync(int employeeId, long cardId, string key, CancellationToken cancellationToken)
    {
        var used = await db.RefresherAnswers.AsNoTracking().Where(a => a.IdempotencyKey == key)
            .Join(db.RefresherCards, a => a.CardId, c => c.Id, (a, c) => new { a, c }).FirstOrDefaultAsync(cancellationToken);
        return used is null ? null
            : used.a.EmployeeId == employeeId && used.a.CardId == cardId ? new(RefresherOutcome.Repeated, RefresherQuestions.Result(used.a, used.c))
            : new(RefresherOutcome.KeyReused);
    }
}
