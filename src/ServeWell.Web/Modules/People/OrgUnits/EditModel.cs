using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Platform.Web;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Platform.Layout;

namespace ServeWell.Web.Modules.People.OrgUnits;

[Authorize(Policy = Policies.ManageOrganisation)]
public sealed class EditModel(ServeWellDbContext db, OrgChart chart, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class OrgUnitInput
    {
        [Required(ErrorMessage = "Enter a code.")]
        [StringLength(32, ErrorMessage = "At most 32 characters.")]
        [RegularExpression(@"^[A-Za-z0-9][A-Za-z0-9_.\-]*$", ErrorMessage = "Use letters, digits, dots, dashes and underscores.")]
        public string Code { get; set; } = "";

        [Required(ErrorMessage = "Enter a name.")]
        [StringLength(200, ErrorMessage = "At most 200 characters.")]
        public string Name { get; set; } = "";

        [StringLength(200, ErrorMessage = "At most 200 characters.")]
        public string? NameEn { get; set; }

        public OrgUnitKind Kind { get; set; } = OrgUnitKind.Office;

        public string? ParentCode { get; set; }
    }

    [BindProperty]
    public OrgUnitInput Form { get; set; } = new();

    public int? Id { get; private set; }

    public bool IsNew => Id is null;

    public IReadOnlyList<OrgUnitOption> Parents { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        Id = id;
        if (id is not null)
        {
            var unit = await db.OrgUnits.AsNoTracking().Include(u => u.Parent).FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
            if (unit is null)
            {
                return NotFound();
            }

            Form = new OrgUnitInput { Code = unit.Code, Name = unit.Name, NameEn = unit.NameEn, Kind = unit.Kind, ParentCode = unit.Parent?.Code };
        }

        await LoadParentsAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        Id = id;
        if (ModelState.IsValid)
        {
            var form = new OrgUnitForm(Form.Code, Form.Name, Form.NameEn, Form.Kind, Form.ParentCode);
            try
            {
                if (id is null)
                {
                    var created = await chart.CreateAsync(form, cancellationToken);
                    TempData.Saved(l["Unit {0} added.", Form.Code]);
                    return Redirect($"/People/OrgUnits/Details/{created.Id}");
                }

                await chart.UpdateAsync(id.Value, form, cancellationToken);
                TempData.Saved(l["Unit {0} saved.", Form.Code]);
                return Redirect($"/People/OrgUnits/Details/{id}");
            }
            catch (DomainRuleException ex)
            {
                ModelState.AddModelError("", ex.Message);
            }
        }

        await LoadParentsAsync(cancellationToken);
        return Page();
    }

    private async Task LoadParentsAsync(CancellationToken cancellationToken) =>
        Parents = await OrgUnitOption.ListAsync(db.OrgUnits.Where(u => u.Id != (Id ?? 0)), cancellationToken);
}
