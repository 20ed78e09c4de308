using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Modules.Recognition.Awards;
using ServeWell.Web.Modules.Recognition.Rounds;
using ServeWell.Web.Platform.Layout;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Recognition.Pages;

/// <summary>Leadership approves a scored round after a confirmation (it cannot be undone), or sends it back with a note.</summary>
[Authorize(Policy = Policies.ApproveAwards)]
public sealed class DecideModel(RoundAccess access, DecideRound decide, IStringLocalizer<SharedResource> l) : PageModel
{
    public Confirmation Confirm { get; private set; } = null!;

    [BindProperty]
    public string? Note { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await access.FindAsync(id, RecognitionActor.Of(User), cancellationToken) is not { SeesAll: true, Round.Stage: RoundStage.Approval })
        {
            return NotFound();
        }

        Confirm = new Confirmation(
            l["Approve the jury's result?"],
            [l["The first-placed finalist receives the award, a certificate code and a mail; the award enters their record."], l["An approval cannot be undone."]],
            l["Approve"], $"/Recognition/Rounds/{id}/Decide?handler=Approve", $"/Recognition/Rounds/{id}", l["Back to the round"]);
        return Page();
    }

    public Task<IActionResult> OnPostApproveAsync(int id, bool confirmed, CancellationToken cancellationToken) =>
        confirmed ? StepAsync(id, new DecisionRequest(true, null), l["The round is approved and the award announced."], cancellationToken) : OnGetAsync(id, cancellationToken);

    public Task<IActionResult> OnPostSendBackAsync(int id, CancellationToken cancellationToken) =>
        StepAsync(id, new DecisionRequest(false, Note), l["The round is sent back to the jury with your note."], cancellationToken);

    private async Task<IActionResult> StepAsync(int id, DecisionRequest request, string saved, CancellationToken cancellationToken)
    {
        var outcome = await decide.DecideAsync(id, request, RecognitionActor.Of(User), cancellationToken);
        if (outcome.Failure == RecognitionFailure.NotFound)
        {
            return NotFound();
        }

        if (!outcome.Succeeded)
        {
            foreach (var message in outcome.Problems.SelectMany(p => p.Value).Append(outcome.Reason).OfType<string>())
            {
                ModelState.AddModelError(nameof(Note), message);
            }

            return await OnGetAsync(id, cancellationToken);
        }

        TempData.Saved(saved);
        return Redirect($"/Recognition/Rounds/{id}");
    }
}
