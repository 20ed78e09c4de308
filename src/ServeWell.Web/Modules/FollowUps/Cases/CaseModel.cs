using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Modules.FollowUps.RootCauses;
using ServeWell.Web.Modules.FollowUps.Safeguards;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Layout;
using ServeWell.Web.Platform.Events;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.FollowUps.Cases;

public sealed class ReassignForm
{
    public string? UserId { get; set; }

    public string? Note { get; set; }
}

/// <summary>One case: the answer's snapshot, the contact behind a button (audited), the actions and the timeline.</summary>
[Authorize(Policy = Policies.ViewFollowUps)]
public sealed class CaseModel(
    FollowUpDetails details, HandleFollowUp handle, Supervisors supervisors, ServeWellDbContext db, BusinessCalendar calendar,
    IAuthorizationService authorization, IEnumerable<ICaseSafeguards> safeguards, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public TransitionRequest Form { get; set; } = new();

    [BindProperty]
    public ReassignForm Reassign { get; set; } = new();

    public FollowUpView View { get; private set; } = null!;

    public FeedbackContact? Contact { get; private set; }

    public IReadOnlyList<RootCause> RootCauses { get; private set; } = [];

    public IReadOnlyList<Supervisors.Supervisor> Assignees { get; private set; } = [];

    /// <summary>Staff protection at this case, for whoever may handle it (ADR-062): the abuse flag and the complainant's restrictions.</summary>
    public CaseSafeguards Safeguards { get; private set; } = CaseSafeguards.None;


    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    /// <summary>True while the page asks whether to close the case as unreachable (ADR-032, ADR-039).</summary>
    public bool AskUnreachable { get; private set; }

    /// <summary>Asks before closing as unreachable: a closed case cannot be reopened and the citizen hears no more.</summary>
    public async Task<IActionResult> OnGetUnreachableAsync(int id, CancellationToken cancellationToken)
    {
        if (!await MayHandleAsync())
        {
            return Forbid();
        }

        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!View.MayHandle || !View.Case.IsOpen)
        {
            return Redirect($"/FollowUps/Case/{id}");
        }

        AskUnreachable = true;
        return Page();
    }

    public async Task<IActionResult> OnPostTransitionAsync(int id, bool confirmed, CancellationToken cancellationToken)
    {
        if (!await MayHandleAsync())
        {
            return Forbid();
        }

        if (!confirmed && HandleFollowUp.ParseState(Form.To) == FollowUpState.ClosedUnreachable)
        {
            return Redirect($"/FollowUps/Case/{id}?handler=Unreachable");
        }

        var problems = await handle.TransitionAsync(id, Form, User, cancellationToken);
        return await AfterAsync(id, problems, HandleFollowUp.ParseState(Form.To) is { } to ? l["The case is now “{0}”.", l["FollowUp:" + to]].Value : null, cancellationToken);
    }

    public async Task<IActionResult> OnPostReassignAsync(int id, CancellationToken cancellationToken)
    {
        if (!await MayHandleAsync())
        {
            return Forbid();
        }

        var problems = await handle.ReassignAsync(id, Reassign.UserId, Reassign.Note, User, cancellationToken);
        return await AfterAsync(id, problems, l["The case was reassigned."], cancellationToken);
    }

    public async Task<IActionResult> OnPostRevealAsync(int id, CancellationToken cancellationToken)
    {
        if (!await MayHandleAsync())
        {
            return Forbid();
        }

        Contact = await handle.RevealContactAsync(id, User, cancellationToken);
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        // Contact details must not stay in a browser or proxy cache.
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    public DateTime Local(DateTime utc) => calendar.ToLocal(utc);

    public string Describe(FollowUpEvent e) => e.Kind switch
    {
        FollowUpEventKind.Opened => e.Detail is null ? l["Opened; no supervisor covers this office"] : l["Opened and assigned to {0}", e.Detail],
        FollowUpEventKind.Transition => l["{0} → {1}", l["FollowUp:" + e.FromState], l["FollowUp:" + e.ToState]]
            + (e.Detail is not null && RootCauses.FirstOrDefault(r => r.Code == e.Detail) is { } cause ? " · " + cause.DisplayName(Cultures.ReadsEnglish) : ""),
        FollowUpEventKind.Reassigned => l["Reassigned to {0}", e.Detail ?? ""],
        FollowUpEventKind.ContactRevealed => l["Contact details viewed"],
        FollowUpEventKind.Reminded => l["Overdue reminder sent"],
        FollowUpEventKind.Escalated => l["Overdue: escalated to {0}", e.Detail ?? ""],
        FollowUpEventKind.ContactPurged => l["Contact details deleted (retention period over)"],
        _ => e.Kind.ToString(),
    };

    private async Task<bool> MayHandleAsync() => (await authorization.AuthorizeAsync(User, Policies.HandleFollowUps)).Succeeded;

    private async Task<IActionResult> AfterAsync(int id, IReadOnlyList<HandleFollowUp.Problem> problems, string? success, CancellationToken cancellationToken)
    {
        if (problems.Count == 0)
        {
            if (success is not null)
            {
                TempData.Saved(success);
            }

            return Redirect($"/FollowUps/Case/{id}");
        }

        foreach (var p in problems)
        {
            ModelState.AddModelError(p.Field, p.Message);
        }

        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var view = await details.FindAsync(id, User, cancellationToken);
        if (view is null)
        {
            return false;
        }

        View = view;
        // Every cause, inactive ones too, so the timeline can name the cause a case was resolved with; only active ones are offered.
        var causes = await db.Set<RootCause>().AsNoTracking().OrderBy(r => r.SortOrder).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        RootCauses = causes;
        if (view.MayHandle && safeguards.FirstOrDefault() is { } protection)
        {
            Safeguards = await protection.ForCaseAsync(id, User, cancellationToken);
        }

        if (view.MayHandle && view.Case.IsOpen)
        {
            Assignees = await supervisors.CoveringAsync(view.Case.OrgUnit!.Path, cancellationToken);
        }

        return true;
    }
}
