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

public sealed class ReplyForm
{
    public LocalTextForm Text { get; set; } = new();

    public string? Target { get; set; }

    public Dictionary<string, int?> Scores { get; set; } = [];

    public LocalTextForm Feedback { get; set; } = new();

    public bool Remove { get; set; }

    /// <summary>The empty row for one more reply: left empty, it adds nothing.</summary>
    public bool IsNew { get; set; }

    public bool IsBlank => Text.ToText().IsEmpty && Feedback.ToText().IsEmpty;
}

public sealed class NodeForm
{
    public string? Key { get; set; }

    /// <summary>"citizen", "scene" or "ending".</summary>
    public string? Kind { get; set; }

    public LocalTextForm Text { get; set; } = new();

    public LocalTextForm Debrief { get; set; } = new();

    public LocalTextForm Expert { get; set; } = new();

    public List<ReplyForm> Replies { get; set; } = [];

    public static NodeForm From(ScenarioNode node) => new()
    {
        Key = node.Key,
        Kind = node.IsEnding ? "ending" : node.Kind == NodeKind.Scene ? "scene" : "citizen",
        Text = LocalTextForm.From(node.Text),
        Debrief = LocalTextForm.From(node.DebriefText),
        Expert = LocalTextForm.From(node.ExpertText),
        Replies = [.. node.Choices.Select(c => new ReplyForm
        {
            Text = LocalTextForm.From(c.Text), Target = c.Target, Feedback = LocalTextForm.From(c.Feedback),
            Scores = c.Scores.ToDictionary(s => s.Key, s => (int?)s.Value),
        }), new ReplyForm { IsNew = true }],
    };
}

/// <summary>
/// One node of a scenario as a form (ADR-061): its name, kind and texts, and its replies with their targets, scores per
/// listed competency and feedback; an empty row adds a reply, a box removes one. Renaming a node renames the replies that
/// lead to it. The whole draft is saved through <see cref="EditScenario.SaveDraftAsync"/>, as the API saves it.
/// </summary>
[Authorize(Policy = Policies.ManageTraining)]
public sealed class NodeModel(EditScenario edit, ServeWellDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    public Scenario Scenario { get; private set; } = null!;

    public ScenarioContent Draft { get; private set; } = null!;

    public int Index { get; private set; }

    public IReadOnlyList<Competency> Listed { get; private set; } = [];

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public Confirmation? Confirm { get; private set; }

    [BindProperty]
    public NodeForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, int index, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, index, cancellationToken))
        {
            return NotFound();
        }

        Form = NodeForm.From(Draft.Nodes[index]);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int index, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, index, cancellationToken))
        {
            return NotFound();
        }

        EnsureNewRow();
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var old = Draft.Nodes[index];
        var key = Form.Key?.Trim() ?? "";
        var ending = Form.Kind == "ending";
        var kind = Form.Kind switch { "scene" => NodeKind.Scene, "citizen" => NodeKind.Citizen, _ => old.Kind };
        var choices = Form.Replies.Where(r => !r.Remove && !(r.IsNew && r.IsBlank)).Select(r => new ScenarioChoice(
            r.Text.ToText(), r.Target?.Trim() ?? "",
            r.Scores.Where(s => s.Value is { } v && v != 0 && Draft.Competencies.Contains(s.Key)).ToDictionary(s => s.Key, s => s.Value!.Value),
            r.Feedback.ToText())).ToList();
        var node = new ScenarioNode(key, kind, Form.Text.ToText(), ending ? [] : choices, ending, Form.Debrief.ToText(), Form.Expert.ToText());
        string Renamed(string target) => target == old.Key ? key : target;
        var nodes = Draft.Nodes.Select((n, i) => i == index ? node : n).Select(n => n with
        {
            Choices = [.. n.Choices.Select(c => c with { Target = Renamed(c.Target) })],
        }).ToList();
        var draft = Draft with { Nodes = nodes, Start = Renamed(Draft.Start) };
        var problems = await edit.SaveDraftAsync(Scenario, draft, cancellationToken);
        if (problems.Count > 0)
        {
            FormKeys.Add(ModelState, problems, "Form", $"nodes[{index}].");
            return Page();
        }

        TempData.Saved(l["Node \"{0}\" is saved.", key]);
        return Redirect($"/Practice/Scenarios/{id}/Nodes/{index}");
    }

    public async Task<IActionResult> OnGetDeleteAsync(int id, int index, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, index, cancellationToken))
        {
            return NotFound();
        }

        var key = Draft.Nodes[index].Key;
        var leading = Draft.Nodes.Count(n => n.Choices.Any(c => c.Target == key));
        Confirm = new Confirmation(
            l["Remove node \"{0}\"?", key],
            [l["The node and its replies are removed from the draft. Published versions and attempts are not changed."],
             l["{0} other nodes have replies that lead to it; they will lead nowhere until you change them.", leading]],
            l["Remove the node"], $"/Practice/Scenarios/{id}/Nodes/{index}?handler=Delete", $"/Practice/Scenarios/{id}/Nodes/{index}", l["Back to the node"]);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, int index, bool confirmed, CancellationToken cancellationToken)
    {
        if (!confirmed)
        {
            return await OnGetDeleteAsync(id, index, cancellationToken);
        }

        if (!await LoadAsync(id, index, cancellationToken))
        {
            return NotFound();
        }

        var key = Draft.Nodes[index].Key;
        var draft = Draft with { Nodes = [.. Draft.Nodes.Where((_, i) => i != index)] };
        var problems = await edit.SaveDraftAsync(Scenario, draft, cancellationToken);
        if (problems.Count > 0)
        {
            FormKeys.Add(ModelState, problems, "Form");
            Form = NodeForm.From(Draft.Nodes[index]);
            return Page();
        }

        TempData.Saved(l["Node \"{0}\" is removed.", key]);
        return Redirect($"/Practice/Scenarios/{id}");
    }

    private void EnsureNewRow()
    {
        if (!Form.Replies.Any(r => r.IsNew))
        {
            Form.Replies.Add(new ReplyForm { IsNew = true });
        }
    }

    private async Task<bool> LoadAsync(int id, int index, CancellationToken cancellationToken)
    {
        if (await edit.LoadAsync(id, cancellationToken) is not { } scenario)
        {
            return false;
        }

        Scenario = scenario;
        Draft = scenario.DraftContent;
        if (index < 0 || index >= Draft.Nodes.Count)
        {
            return false;
        }

        Index = index;
        var codes = Draft.Competencies;
        Listed = [.. (await db.Competencies.AsNoTracking().Where(c => codes.Contains(c.Code)).ToListAsync(cancellationToken)).OrderBy(c => codes.ToList().IndexOf(c.Code))];
        var key = Draft.Nodes[index].Key;
        Problems = [.. ScenarioGraph.Validate(Draft).Where(p => p.Node == key).Select(p => p.Message(l))];
        return true;
    }
}
