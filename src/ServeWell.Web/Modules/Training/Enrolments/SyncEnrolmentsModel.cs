using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Training.Enrolments;

/// <summary>"Sync now" for training officers; GET asks, POST syncs and shows what changed.</summary>
[Authorize(Policy = Policies.ManageTraining)]
public sealed class SyncEnrolmentsModel(ServeWellDbContext db, SyncProgrammeAudience sync) : PageModel
{
    public int Id { get; private set; }

    public string Title { get; private set; } = "";

    public SyncCounts? Counts { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Counts = await sync.SyncAsync(id, User.Identity?.Name ?? EnrolmentReasons.ByRule, cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        Id = id;
        Title = (await db.Programmes.AsNoTracking().Where(p => p.Id == id).Select(p => p.Title).FirstOrDefaultAsync(cancellationToken))?.ToString() ?? "";
        return Title.Length > 0;
    }
}
