using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.People.Employees;
using ServeWell.Web.Modules.Practice.Scenarios;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Demo;

/// <summary>
/// Three published branching scenarios of the demo city (issue 15), each built from a library case (the repeated caller,
/// the threat to post an official's name, the older resident lost in an online application), thirteen nodes and three
/// endings in Korean and English; and nine months of plays by frontline employees (300 by default, DemoOptions.ScenarioPlayers), in which the
/// centres that took the courtesy training choose the better replies more often after it (demo data, like the
/// feedback's training effect). Deterministic: the same seed gives the same plays.
/// </summary>
internal static partial class DemoScenarios
{
    private const int Months = 9;

    public static async Task SeedAsync(IServiceProvider services, DateTime now, int players, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<ServeWellDbContext>();
        if (await db.Scenarios.AnyAsync(cancellationToken))
        {
            return;
        }

        var trainer = DemoModule.Accounts.First(a => a.Role == Roles.Instructor).Email;
        var cases = await db.PracticeCases.AsNoTracking().Where(c => c.Reference.StartsWith("CASE-DEMO"))
            .ToDictionaryAsync(c => c.Reference, c => c.Id, cancellationToken);
        var frontline = await db.Employees.AsNoTracking()
            .Where(e => e.IsFrontline && e.Status == EmployeeStatus.Active)
            .OrderBy(e => e.Id).Select(e => new { e.Id, Unit = e.OrgUnit!.Code }).ToListAsync(cancellationToken);
        if (frontline.Count == 0)
        {
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var built = new List<(ScenarioContent Content, ScenarioVersion Version)>();
        foreach (var (reference, content, daysAgo) in new[]
                 {
                     ("CASE-DEMO001", RepeatedCaller(), 290),
                     ("CASE-DEMO002", NameOnline(), 280),
                     ("CASE-DEMO004", LostOnline(), 270),
                 })
        {
            var published = now.AddDays(-daysAgo);
            var scenario = new Scenario
            {
                CaseId = cases.TryGetValue(reference, out var caseId) ? caseId : null, CreatedBy = trainer,
                CreatedAtUtc = published.AddDays(-6), DraftUpdatedAtUtc = published.AddDays(-1), Draft = content.ToJson(),
            };
            db.Scenarios.Add(scenario);
            await db.SaveChangesAsync(cancellationToken);
            var version = new ScenarioVersion
            {
                ScenarioId = scenario.Id, Number = 1, Content = content.ToJson(), NodeCount = content.Nodes.Count,
                PublishedAtUtc = published, PublishedBy = trainer,
            };
            db.ScenarioVersions.Add(version);
            await db.SaveChangesAsync(cancellationToken);
            built.Add((content, version));
        }

        var random = new Random(20261207);
        var trainedSince = now.AddMonths(-DemoCity.CourtesyRoundMonthsAgo);
        var demoEmail = DemoModule.Accounts.First(a => a.Role == Roles.Employee).Email;
        var demoEmployee = await db.Users.Where(u => u.Email == demoEmail).Select(u => u.EmployeeId).FirstOrDefaultAsync(cancellationToken);
        foreach (var player in frontline.Where(e => e.Id != demoEmployee).OrderBy(_ => random.Next()).Take(players).ToList())
        {
            var trained = DemoCity.CourtesyTrainedCentres.Contains(player.Unit);
            var scenarios = built.OrderBy(_ => random.Next()).Take(random.NextDouble() < 0.5 ? 2 : 1);
            foreach (var (content, version) in scenarios)
            {
                var first = version.PublishedAtUtc.AddDays(3 + random.Next((int)(now - version.PublishedAtUtc).TotalDays - 10));
                var plays = random.NextDouble() < 0.35 ? 2 : 1;
                var at = first;
                for (var number = 1; number <= plays && at < now; number++)
                {
                    db.ScenarioAttempts.Add(Play(content, version, player.Id, number, at, Skill(trained, number, at, trainedSince, now), random));
                    at = at.AddDays(7 + random.Next(40));
                }
            }
        }

        // The demo employee played the first scenario once, half-way well: "Play again" shows first against latest.
        if (frontline.FirstOrDefault(e => e.Id == demoEmployee) is { } own)
        {
            db.ScenarioAttempts.Add(Play(built[0].Content, built[0].Version, own.Id, 1, now.AddDays(-20), 0.4, new Random(7)));
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// How likely a player picks the best reply: about half at first; a second play a little better; at the trained
    /// centres, rising over the months after the courtesy round.
    /// </summary>
    private static double Skill(bool trained, int number, DateTime at, DateTime trainedSince, DateTime now)
    {
        var skill = 0.45 + (number > 1 ? 0.12 : 0);
        if (trained && at > trainedSince)
        {
            skill += 0.3 * Math.Min(1, (at - trainedSince).TotalDays / (now - trainedSince).TotalDays * 1.5);
        }

        return Math.Min(0.9, skill);
    }

    /// <summary>A walk through the graph from the start: the best reply with probability <paramref name="skill"/>, else another; a few plays are left unfinished.</summary>
    private static ScenarioAttempt Play(ScenarioContent content, ScenarioVersion version, int employeeId, int number, DateTime startedAt, double skill, Random random)
    {
        var attempt = new ScenarioAttempt
        {
            ScenarioId = version.ScenarioId, ScenarioVersionId = version.Id, EmployeeId = employeeId, Number = number,
            StartedAtUtc = startedAt, CurrentNode = content.Start,
        };
        var stopAfter = random.NextDouble() < 0.06 ? 2 + random.Next(3) : int.MaxValue;
        var node = content.Find(content.Start)!;
        var at = startedAt;
        for (var step = 1; !node.IsEnding && step <= 30 && step <= stopAfter; step++)
        {
            var best = node.Choices.Select((c, i) => (Sum: c.Scores.Values.Sum(), i)).MaxBy(x => x.Sum).i;
            var choice = node.Choices.Count == 1 || random.NextDouble() < skill
                ? best
                : Enumerable.Range(0, node.Choices.Count).Where(i => i != best).ElementAt(random.Next(node.Choices.Count - 1));
            at = at.AddSeconds(20 + random.Next(70));
            attempt.Moves.Add(new ScenarioMove { Step = step, Node = node.Key, Choice = choice, ChosenAtUtc = at });
            node = content.Find(node.Choices[choice].Target)!;
            attempt.CurrentNode = node.Key;
        }

        if (node.IsEnding)
        {
            attempt.CompletedAtUtc = at;
        }

        return attempt;
    }
}
