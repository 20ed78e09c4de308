using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServeWell.Web.Modules.Demo;
using ServeWell.Web.Modules.Practice.Cases;
using ServeWell.Web.Modules.Practice.Scenarios;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Tests.Seeding;

/// <summary>
/// The demo city's practice (issue 15, "The demo city"): three scenarios of 12+ nodes and 3+ endings in both languages,
/// built from library cases and valid as an author would have to publish them, played by a few hundred employees over
/// the past months, with the trained centres' profiles improving.
/// </summary>
public abstract partial class DemoFeedbackTests
{
    [Fact]
    public async Task Scenarios_ThreePublished_BuiltFromLibraryCases_TwelveNodesThreeEndings_BothLanguages_AndValid()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServeWellDbContext>();
        var edit = scope.ServiceProvider.GetRequiredService<EditScenario>();
        var scenarios = await db.Scenarios.AsNoTracking().ToListAsync();
        var published = await db.PracticeCases.AsNoTracking().Where(c => c.Status == CaseStatus.Published).Select(c => c.Id).ToListAsync();

        scenarios.Count.ShouldBe(3);
        foreach (var scenario in scenarios)
        {
            var version = await db.ScenarioVersions.AsNoTracking().SingleAsync(v => v.ScenarioId == scenario.Id);
            var content = ScenarioContent.FromJson(version.Content);
            var title = content.Title.En;
            published.ShouldContain(scenario.CaseId!.Value, title);
            content.Nodes.Count.ShouldBeGreaterThanOrEqualTo(12, title);
            version.NodeCount.ShouldBe(content.Nodes.Count, title);
            content.Nodes.Count(n => n.IsEnding).ShouldBeGreaterThanOrEqualTo(3, title);
            content.Nodes.ShouldAllBe(n => n.Text.En.Length > 0 && n.Text.Ko.Length > 0, title);
            content.Nodes.SelectMany(n => n.Choices).ShouldAllBe(c => c.Text.En.Length > 0 && c.Text.Ko.Length > 0, title);
            content.Nodes.Where(n => n.IsEnding).ShouldAllBe(n => n.DebriefText.En.Length > 0 && n.DebriefText.Ko.Length > 0 && n.ExpertText.Ko.Length > 0, title);
            (await edit.CheckDraftAsync(content, CancellationToken.None)).ShouldBeEmpty(title);
            ScenarioGraph.Validate(content).ShouldBeEmpty(title);
            scenario.DraftContent.SameAs(content).ShouldBeTrue(title);
        }
    }

    [Fact]
    public async Task Scenarios_PlayedByAFewHundredEmployees_AlongTheGraph_OverPastMonths()
    {
        var (attempts, versions, units) = await PlaysAsync();
        var now = DateTime.UtcNow;

        attempts.Select(a => a.EmployeeId).Distinct().Count().ShouldBeGreaterThanOrEqualTo(DemoCityApp.ScenarioPlayers);
        attempts.Count(a => a.Number > 1).ShouldBeGreaterThan(30, "some replay");
        attempts.Count(a => a.CompletedAtUtc is null).ShouldBeGreaterThan(0, "a few left unfinished");
        units.Values.Distinct().Count().ShouldBeGreaterThan(6);
        // The demo employee played one scenario once, so "Play again" leads to first against latest.
        var demoEmail = DemoModule.Accounts.First(a => a.Role == Roles.Employee).Email;
        var demoEmployee = await app.DbAsync(db => db.Users.Where(u => u.Email == demoEmail).Select(u => u.EmployeeId).SingleAsync());
        attempts.Where(a => a.EmployeeId == demoEmployee).ShouldHaveSingleItem().CompletedAtUtc.ShouldNotBeNull();
        foreach (var attempt in attempts)
        {
            var content = versions[attempt.ScenarioVersionId].Content;
            attempt.StartedAtUtc.ShouldBeGreaterThan(versions[attempt.ScenarioVersionId].PublishedAtUtc);
            attempt.StartedAtUtc.ShouldBeLessThan(now);
            var at = content.Start;
            foreach (var move in attempt.Moves.OrderBy(m => m.Step))
            {
                move.Node.ShouldBe(at);
                var node = content.Find(at)!;
                move.Choice.ShouldBeInRange(0, node.Choices.Count - 1);
                at = node.Choices[move.Choice].Target;
            }

            attempt.CurrentNode.ShouldBe(at);
            (attempt.CompletedAtUtc is not null).ShouldBe(content.Find(at)!.IsEnding);
        }
    }

    [Fact]
    public async Task Scenarios_TrainedCentres_ScoreBetterAfterTheirCourtesyRound_ThanTheOthers()
    {
        var (attempts, versions, units) = await PlaysAsync();
        var trainedSince = DateTime.UtcNow.AddMonths(-DemoCity.CourtesyRoundMonthsAgo + 2);
        double Percent(IEnumerable<ScenarioAttempt> plays) => plays
            .Select(a => ScenarioScore.Of(versions[a.ScenarioVersionId].Content, a.Moves.Select(m => new ScenarioMoveInput(m.Node, m.Choice))))
            .SelectMany(s => s).Where(s => s.Best > 0).Average(s => 100.0 * s.Score / s.Best);

        var completed = attempts.Where(a => a.CompletedAtUtc is not null && a.StartedAtUtc > trainedSince).ToList();
        var trained = completed.Where(a => DemoCity.CourtesyTrainedCentres.Contains(units[a.EmployeeId])).ToList();
        var others = completed.Where(a => !DemoCity.CourtesyTrainedCentres.Contains(units[a.EmployeeId])).ToList();

        trained.Count.ShouldBeGreaterThan(20);
        Percent(trained).ShouldBeGreaterThan(Percent(others) + 10);
    }

    private async Task<(List<ScenarioAttempt> Attempts, Dictionary<int, (ScenarioContent Content, DateTime PublishedAtUtc)> Versions, Dictionary<int, string> Units)> PlaysAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServeWellDbContext>();
        var attempts = await db.ScenarioAttempts.AsNoTracking().Include(a => a.Moves).ToListAsync();
        var versions = (await db.ScenarioVersions.AsNoTracking().ToListAsync()).ToDictionary(v => v.Id, v => (ScenarioContent.FromJson(v.Content), v.PublishedAtUtc));
        var players = attempts.Select(a => a.EmployeeId).Distinct().ToList();
        var units = await db.Employees.AsNoTracking().Where(e => players.Contains(e.Id)).Select(e => new { e.Id, e.OrgUnit!.Code }).ToDictionaryAsync(e => e.Id, e => e.Code);
        return (attempts, versions, units);
    }
}
