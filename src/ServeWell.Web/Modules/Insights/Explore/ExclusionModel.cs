using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Modules.Feedback.Intake;
using ServeWell.Web.Modules.Feedback.Revisions;
using ServeWell.Web.Modules.Insights.Rollups;
using ServeWell.Web.Platform.Layout;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Insights.Explore;

/// <summary>
/// One answer of the drill-down: leave it out of every figure (a reason, an optional note, and this page is the
/// confirmation), or restore it (ADR-022). 404 outside the viewer's scope.
/// </summary>
[Authorize(Policy = Policies.ReviseFeedback)]
public sealed class ExclusionModel(ReviseFeedback revise, StaffScope scope, InsightsCalendar calendar, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    public AnswerExclusionDto? Answer { get; private set; }

    public List<string> Errors { get; } = [];

    /// <summary>Set after a successful exclusion or restore shown on this page (no return address).</summary>
    public string? Done { get; private set; }

    public static IReadOnlyList<ExclusionReason> Reasons { get; } = Enum.GetValues<ExclusionReason>();

    // The framework's check also refuses control characters: "/\t/evil.example" is "//evil.example" to a browser.
    public string Back => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/Insights/Answers";

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        Answer = await revise.FindAsync(id, await scope.GetAsync(cancellationToken), cancellationToken);
        if (!Url.IsLocalUrl(ReturnUrl))
        {
            ReturnUrl = null; // not echoed into the forms either
        }

        return Answer is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostExcludeAsync(long id, CancellationToken cancellationToken)
    {
        var result = await revise.ExcludeAsync(id, Reason, Note, await scope.GetAsync(cancellationToken), User, cancellationToken);
        return Answered(result, localizer["The answer is excluded from every figure."], localizer["This answer is already excluded."]);
    }

    public async Task<IActionResult> OnPostRestoreAsync(long id, CancellationToken cancellationToken)
    {
        var result = await revise.RestoreAsync(id, await scope.GetAsync(cancellationToken), cancellationToken);
        return Answered(result, localizer["The answer counts in the figures again."], localizer["This answer is not excluded."]);
    }

    public string Local(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(utc, calendar.Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public string ReasonName(string? reason) => reason is null ? "" : localizer["Exclusion:" + char.ToUpperInvariant(reason[0]) + reason[1..]];

    private IActionResult Answered(RevisionResult result, string done, string conflict)
    {
        Answer = result.Answer;
        switch (result.Outcome)
        {
            case RevisionOutcome.NotFound:
                return NotFound();
            case RevisionOutcome.Invalid:
                Errors.AddRange(result.Problems!.SelectMany(p => p.Value));
                return Page();
            case RevisionOutcome.Conflict:
                Errors.Add(conflict);
                return Page();
        }

        if (Url.IsLocalUrl(ReturnUrl))
        {
            TempData.Saved(done);
            return LocalRedirect(ReturnUrl!);
        }

        Done = done;
        return Page();
    }
}
