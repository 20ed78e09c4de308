using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Practice.Scenarios.Pages;

/// <summary>
/// Playing one attempt without JavaScript (ADR-061): one node at a time, the replies as a radio group in a form that posts
/// the step number (a resent form changes nothing) and redirects back here; when the attempt reached an ending, the result.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class AttemptModel(PlayScenario play, ServeWellDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    public AttemptView View { get; private set; } = null!;

    /// <summary>Competency names by code, in the reader's language.</summary>
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (User.EmployeeId() is not { } employee || await play.ReadAsync(id, employee, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        View = view;
        var english = Cultures.ReadsEnglish;
        Names = (await db.Competencies.AsNoTracking().Where(c => view.Content.Competencies.Contains(c.Code)).ToListAsync(cancellationToken))
            .ToDictionary(c => c.Code, c => c.DisplayName(english));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int step, int? choice, CancellationToken cancellationToken)
    {
        if (User.EmployeeId() is not { } employee)
        {
            return NotFound();
        }

        if (choice is not { } chosen)
        {
            ModelState.AddModelError("choice", l["Choose a reply."]);
            return await OnGetAsync(id, cancellationToken);
        }

        var outcome = await play.ChooseAsync(id, employee, step, chosen, cancellationToken);
        if (outcome == PlayScenario.ChooseOutcome.NotFound)
        {
            return NotFound();
        }

        if (outcome == PlayScenario.ChooseOutcome.NoSuchReply)
        {
            ModelState.AddModelError("choice", l["Choose one of the replies shown."]);
            return await OnGetAsync(id, cancellationToken);
        }

        return Redirect($"/Practice/Attempts/{id}");
    }

    public string NameOf(string code) => Names.TryGetValue(code, out var name) ? name : code;
}
