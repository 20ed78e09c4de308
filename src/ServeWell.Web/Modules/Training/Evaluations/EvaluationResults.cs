using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServeWell.Web.Modules.Training.Completions;
using ServeWell.Web.Modules.Training.Sessions;
using ServeWell.Web.Platform.City;
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

/// <summary>Why a group's ratings and comments are not shown (ADR-029).</summary>
public enum EvaluationWithheld
{
    No = 0,

    /// <summary>Fewer responses than the city's minimum group size.</summary>
    FewerResponses = 1,

    /// <summary>Enough responses, but the programme's total minus this group would reveal a smaller group.</summary>
    WouldRevealAnother = 2,
}

/// <summary>The reaction to a session or a whole programme: responses against attendees, three ratings, comments without names.</summary>
public sealed record EvaluationSummary(int Responses, int Attendees, IReadOnlyList<RatingSummary> Ratings, IReadOnlyList<string> Comments)
{
    /// <summary>Responses per attendee, 0–1; null when nobody attended.</summary>
    public double? ResponseRate => Attendees == 0 ? null : (double)Responses / Attendees;

    /// <summary>Set when the ratings and comments are held back; they are then empty, never merely hidden by the page.</summary>
    public EvaluationWithheld Withheld { get; init; }

    /// <summary>The city's minimum group size the summary was judged by (<c>City:MinimumGroupSize</c>).</summary>
    public int MinimumGroupSize { get; init; }

    public bool IsWithheld => Withheld != EvaluationWithheld.No;

    public EvaluationSummary Withhold(EvaluationWithheld why) => this with { Ratings = [], Comments = [], Withheld = why };
}

public sealed record SessionEvaluationResult(SessionRow Session, EvaluationSummary Summary);

public sealed record ProgrammeEvaluationResults(EvaluationSummary Overall, IReadOnlyList<SessionEvaluationResult> Sessions);

/// <summary>
/// Kirkpatrick level 1 results of a programme, per session and together, over the sessions the reader may see. The form
/// promises that instructors and training officers see only totals and comments, so a group below the city's minimum
/// group size shows no ratings and no comments, and neither does a group whose removal from the shown total would
/// reveal a smaller one (ADR-029).
/// </summary>
public sealed class EvaluationResults(ServeWellDbContext db, IAttendedSession attended, IOptions<CityOptions> city)
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

        var minimum = Math.Max(1, city.Value.MinimumGroupSize);
        var perSession = sessions.Select(s => new SessionEvaluationResult(
            s, Summarise(evaluations.Where(e => e.SessionId == s.Session.Id).ToList(), people[s.Session.Id].Count) with { MinimumGroupSize = minimum })).ToList();
        var overall = Summarise(evaluations, people.Values.Sum(p => p.Count)) with { MinimumGroupSize = minimum };
        if (overall.Responses < minimum)
        {
            overall = overall.Withhold(EvaluationWithheld.FewerResponses);
        }

        var withheld = Withheld(perSession.Select(s => (s.Session.Session.Id, s.Summary.Responses)).ToList(), minimum, !overall.IsWithheld);
        perSession = perSession.Select(s => withheld.TryGetValue(s.Session.Session.Id, out var why) ? s with { Summary = s.Summary.Withhold(why) } : s).ToList();
        return new ProgrammeEvaluationResults(overall, perSession);
    }

    /// <summary>
    /// Which sessions' ratings and comments to hold back: every one with responses below the minimum; and while the total is
    /// shown and the held-back responses add up to fewer than the minimum (the total minus the shown sessions would give
    /// them away), the smallest shown session too.
    /// </summary>
    public static IReadOnlyDictionary<int, EvaluationWithheld> Withheld(IReadOnlyList<(int Id, int Responses)> groups, int minimum, bool totalShown)
    {
        var withheld = groups.Where(g => g.Responses > 0 && g.Responses < minimum).ToDictionary(g => g.Id, _ => EvaluationWithheld.FewerResponses);
        while (totalShown && withheld.Count > 0 && groups.Where(g => withheld.ContainsKey(g.Id)).Sum(g => g.Responses) < minimum)
        {
            var shown = groups.Where(g => g.Responses > 0 && !withheld.ContainsKey(g.Id)).OrderBy(g => g.Responses).ThenBy(g => g.Id).ToList();
            if (shown.Count == 0)
            {
                break;
            }

            withheld[shown[0].Id] = EvaluationWithheld.WouldRevealAnother;
        }

        return withheld;
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
