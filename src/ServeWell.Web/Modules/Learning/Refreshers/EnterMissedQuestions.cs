using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Learning.Courses;
using ServeWell.Web.Modules.Learning.Quizzes;
using ServeWell.Web.Platform.City;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.Learning.Refreshers;

/// <summary>
/// Puts the questions an employee missed in a completed course's quizzes into box 1 (ADR-050). Run lazily for one
/// employee whenever their refreshers are read, and for everyone by <see cref="RefresherIntakeJob"/>. A completed course
/// attempt is entered once: its <see cref="RefresherIntake"/> row and its cards are written together, so when two nodes
/// enter the same attempt at once the second write fails on the row's key and changes nothing.
/// </summary>
public sealed class EnterMissedQuestions(ServeWellDbContext db, CityClock city)
{
    /// <summary>Attempts entered per call, so one sweep of a large city stays a short transaction each.</summary>
    public const int Batch = 200;

    /// <summary>Enters every completed course attempt (of one employee, or of everyone) not entered yet; returns how many.</summary>
    public async Task<int> CatchUpAsync(int? employeeId, CancellationToken cancellationToken)
    {
        var intakes = db.RefresherIntakes;
        var pending = await db.CourseAttempts.AsNoTracking()
            .Where(a => a.CompletedAtUtc != null && (employeeId == null || a.EmployeeId == employeeId))
            .Where(a => !intakes.Any(i => i.CourseAttemptId == a.Id))
            .OrderBy(a => a.Id).Take(Batch).ToListAsync(cancellationToken);
        var entered = 0;
        foreach (var attempt in pending)
        {
            entered += await EnterAsync(attempt, cancellationToken) ? 1 : 0;
        }

        return entered;
    }

    private async Task<bool> EnterAsync(CourseAttempt attempt, CancellationToken cancellationToken)
    {
        var completedAt = attempt.CompletedAtUtc!.Value;
        var content = CourseContent.FromJson(await db.CourseVersions.AsNoTracking().Where(v => v.Id == attempt.CourseVersionId).Select(v => v.Content).FirstAsync(cancellationToken));
        var quizIds = content.Lessons.Where(l => l.Kind == LessonKind.Quiz && l.QuizId is not null).Select(l => l.QuizId!.Value).Distinct().ToList();

        // The quiz attempts of this completion: after the employee's previous completion of the course (a recurring
        // programme's earlier cycle had its own), up to this one.
        var since = await db.CourseAttempts.AsNoTracking()
            .Where(a => a.CourseId == attempt.CourseId && a.EmployeeId == attempt.EmployeeId && a.Id != attempt.Id && a.CompletedAtUtc < completedAt)
            .MaxAsync(a => a.CompletedAtUtc, cancellationToken) ?? DateTime.MinValue;
        var missed = quizIds.Count == 0 ? [] : await db.QuizSlots.AsNoTracking()
            .Join(db.QuizAttempts, s => s.AttemptId, a => a.Id, (s, a) => new { s, a })
            .Where(x => x.a.EmployeeId == attempt.EmployeeId && quizIds.Contains(x.a.QuizId) && x.a.SubmittedAtUtc != null
                && x.a.SubmittedAtUtc > since && x.a.SubmittedAtUtc <= completedAt
                && x.s.QuestionId != null && (x.s.Fraction == null || x.s.Fraction < 1m))
            .Select(x => new { QuestionId = x.s.QuestionId!.Value, x.s.Question, x.a.SubmittedAtUtc })
            .ToListAsync(cancellationToken);
        var latest = missed.GroupBy(m => m.QuestionId).Select(g => g.MaxBy(m => m.SubmittedAtUtc)!).ToList();

        var completedOn = city.DateOf(new DateTimeOffset(DateTime.SpecifyKind(completedAt, DateTimeKind.Utc)));
        var questionIds = latest.Select(m => m.QuestionId).ToList();
        var existing = await db.RefresherCards.Where(c => c.EmployeeId == attempt.EmployeeId && c.CourseId == attempt.CourseId && questionIds.Contains(c.QuestionId))
            .ToDictionaryAsync(c => c.QuestionId, cancellationToken);
        foreach (var m in latest)
        {
            if (existing.TryGetValue(m.QuestionId, out var card))
            {
                // Missed again in a later cycle after it had left the boxes: it starts over. One still asked stays where it is.
                if (card.LeftOn is not null)
                {
                    (card.Box, card.DueOn, card.LeftOn, card.Question) = (1, LeitnerBoxes.FirstDue(completedOn), null, m.Question);
                }

                continue;
            }

            db.RefresherCards.Add(new RefresherCard
            {
                EmployeeId = attempt.EmployeeId, CourseId = attempt.CourseId, QuestionId = m.QuestionId, Question = m.Question,
                Box = 1, HighestBox = 1, EnteredOn = completedOn, DueOn = LeitnerBoxes.FirstDue(completedOn),
            });
        }

        db.RefresherIntakes.Add(new RefresherIntake
        {
            CourseAttemptId = attempt.Id, EmployeeId = attempt.EmployeeId, CourseId = attempt.CourseId, Missed = latest.Count, EnteredAtUtc = city.Now.UtcDateTime,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken); // one transaction: the intake row and its cards, or nothing
            return true;
        }
        catch (DbUpdateException)
        {
            // Another node entered this attempt (the intake row's key) or the same question (the card's key) meanwhile.
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
