using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Protection.Encounters;

/// <summary>One encounter as the reader may see it (ADR-059); opening it is audited.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class EncounterModel(ServeWellDbContext db, EncounterBook book) : PageModel
{
    public EncounterSeen Seen { get; private set; } = null!;

    public EncounterReader Reader { get; private set; } = null!;

    public bool MayAct => Reader.MayAct(Seen.Encounter.EmployeeId, Seen.EmployeeUnitPath);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        Reader = await EncounterReader.ForAsync(User, db, cancellationToken);
        if (await book.ReadAsync(id, Reader, cancellationToken) is not { } seen)
        {
            return NotFound();
        }

        Seen = seen;
        return Page();
    }
}
