using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Modules.People.OrgUnits;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Platform.Layout;

namespace ServeWell.Web.Modules.Feedback.Services;

/// <summary>What an administrator types for a service. Not the entity.</summary>
public sealed class ServiceForm
{
    [Required(ErrorMessage = "Enter a code.")]
    [StringLength(40, ErrorMessage = "At most 40 characters.")]
    [RegularExpression(@"^[a-z0-9][a-z0-9\-]*$", ErrorMessage = "Use lower-case letters, digits and dashes.")]
    public string Code { get; set; } = "";

    [Required(ErrorMessage = "Enter the English name.")]
    [StringLength(120, ErrorMessage = "At most 120 characters.")]
    public string NameEn { get; set; } = "";

    [Required(ErrorMessage = "Enter the Korean name.")]
    [StringLength(120, ErrorMessage = "At most 120 characters.")]
    public string NameKo { get; set; } = "";

    public List<string> OfficeCodes { get; set; } = [];

    public bool IsActive { get; set; } = true;
}

[Authorize(Policy = Policies.ManageFeedback)]
public sealed class EditModel(ServeWellDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public ServiceForm Form { get; set; } = new();

    public int? Id { get; private set; }

    public IReadOnlyList<OrgUnit> Offices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        Id = id;
        await LoadOfficesAsync(cancellationToken);
        if (id is not null)
        {
            var s = await db.PublicServices.AsNoTracking().Include(x => x.Offices).FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
            if (s is null)
            {
                return NotFound();
            }

            var codes = Offices.Where(o => s.Offices.Any(x => x.OrgUnitId == o.Id)).Select(o => o.Code).ToList();
            Form = new ServiceForm { Code = s.Code, NameEn = s.NameEn, NameKo = s.NameKo, IsActive = s.IsActive, OfficeCodes = codes };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        Id = id;
        await LoadOfficesAsync(cancellationToken);
        var code = Form.Code.Trim();
        if (await db.PublicServices.AnyAsync(s => s.Code == code && s.Id != (id ?? 0), cancellationToken))
        {
            ModelState.AddModelError("Form.Code", l["The code “{0}” is already used by another service.", code]);
        }

        var service = id is null ? null : await db.PublicServices.Include(s => s.Offices).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (id is not null && service is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        service ??= db.PublicServices.Add(new PublicService { Code = code, NameEn = "", NameKo = "" }).Entity;
        service.Code = code;
        service.NameEn = Form.NameEn.Trim();
        service.NameKo = Form.NameKo.Trim();
        service.IsActive = Form.IsActive;
        var chosen = Offices.Where(o => Form.OfficeCodes.Contains(o.Code)).Select(o => o.Id).ToHashSet();
        service.Offices.RemoveAll(o => !chosen.Contains(o.OrgUnitId));
        foreach (var unitId in chosen.Where(u => service.Offices.All(o => o.OrgUnitId != u)))
        {
            service.Offices.Add(new ServiceOffice { OrgUnitId = unitId });
        }

        await db.SaveChangesAsync(cancellationToken);
        TempData.Saved(l["Service {0} saved.", service.Code]);
        return Redirect("/Feedback/Services");
    }

    private async Task LoadOfficesAsync(CancellationToken cancellationToken) =>
        Offices = await db.OrgUnits.AsNoTracking()
            .Where(u => u.IsActive && (u.Kind == OrgUnitKind.Office || u.Kind == OrgUnitKind.CommunityCentre || u.Kind == OrgUnitKind.Team))
            .OrderBy(u => u.Path).ToListAsync(cancellationToken);
}
