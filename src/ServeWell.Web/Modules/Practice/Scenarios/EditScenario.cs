using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.Practice.Scenarios;

/// <summary>
/// Authoring (ADR-054): a new scenario, its details, one node at a time, a whole draft from Twee, and publishing the draft
/// as version n + 1. Every call checks first and writes all or nothing; the draft may be an unfinished graph, publishing
/// may not.
/// </summary>
public sealed class EditScenario(ServeWellDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public const int MaxTitle = 200;

    public sealed record Problem(string Field, string Message);

    public async Task<IReadOnlyList<string>> CompetencyCodesAsync(CancellationToken cancellationToken) =>
        await db.Competencies.Where(c => c.IsActive).OrderBy(c => c.Id).Select(c => c.Code).ToListAsync(cancellationToken);

    public Task<Scenario?> LoadAsync(int id, CancellationToken cancellationToken) =>
        db.Scenarios.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);

    public async Task<(Scenario? Scenario, IReadOnlyList<Problem> Problems)> CreateAsync(
        LocalText title, int? caseId, string author, CancellationToken cancellationToken)
    {
        var problems = LocalTextRules.Check(title, "title", MaxTitle, l["Give the scenario a title."], l).Select(p => new Problem(p.Field, p.Message)).ToList();
        problems.AddRange(await CaseProblemsAsync(caseId, cancellationToken));
        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var scenario = new Scenario
        {
            Draft = ScenarioContent.Empty(title).ToJson(), CaseId = caseId, CreatedAtUtc = now, DraftUpdatedAtUtc = now, CreatedBy = author,
        };
        db.Scenarios.Add(scenario);
        await db.SaveChangesAsync(cancellationToken);
        return (scenario, []);
    }

    /// <summary>Replaces the whole draft (the API's PUT and the node forms), after the checks a draft must pass.</summary>
    public async Task<IReadOnlyList<Problem>> SaveDraftAsync(Scenario scenario, ScenarioContent draft, CancellationToken cancellationToken)
    {
        var problems = await CheckDraftAsync(draft, cancellationToken);
        if (problems.Count > 0)
        {
            return problems;
        }

        scenario.DraftContent = draft;
        scenario.DraftUpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return [];
    }

    /// <summary>The library case a scenario starts from (ADR-061): a published one, or none.</summary>
    public async Task<IReadOnlyList<Problem>> SetCaseAsync(Scenario scenario, int? caseId, CancellationToken cancellationToken)
    {
        var problems = await CaseProblemsAsync(caseId, cancellationToken);
        if (problems.Count == 0 && scenario.CaseId != caseId)
        {
            scenario.CaseId = caseId;
            await db.SaveChangesAsync(cancellationToken);
        }

        return problems;
    }

    private async Task<IReadOnlyList<Problem>> CaseProblemsAsync(int? caseId, CancellationToken cancellationToken) =>
        caseId is { } id && !await db.PracticeCases.AnyAsync(c => c.Id == id && c.Status == Cases.CaseStatus.Published, cancellationToken)
            ? [new Problem("caseId", l["Choose a published case of the library, or none."])]
            : [];

    /// <summary>What even a draft must be: a title, node names that are unique and usable, texts within bounds, known competencies.</summary>
    public async Task<List<Problem>> CheckDraftAsync(ScenarioContent draft, CancellationToken cancellationToken)
    {
        var problems = new List<Problem>();
        problems.AddRange(LocalTextRules.Check(draft.Title, "title", MaxTitle, l["Give the scenario a title."], l).Select(p => new Problem(p.Field, p.Message)));
        problems.AddRange(LocalTextRules.Check(draft.Intro, "intro", ScenarioContent.MaxText, null, l).Select(p => new Problem(p.Field, p.Message)));
        var known = await CompetencyCodesAsync(cancellationToken);
        problems.AddRange(draft.Competencies.Where(c => !known.Contains(c)).Select(c => new Problem("competencies", l["\"{0}\" is not a competency of the catalogue.", c])));
        foreach (var (node, i) in draft.Nodes.Select((n, i) => (n, i)))
        {
            var field = $"nodes[{i}]";
            if (!ScenarioContent.IsValidKey(node.Key))
            {
                problems.Add(new Problem(field + ".key", l["Node \"{0}\": a name may hold only letters, digits, spaces, '-' and '_' (at most {1} characters).", node.Key, ScenarioContent.MaxKey]));
            }

            foreach (var (text, name) in new[] { (node.Text, "text"), (node.DebriefText, "debrief"), (node.ExpertText, "expert") })
            {
                problems.AddRange(LocalTextRules.Check(text, $"{field}.{name}", ScenarioContent.MaxText, null, l).Select(p => new Problem(p.Field, p.Message)));
            }

            foreach (var (choice, j) in node.Choices.Select((c, j) => (c, j)))
            {
                problems.AddRange(LocalTextRules.Check(choice.Text, $"{field}.choices[{j}].text", 500, l["Node \"{0}\": every reply needs a text.", node.Key], l)
                    .Select(p => new Problem(p.Field, p.Message)));
                problems.AddRange(LocalTextRules.Check(choice.Feedback, $"{field}.choices[{j}].feedback", ScenarioContent.MaxText, null, l)
                    .Select(p => new Problem(p.Field, p.Message)));
                if (choice.Scores.Values.Any(s => s is < ScenarioContent.MinScore or > ScenarioContent.MaxScore))
                {
                    problems.Add(new Problem($"{field}.choices[{j}].scores", l["Node \"{0}\": the reply \"{1}\" has a score outside {2} to +{3}.", node.Key, choice.Text.Both, ScenarioContent.MinScore, ScenarioContent.MaxScore]));
                }
            }
        }

        problems.AddRange(draft.Nodes.GroupBy(n => n.Key).Where(g => g.Count() > 1).Select(g => new Problem("nodes", l["Two nodes are named \"{0}\".", g.Key])));
        return problems;
    }

    /// <summary>A Twee file into the draft (or a new scenario when <paramref name="scenario"/> is null); nothing changes on any error.</summary>
    public async Task<(Scenario? Scenario, IReadOnlyList<TweeError> Errors)> ImportAsync(
        Scenario? scenario, string twee, string author, CancellationToken cancellationToken)
    {
        var (content, errors) = new TweeImport(l).Read(twee, await CompetencyCodesAsync(cancellationToken));
        if (content is null)
        {
            return (null, errors);
        }

        var problems = await CheckDraftAsync(content, cancellationToken);
        if (problems.Count > 0)
        {
            return (null, problems.Select(p => new TweeError(0, p.Message)).ToList());
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (scenario is null)
        {
            scenario = new Scenario { Draft = "", CreatedAtUtc = now, CreatedBy = author };
            db.Scenarios.Add(scenario);
        }

        scenario.DraftContent = content;
        scenario.DraftUpdatedAtUtc = now;
        await db.SaveChangesAsync(cancellationToken);
        return (scenario, []);
    }

    public Task<ScenarioVersion?> LatestAsync(int scenarioId, CancellationToken cancellationToken) =>
        db.ScenarioVersions.Where(v => v.ScenarioId == scenarioId).OrderByDescending(v => v.Number).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Why the draft cannot be published now: the graph's problems, or that it equals the latest version.</summary>
    public async Task<IReadOnlyList<string>> PublishProblemsAsync(Scenario scenario, CancellationToken cancellationToken)
    {
        var draft = scenario.DraftContent;
        var problems = (await CheckDraftAsync(draft, cancellationToken)).Select(p => p.Message)
            .Concat(ScenarioGraph.Validate(draft).Select(p => p.Message(l))).Distinct().ToList();
        if (problems.Count == 0 && await LatestAsync(scenario.Id, cancellationToken) is { } latest && ScenarioContent.FromJson(latest.Content).SameAs(draft))
        {
            problems.Add(l["The draft is the same as the latest version: change something first."]);
        }

        return problems;
    }

    public async Task<(ScenarioVersion? Version, IReadOnlyList<string> Problems)> PublishAsync(Scenario scenario, string publisher, CancellationToken cancellationToken)
    {
        var problems = await PublishProblemsAsync(scenario, cancellationToken);
        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var draft = scenario.DraftContent;
        var version = new ScenarioVersion
        {
            ScenarioId = scenario.Id,
            Number = ((await LatestAsync(scenario.Id, cancellationToken))?.Number ?? 0) + 1,
            Content = draft.ToJson(),
            NodeCount = draft.Nodes.Count,
            PublishedAtUtc = clock.GetUtcNow().UtcDateTime,
            PublishedBy = publisher,
        };
        db.ScenarioVersions.Add(version);
        await db.SaveChangesAsync(cancellationToken);
        return (version, []);
    }
}
