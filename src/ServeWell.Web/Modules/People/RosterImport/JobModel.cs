using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.People.RosterImport;

[Authorize(Policy = Policies.ManageEmployees)]
public sealed class JobModel(ServeWellDbContext db, RosterImportQueue queue, TimeProvider clock) : PageModel
{
    public const int ErrorLimitDefault = 500;

    public sealed record JobView(Guid Id, string FileName, RosterImportStatus Status, string? FailureMessage, string? ResultJson)
    {
        /// <summary>Whether a dry run has already reported, so a running job is applying rather than checking.</summary>
        public bool HasDryRun => ResultJson is not null;
    }

    public JobView Job { get; private set; } = null!;

    public RosterImportResult? Result { get; private set; }

    public int ErrorRows => Result?.Errors.Select(e => e.Row).Distinct().Count() ?? 0;

    public int Missing => Result?.MissingFromFile ?? 0;

    public int ErrorLimit => ErrorLimitDefault;

    [BindProperty]
    public bool SkipInvalidRows { get; set; }

    [BindProperty]
    public bool MarkMissingAsLeft { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await db.RosterImportJobs.AnyAsync(j => j.Id == id, cancellationToken))
        {
            return NotFound();
        }

        // Only a checked file can be applied, and only once: the status test and the change are one statement,
        // so a double click (or two nodes) cannot start it twice.
        var claimed = await db.RosterImportJobs
            .Where(j => j.Id == id && j.Status == RosterImportStatus.Checked)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.SkipInvalidRows, SkipInvalidRows)
                .SetProperty(j => j.MarkMissingAsLeft, MarkMissingAsLeft)
                .SetProperty(j => j.Status, RosterImportStatus.Queued)
                .SetProperty(j => j.UpdatedAt, clock.GetUtcNow().UtcDateTime), cancellationToken);
        if (claimed == 1)
        {
            queue.Enqueue(id, apply: true);
        }

        return Redirect($"/People/Import/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var job = await db.RosterImportJobs.AsNoTracking().Where(j => j.Id == id)
            .Select(j => new JobView(j.Id, j.FileName, j.Status, j.FailureMessage, j.ResultJson))
            .FirstOrDefaultAsync(cancellationToken);
        if (job is null)
        {
            return false;
        }

        Job = job;
        Result = job.ResultJson is null ? null : JsonSerializer.Deserialize<RosterImportResult>(job.ResultJson, RosterImportQueue.Json);
        return true;
    }
}
