using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Platform.Layout;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Practice.Cases;

/// <summary>Withdrawing a case with a reason, confirmed on this page: it leaves the library and search, and is never deleted.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class WithdrawModel(CaseLibrary library, IStringLocalizer<SharedResource> l) : PageModel
{
    public PracticeCase Case { get; private set; } = null!;

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await library.FindAsync(id, cancellationToken) is not { } c || !CaseReader.Of(User).MayRead(c))
        {
            return NotFound();
        }

        Case = c;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var outcome = await library.WithdrawAsync(id, Reason, CaseReader.Of(User), cancellationToken);
        if (outcome.Failure == CaseFailure.NotFound)
        {
            return NotFound();
        }

        if (!outcome.Succeeded)
        {
            foreach (var p in outcome.Problems)
            {
                ModelState.AddModelError(p.Field == "reason" ? nameof(Reason) : "", p.Message);
            }

            Case = outcome.Case!;
            return Page();
        }

        TempData.Saved(l["The case is withdrawn. It stays in the records with your reason."]);
        return Redirect($"/Practice/Cases/{id}");
    }
}
