using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Practice.Cases;

/// <summary>One case as others read it (the scrubbed text), what uses it, and the steps the reader may take.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class CaseModel(ServeWellDbContext db, CaseLibrary library, IEnumerable<ICaseUsage> usages) : PageModel
{
    public PracticeCase Case { get; private set; } = null!;

    public CaseReader Reader { get; private set; } = null!;

    public IReadOnlyList<string> Competencies { get; private set; } = [];

    public IReadOnlyList<CaseUse> Uses { get; private set; } = [];

    public bool Mine => Case.AuthorUserId == Reader.UserId;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        Reader = CaseReader.Of(User);
        if (await library.FindAsync(id, cancellationToken) is not { } c || !Reader.MayRead(c))
        {
            return NotFound();
        }

        Case = c;
        var ids = c.Competencies.Select(x => x.CompetencyId).ToList();
        var english = Platform.Localization.Cultures.ReadsEnglish;
        Competencies = [.. (await db.Competencies.AsNoTracking().Where(x => ids.Contains(x.Id)).OrderBy(x => x.Code).ToListAsync(cancellationToken)).Select(x => x.DisplayName(english))];
        var uses = new List<CaseUse>();
        foreach (var usage in usages)
        {
            uses.AddRange(await usage.UsesOfAsync(id, cancellationToken));
        }

        Uses = uses;
        return Page();
    }
}
