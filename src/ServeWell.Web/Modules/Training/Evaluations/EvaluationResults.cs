using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Training.Completions;
using ServeWell.Web.Modules.Training.Sessions;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.Training.Evaluations;

/// <summary>One rating question: how many answered, the average, and how many chose 1, 2, 3, 4 and 5.</summary>
public sealed record RatingSummary(string Question, int Count, double? Average, IReadOnlyList<int> Distribution)
{
    public static RatingSummary Of(string question, IEnumerable<int> ratings)
    {
        var list = ratings.ToList();
        var distribution = Enumerable.Range(1, 5).Select(v => list.Count(r => r == v)).ToList();
        return new(question, list.Count, list.Count == 0 ? null : Math.Round(list.Average(), 2), distribution);
    }
}

/// <summary>The reaction to a session or a whole programme: responses against attendees, three ratings, comments without names.</summary>
public sealed record EvaluationSummary(int Responses, int Attendees, IReadOnlyList<RatingSummary> Ratings, IReadOnlyList<string> Comments)
{
    /// <summary>Responses per attendee, 0–1; null when nobody attended.</summary>
    public double? ResponseRate => Attendees == 0 ? null : (double)Responses / Attendees;
}

public sealed record SessionEvaluationResult(SessionRow Session, EvaluationSummary Summary);

public sealed record ProgrammeEvaluationResults(EvaluationSummary Overall, IReadOnlyList<SessionEvaluationResult> Sessions);

/// <summary>Kirkpatrick level 1 results of a programme, per session and together, over the sessions the reader may see.</summary>
public sealed class EvaluationResults(ServeWellDbContext db, IAttendedSession attended)
{
    /// <summary>The English question texts, which are also their localisation keys.</summary>
    public static readonly string[] Questions = ["Relevance to your work", "The instructor", "Confidence to apply what you learned"];

    public async Task<ProgrammeEvaluationResults> ForProgrammeAsync(int programmeId, IReadOnlySet<int>? visibleSessions, CancellationToken cancellationToken)
    {
        var sessions = (await SessionRow.ListAsync(db, programmeId, cancellationToken))
            .Where(s => !s.Session.IsCancelled && (visibleSessions is null || visibleSessions.Contains(s.Session.Id))).ToList();
        var ids = sessions.Select(s => s.Session.Id).ToList();
        var evaluations = await db.SessionEvaluations.AsNoTracking().Where(e => ids.Contains(e.SessionId)).ToListAsync(cancellationToken);
        var attendees = await attended.AttendeesAsync(programmeId, cancellationToken);
        var completed = await db.Completions.AsNoTracking().Where(c => c.SessionId != null && ids.Contains(c.SessionId.Value))
            .Select(c => new { SessionId = c.SessionId!.Value, c.EmployeeId }).ToListAsync(cancellationToken);

        // Whoever evaluated or completed through a session attended it, even after a new cycle reset their enrolment.
        var people = ids.ToDictionary(id => id, id => new HashSet<int>(attendees.GetValueOrDefault(id) ?? []));
        foreach (var e in evaluations)
        {
            people[e.SessionId].Add(e.EmployeeId);
        }

        foreach (var c in completed)
        {
            people[c.SessionId].Add(c.EmployeeId);
        }

        var perSession = sessions.Select(s => new SessionEvaluationResult(
            s, Summarise(evaluations.Where(e => e.SessionId == s.Session.Id).ToList(), people[s.Session.Id].Count))).ToList();
        var overall = Summarise(evaluations, people.Values.Sum(p => p.Count));
        return new ProgrammeEvaluationResults(overall, perSession);
    }

    private static EvaluationSummary Summarise(IReadOnlyList<SessionEvaluation> evaluations, int attendees) =>
        new(evaluations.Count, Math.Max(attendees, evaluations.Count),
            [
                RatingSummary.Of(Questions[0], evaluations.Select(e => e.Relevance)),
                RatingSummary.Of(Questions[1], evaluations.Select(e => e.Instructor)),
                RatingSummary.Of(Questions[2], evaluations.Select(e => e.Confidence)),
            ],
            evaluations.Where(e => e.Comment is not null).OrderByDescending(e => e.SubmittedAtUtc).Select(e => e.Comment!).ToList());
}
