using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Protection.Encounters;

/// <summary>"My encounters", and the encounters of the staff a supervisor or protection officer looks after.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(ServeWellDbContext db, EncounterBook book) : PageModel
{
    public IReadOnlyList<EncounterLine> Mine { get; private set; } = [];

    public IReadOnlyList<EncounterLine> Others { get; private set; } = [];

    public EncounterReader Reader { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Reader = await EncounterReader.ForAsync(User, db, cancellationToken);
        var all = await book.ListAsync(Reader, cancellationToken);
        Mine = [.. all.Where(e => e.Mine)];
        Others = [.. all.Where(e => !e.Mine)];
    }
}
