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

namespace ServeWell.Web.Modules.Practice.Cases;

/// <summary>
/// Contribute or edit a case (ADR-053): the author writes in their own words, the page saves the scrubbed text, and
/// shows both side by side; words the scrubber missed are marked below and become placeholders on the next save.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class EditModel(ServeWellDbContext db, CaseLibrary library, CaseScrub scrub, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public CaseForm Form { get; set; } = new();

    public PracticeCase? Case { get; private set; }

    public CaseScrubbed? Scrubbed { get; private set; }

    public IReadOnlyList<Competency> Catalogue { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        await LoadCatalogueAsync(cancellationToken);
        if (id is null)
        {
            return Page();
        }

        var reader = CaseReader.Of(User);
        if (await library.FindAsync(id.Value, cancellationToken) is not { } c || c.AuthorUserId != reader.UserId)
        {
            return NotFound();
        }

        if (!c.AuthorMayEdit)
        {
            return Redirect($"/Practice/Cases/{c.Id}");
        }

        Case = c;
        var original = await db.PracticeCaseOriginals.AsNoTracking().SingleOrDefaultAsync(o => o.CaseId == c.Id, cancellationToken);
        var ids = c.Competencies.Select(x => x.CompetencyId).ToList();
        var input = CaseLibrary.InputOf(c, [.. Catalogue.Where(x => ids.Contains(x.Id)).Select(x => x.Code)], original);
        Form = CaseForm.From(input);
        if (original is not null)
        {
            Scrubbed = await scrub.ScrubAsync(input.Texts, input.MarkedPhrases, cancellationToken);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        var outcome = await library.SaveAsync(id, Form.ToInput(), CaseReader.Of(User), cancellationToken);
        if (outcome.Failure == CaseFailure.NotFound)
        {
            return NotFound();
        }

        if (!outcome.Succeeded)
        {
            foreach (var p in outcome.Problems)
            {
                ModelState.AddModelError(CaseForm.KeyOf(p.Field), p.Message);
            }

            Case = outcome.Case;
            await LoadCatalogueAsync(cancellationToken);
            return Page();
        }

        TempData.Saved(outcome.Scrubbed!.Removed == 0
            ? l["The draft is saved. Nothing was found to remove; check the text below."]
            : l["The draft is saved with {0} items removed. Check what was removed below, mark anything missed, then send it to review.", outcome.Scrubbed.Removed]);
        return Redirect($"/Practice/Cases/Edit/{outcome.Case!.Id}#scrub-heading");
    }

    private async Task LoadCatalogueAsync(CancellationToken cancellationToken) =>
        Catalogue = await db.Competencies.AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.Code).ToListAsync(cancellationToken);
}
