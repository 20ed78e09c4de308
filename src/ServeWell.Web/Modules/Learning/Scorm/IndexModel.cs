using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Layout;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Learning.Scorm;

/// <summary>Purchased courses: the training officer uploads a vendor's SCORM package and sees what it launches (ADR-043).</summary>
[Authorize(Policy = Policies.ManageTraining)]
[RequestSizeLimit(ScormApi.MaxUploadBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = ScormApi.MaxUploadBytes + 1024 * 1024)]
public sealed class IndexModel(ServeWellDbContext db, ScormLibrary library, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record Row(int Id, string Title, ScormVersion Version, string FileName, long PackedBytes, int Items, DateTime UploadedAt, int Learners, int Completed);

    public IReadOnlyList<Row> Packages { get; private set; } = [];

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), l["Choose the package's .zip file."]);
        }
        else if (Upload.Length > ScormApi.MaxUploadBytes)
        {
            ModelState.AddModelError(nameof(Upload), l["The package is {0}; at most {1} is accepted.", ScormLimits.Megabytes(Upload.Length), ScormLimits.Megabytes(ScormApi.MaxUploadBytes)]);
        }
        else
        {
            try
            {
                await using var stream = Upload.OpenReadStream();
                var package = await library.AddAsync(stream, Upload.FileName, User.Identity?.Name ?? "", cancellationToken);
                TempData.Saved(l["“{0}” is uploaded. Items to launch: {1}.", package.Title, package.Scos.Count]);
                return Redirect($"/Learning/Scorm/Package/{package.Id}");
            }
            catch (ScormPackageException ex)
            {
                ModelState.AddModelError(nameof(Upload), l["“{0}”: {1}", Path.GetFileName(Upload.FileName), l[ex.Problem.Text, ex.Problem.Values]]);
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var attempts = db.Set<ScormAttempt>().Join(db.Set<ScormSco>(), a => a.ScoId, s => s.Id, (a, s) => new { s.PackageId, a.EmployeeId, a.CompletedAt });
        Packages = await db.Set<ScormPackage>().AsNoTracking().Where(p => p.RetiredAt == null)
            .OrderByDescending(p => p.UploadedAt).ThenByDescending(p => p.Id)
            .Select(p => new Row(p.Id, p.Title, p.Version, p.FileName, p.PackedBytes, p.Scos.Count, p.UploadedAt,
                attempts.Where(a => a.PackageId == p.Id).Select(a => a.EmployeeId).Distinct().Count(),
                attempts.Where(a => a.PackageId == p.Id && a.CompletedAt != null).Select(a => a.EmployeeId).Distinct().Count()))
            .ToListAsync(cancellationToken);
    }
}
