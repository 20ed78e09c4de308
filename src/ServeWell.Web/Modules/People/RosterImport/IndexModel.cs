using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Platform.Web;

namespace ServeWell.Web.Modules.People.RosterImport;

[Authorize(Policy = Policies.ManageEmployees)]
[RequestSizeLimit(1L * 1024 * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 1L * 1024 * 1024 * 1024)]
public sealed class IndexModel(ServeWellDbContext db, RosterImportQueue queue, IOptions<UploadOptions> uploads, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record JobRow(Guid Id, string FileName, string? RequestedBy, DateTime CreatedAt, RosterImportStatus Status);

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public IReadOnlyList<JobRow> Recent { get; private set; } = [];

    public string MaxMegabytes => (uploads.Value.MaxRosterBytes / 1024.0 / 1024.0).ToString("0.#", System.Globalization.CultureInfo.CurrentCulture);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), l["Choose a CSV or XLSX file."]);
        }
        else if (Upload.Length > uploads.Value.MaxRosterBytes)
        {
            ModelState.AddModelError(nameof(Upload), l["The file is {0} MB; the limit is {1} MB.", (Upload.Length / 1024.0 / 1024.0).ToString("0.#", System.Globalization.CultureInfo.CurrentCulture), MaxMegabytes]);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        using var buffer = new MemoryStream();
        await Upload!.CopyToAsync(buffer, cancellationToken);
        var job = await RosterImportQueue.CreateAsync(db, Upload.FileName, buffer.ToArray(), User.Identity?.Name, clock.GetUtcNow().UtcDateTime, cancellationToken);
        queue.Enqueue(job.Id, apply: false);
        return Redirect($"/People/Import/{job.Id}");
    }

    /// <summary>An empty roster with the English headers and one example row.</summary>
    public IActionResult OnGetTemplate()
    {
        const string csv = "employee_number,name,email,phone,org_unit_code,grade,position,hire_date,frontline,status\n"
            + "HB9001,Example Person,example.person@city.example,010-0000-0000,C-WONHYO,8,주무관,2020-03-02,Y,active\n";
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv", "servewell-roster-template.csv");
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Recent = await db.RosterImportJobs.AsNoTracking().OrderByDescending(j => j.CreatedAt).Take(10)
            .Select(j => new JobRow(j.Id, j.FileName, j.RequestedBy, j.CreatedAt, j.Status)).ToListAsync(cancellationToken);
}
