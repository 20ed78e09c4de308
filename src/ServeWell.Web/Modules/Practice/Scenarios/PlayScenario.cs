using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.Practice.Scenarios;

/// <summary>An attempt as the learner sees it: the version played, the replies so far and the score they make.</summary>
public sealed record AttemptView(ScenarioAttempt Attempt, int VersionNumber, ScenarioContent Content, IReadOnlyList<CompetencyScore> Scores)
{
    public ScenarioNode? Current => Content.Find(Attempt.CurrentNode);

    public bool Completed => Attempt.CompletedAtUtc is not null;

    /// <summary>The next step's number: a form posts it back, so a reply sent twice (a double tap, a resent form) counts once.</summary>
    public int NextStep => Attempt.Moves.Count + 1;

    public IEnumerable<(ScenarioNode Node, int Index, ScenarioChoice Choice)> Path =>
        Attempt.Moves.OrderBy(m => m.Step).Select(m => (Node: Content.Find(m.Node), m.Choice))
            .Where(m => m.Node is not null && m.Choice < m.Node.Choices.Count).Select(m => (m.Node!, m.Choice, m.Node!.Choices[m.Choice]));
}

/// <summary>
/// Playing (ADR-054): an attempt starts on the latest version and keeps it; each reply is stored as it is chosen, so the
/// attempt can be resumed anywhere; reaching an ending completes it. A finished attempt is never changed; playing again
/// starts attempt n + 1.
/// </summary>
public sealed class PlayScenario(ServeWellDbContext db, TimeProvider clock, IEnumerable<IScenarioCompleted> completed)
{
    /// <summary>Published scenarios, newest first, with their latest version.</summary>
    public async Task<List<(Scenario Scenario, ScenarioVersion Version)>> PublishedAsync(CancellationToken cancellationToken)
    {
        var all = db.ScenarioVersions.AsNoTracking();
        var versions = await all.Where(v => v.Number == all.Where(o => o.ScenarioId == v.ScenarioId).Max(o => o.Number)).ToListAsync(cancellationToken);
        var ids = versions.Select(v => v.ScenarioId).ToList();
        var scenarios = await db.Scenarios.AsNoTracking().Where(s => ids.Contains(s.Id)).ToListAsync(cancellationToken);
        return [.. scenarios.Join(versions, s => s.Id, v => v.ScenarioId, (s, v) => (s, v)).OrderByDescending(p => p.v.PublishedAtUtc)];
    }

    /// <summary>The employee's unfinished attempt at the scenario, else a new one on the latest version; null when nothing is published.</summary>
    public async Task<ScenarioAttempt?> StartAsync(int scenarioId, int employeeId, bool again, CancellationToken cancellationToken)
    {
        var attempts = await db.ScenarioAttempts.Where(a => a.ScenarioId == scenarioId && a.EmployeeId == employeeId).ToListAsync(cancellationToken);
        if (attempts.FirstOrDefault(a => a.CompletedAtUtc == null) is { } open)
        {
            return open;
        }

        if (!again && attempts.Count > 0)
        {
            return attempts.MaxBy(a => a.Number);
        }

        if (await db.ScenarioVersions.Where(v => v.ScenarioId == scenarioId).OrderByDescending(v => v.Number).FirstOrDefaultAsync(cancellationToken) is not { } version)
        {
            return null;
        }

        var attempt = new ScenarioAttempt
        {
            ScenarioId = scenarioId,
            ScenarioVersionId = version.Id,
            EmployeeId = employeeId,
            Number = attempts.Count == 0 ? 1 : attempts.Max(a => a.Number) + 1,
            StartedAtUtc = clock.GetUtcNow().UtcDateTime,
            CurrentNode = ScenarioContent.FromJson(version.Content).Start,
        };
        db.ScenarioAttempts.Add(attempt);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same employee started from two tabs at once: the unique index kept one; use it.
            db.ChangeTracker.Clear();
            return await db.ScenarioAttempts.Where(a => a.ScenarioId == scenarioId && a.EmployeeId == employeeId)
                .OrderByDescending(a => a.Number).FirstAsync(cancellationToken);
        }

        return attempt;
    }

    /// <summary>The attempt when it is the employee's own (or any, when <paramref name="employeeId"/> is null); null otherwise.</summary>
    public async Task<AttemptView?> ReadAsync(int attemptId, int? employeeId, CancellationToken cancellationToken)
    {
        var attempt = await db.ScenarioAttempts.Include(a => a.Moves)
            .FirstOrDefaultAsync(a => a.Id == attemptId && (employeeId == null || a.EmployeeId == employeeId), cancellationToken);
        if (attempt is null)
        {
            return null;
        }

        var version = await db.ScenarioVersions.AsNoTracking().FirstAsync(v => v.Id == attempt.ScenarioVersionId, cancellationToken);
        var content = ScenarioContent.FromJson(version.Content);
        var scores = ScenarioScore.Of(content, attempt.Moves.OrderBy(m => m.Step).Select(m => new ScenarioMoveInput(m.Node, m.Choice)));
        return new AttemptView(attempt, version.Number, content, scores);
    }

    public enum ChooseOutcome
    {
        Recorded,
        AlreadyRecorded,
        NotFound,
        NoSuchReply,
    }

    /// <summary>
    /// Records reply <paramref name="choice"/> as step <paramref name="step"/>. A step already taken (the same form sent
    /// again) changes nothing; a finished attempt takes no more replies.
    /// </summary>
    public async Task<ChooseOutcome> ChooseAsync(int attemptId, int employeeId, int step, int choice, CancellationToken cancellationToken)
    {
        if (await ReadAsync(attemptId, employeeId, cancellationToken) is not { } view)
        {
            return ChooseOutcome.NotFound;
        }

        if (step != view.NextStep || view.Completed)
        {
            return ChooseOutcome.AlreadyRecorded;
        }

        if (view.Current is not { } node || choice < 0 || choice >= node.Choices.Count || view.Content.Find(node.Choices[choice].Target) is not { } target)
        {
            return ChooseOutcome.NoSuchReply;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var attempt = view.Attempt;
        attempt.Moves.Add(new ScenarioMove { Step = step, Node = node.Key, Choice = choice, ChosenAtUtc = now });
        attempt.CurrentNode = target.Key;
        if (target.IsEnding)
        {
            attempt.CompletedAtUtc = now;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two devices sent step n at the same moment: the unique index kept the first.
            db.ChangeTracker.Clear();
            return ChooseOutcome.AlreadyRecorded;
        }

        if (target.IsEnding)
        {
            var finished = await ReadAsync(attemptId, employeeId, cancellationToken);
            foreach (var listener in completed)
            {
                await listener.CompletedAsync(finished!, cancellationToken);
            }
        }

        return ChooseOutcome.Recorded;
    }
}

/// <summary>Told when an attempt reaches an ending (the completion rule's evidence, ADR-054).</summary>
public interface IScenarioCompleted
{
    Task CompletedAsync(AttemptView attempt, CancellationToken cancellationToken);
}
