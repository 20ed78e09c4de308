using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Modules.Training.Competencies;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Layout;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Practice.Scenarios.Pages;

public sealed class ScenarioDetailsForm
{
    public LocalTextForm Title { get; set; } = new();

    public LocalTextForm Intro { get; set; } = new();

    public List<string> Competencies { get; set; } = [];

    public string? Start { get; set; }

    /// <summary>The published library case it starts from; empty for none.</summary>
    public int? CaseId { get; set; }
}

public sealed class NewNodeForm
{
    public string? Key { get; set; }

    /// <summary>"citizen", "scene" or "ending".</summary>
    public string? Kind { get; set; }
}

/// <summary>A graph problem in words, with the node form it is found at (null when it is about the whole scenario).</summary>
public sealed record ProblemLink(string Message, int? NodeIndex);

/// <summary>
/// One scenario for its authors (ADR-061): its details, the problems that stop publishing (each linking to its node), the
/// map, the nodes, adding a node, versions, Twee export. Every write goes through <see cref="EditScenario"/>, as the API's do.
/// </summary>
[Authorize(Policy = Policies.ManageTraining)]
public sealed class ScenarioModel(EditScenario edit, ServeWellDbContext db, Cases.CaseSearch search, IStringLocalizer<SharedResource> l) : PageModel
{
    public Scenario Scenario { get; private set; } = null!;

    public ScenarioContent Draft { get; private set; } = null!;

    public IReadOnlyList<ProblemLink> Problems { get; private set; } = [];

    public ScenarioMap Map { get; private set; } = null!;

    public IReadOnlyList<Competency> Catalogue { get; private set; } = [];

    public IReadOnlyList<ScenarioVersion> Versions { get; private set; } = [];

    /// <summary>The case picker's options: the chosen case and the published cases the search finds (the newest without words).</summary>
    public IReadOnlyList<(int Id, LocalText Title)> CaseChoices { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "caseq")]
    public string? CaseQuery { get; set; }

    [BindProperty]
    public ScenarioDetailsForm Form { get; set; } = new();

    [BindProperty]
    public NewNodeForm NewNode { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Form = new ScenarioDetailsForm
        {
            Title = LocalTextForm.From(Draft.Title), Intro = LocalTextForm.From(Draft.Intro), Competencies = [.. Draft.Competencies], Start = Draft.Start, CaseId = Scenario.CaseId,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostDetailsAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var draft = Draft with
        {
            Title = Form.Title.ToText(),
            Intro = Form.Intro.ToText(),
            Competencies = [.. Form.Competencies.Where(c => !string.IsNullOrWhiteSpace(c)).Distinct()],
            Start = Form.Start?.Trim() ?? "",
        };
        var caseProblems = await edit.SetCaseAsync(Scenario, Form.CaseId, cancellationToken);
        if (caseProblems.Count > 0)
        {
            FormKeys.Add(ModelState, caseProblems, "Form");
            return await RedisplayAsync(cancellationToken);
        }

        return await SaveAsync(draft, "Form", l["The scenario's details are saved."], cancellationToken);
    }

    public async Task<IActionResult> OnPostAddNodeAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var key = NewNode.Key?.Trim() ?? "";
        if (!ScenarioContent.IsValidKey(key))
        {
            ModelState.AddModelError("NewNode.Key", l["Node \"{0}\": a name may hold only letters, digits, spaces, '-' and '_' (at most {1} characters).", key, ScenarioContent.MaxKey]);
            return await RedisplayAsync(cancellationToken);
        }

        var ending = NewNode.Kind == "ending";
        var node = new ScenarioNode(key, NewNode.Kind == "scene" ? NodeKind.Scene : NodeKind.Citizen, LocalText.Empty, [], ending);
        // The first node is where the conversation starts.
        var draft = Draft with { Nodes = [.. Draft.Nodes, node], Start = Draft.Nodes.Count == 0 ? key : Draft.Start };
        var problems = await edit.SaveDraftAsync(Scenario, draft, cancellationToken);
        if (problems.Count > 0)
        {
            ModelState.AddModelError("NewNode.Key", string.Join(" ", problems.Select(p => p.Message)));
            return await RedisplayAsync(cancellationToken);
        }

        TempData.Saved(l["Node \"{0}\" is added. Write its text and replies.", key]);
        return Redirect($"/Practice/Scenarios/{id}/Nodes/{draft.Nodes.Count - 1}");
    }

    /// <summary>The draft, or a published version, as a Twee 3 file to open in Twine.</summary>
    public async Task<IActionResult> OnGetTweeAsync(int id, int? version, CancellationToken cancellationToken)
    {
        if (await edit.LoadAsync(id, cancellationToken) is not { } scenario)
        {
            return NotFound();
        }

        var content = scenario.DraftContent;
        if (version is { } number)
        {
            if (await db.ScenarioVersions.AsNoTracking().FirstOrDefaultAsync(v => v.ScenarioId == id && v.Number == number, cancellationToken) is not { } published)
            {
                return NotFound();
            }

            content = ScenarioContent.FromJson(published.Content);
        }

        var name = version is { } n ? $"scenario-{id}-v{n}.twee" : $"scenario-{id}-draft.twee";
        return File(Encoding.UTF8.GetBytes(TweeExport.Write(content, scenario.Key)), "text/plain; charset=utf-8", name);
    }

    private async Task<IActionResult> SaveAsync(ScenarioContent draft, string prefix, string saved, CancellationToken cancellationToken)
    {
        var problems = await edit.SaveDraftAsync(Scenario, draft, cancellationToken);
        if (problems.Count > 0)
        {
            FormKeys.Add(ModelState, problems, prefix);
            return await RedisplayAsync(cancellationToken);
        }

        TempData.Saved(saved);
        return Redirect($"/Practice/Scenarios/{Scenario.Id}");
    }

    private async Task<IActionResult> RedisplayAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(Scenario.Id, cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await edit.LoadAsync(id, cancellationToken) is not { } scenario)
        {
            return false;
        }

        Scenario = scenario;
        Draft = scenario.DraftContent;
        var problems = ScenarioGraph.Validate(Draft);
        Problems = [.. problems.Select(p => new ProblemLink(p.Message(l), IndexOf(Draft, p.Node)))];
        Map = new ScenarioMap(Draft, problems);
        Catalogue = await db.Competencies.AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.Id).ToListAsync(cancellationToken);
        var found = (await search.SearchAsync(new Cases.CaseQuery(Q: CaseQuery), cancellationToken)).Items.Select(h => (h.Id, h.Title)).ToList();
        var chosen = Form.CaseId ?? scenario.CaseId;
        if (chosen is { } caseId && found.All(c => c.Id != caseId)
            && await db.PracticeCases.AsNoTracking().Where(c => c.Id == caseId).Select(c => c.Title).FirstOrDefaultAsync(cancellationToken) is { } title)
        {
            found.Insert(0, (caseId, title));
        }

        CaseChoices = found;
        Versions = await db.ScenarioVersions.AsNoTracking().Where(v => v.ScenarioId == id).OrderByDescending(v => v.Number).ToListAsync(cancellationToken);
        return true;
    }

    private static int? IndexOf(ScenarioContent draft, string key)
    {
        var index = draft.Nodes.ToList().FindIndex(n => n.Key == key);
        return index < 0 ? null : index;
    }
}
