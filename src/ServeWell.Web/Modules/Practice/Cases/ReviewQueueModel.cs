using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Practice.Cases;

/// <summary>Cases waiting for a training officer, oldest first.</summary>
[Authorize(Policy = Policies.ManageTraining)]
public sealed class ReviewQueueModel(ServeWellDbContext db) : PageModel
{
    public IReadOnlyList<PracticeCase> Cases { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Cases = await db.PracticeCases.AsNoTracking().Where(c => c.Status == CaseStatus.Submitted).OrderBy(c => c.SubmittedAtUtc).ToListAsync(cancellationToken);
}
