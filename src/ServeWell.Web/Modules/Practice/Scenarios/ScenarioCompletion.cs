using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Training.Completions;
using ServeWell.Web.Modules.Training.Programmes;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.Practice.Scenarios;

/// <summary>
/// Training's view of scenarios for a programme's completion rule (ADR-061): which are published, and when an employee
/// first played one to an ending that met the required share of the best possible in every competency.
/// </summary>
public sealed class ProgrammeScenarios(ServeWellDbContext db) : IProgrammeScenarios
{
    public async Task<IReadOnlyList<(int Id, LocalText Title)>> ChoicesAsync(CancellationToken cancellationToken)
    {
        var all = db.ScenarioVersions.AsNoTracking();
        var latest = await all.Where(v => v.Number == all.Where(o => o.ScenarioId == v.ScenarioId).Max(o => o.Number))
            .Select(v => new { v.ScenarioId, v.Content }).ToListAsync(cancellationToken);
        return [.. latest.Select(v => (v.ScenarioId, ScenarioContent.FromJson(v.Content).Title)).OrderBy(v => v.Title.ToString(), StringComparer.CurrentCulture)];
    }

    public async Task<DateTime?> DoneAtAsync(int scenarioId, int employeeId, int? minPercent, DateTime sinceUtc, CancellationToken cancellationToken)
    {
        var attempts = await db.ScenarioAttempts.AsNoTracking().Include(a => a.Moves)
            .Where(a => a.ScenarioId == scenarioId && a.EmployeeId == employeeId && a.CompletedAtUtc != null && a.CompletedAtUtc >= sinceUtc)
            .OrderBy(a => a.CompletedAtUtc).ToListAsync(cancellationToken);
        if (minPercent is not { } minimum)
        {
            return attempts.FirstOrDefault()?.CompletedAtUtc;
        }

        var scoring = await ScenarioScoring.ForVersionsAsync(db, attempts.Select(a => a.ScenarioVersionId), cancellationToken);
        return attempts.FirstOrDefault(a => scoring.Score(a).All(s => s.Percent >= minimum))?.CompletedAtUtc;
    }
}

/// <summary>
/// When an attempt reaches an ending, completes the programmes whose rule requires that scenario and that the employee is
/// enrolled in, if the rest of the rule is met; dated by the ending (ADR-029, ADR-061).
/// </summary>
public sealed class ScenarioCompletion(ServeWellDbContext db, CompleteEnrolment complete) : IScenarioCompleted
{
    public async Task CompletedAsync(AttemptView attempt, CancellationToken cancellationToken)
    {
        var scenarioId = attempt.Attempt.ScenarioId;
        var employeeId = attempt.Attempt.EmployeeId;
        var enrolments = db.Enrolments;
        var programmes = await db.Programmes.AsNoTracking()
            .Where(p => p.ScenarioId == scenarioId && (p.Completion & CompletionRequirements.ScenarioPassed) != 0)
            .Where(p => enrolments.Any(e => e.ProgrammeId == p.Id && e.EmployeeId == employeeId))
            .Select(p => p.Id).ToListAsync(cancellationToken);
        foreach (var programmeId in programmes)
        {
            await complete.TryCompleteAsync(programmeId, employeeId, null, cancellationToken);
        }
    }
}
