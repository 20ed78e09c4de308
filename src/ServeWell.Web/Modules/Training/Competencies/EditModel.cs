using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Platform.Layout;

namespace ServeWell.Web.Modules.Training.Competencies;

/// <summary>What a training officer types for a competency. Not the entity.</summary>
public sealed class CompetencyForm
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

    [StringLength(1000, ErrorMessage = "At most 1000 characters.")]
    public string? Description { get; set; }

    public bool IsActive { get; set; } = true;
}

[Authorize(Policy = Policies.ManageTraining)]
public sealed class EditModel(ServeWellDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public CompetencyForm Form { get; set; } = new();

    public int? Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        Id = id;
        if (id is not null)
        {
            var c = await db.Competencies.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
            if (c is null)
            {
                return NotFound();
            }

            Form = new CompetencyForm { Code = c.Code, NameEn = c.NameEn, NameKo = c.NameKo, Description = c.Description, IsActive = c.IsActive };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        Id = id;
        var code = Form.Code.Trim();
        if (await db.Competencies.AnyAsync(c => c.Code == code && c.Id != (id ?? 0), cancellationToken))
        {
            ModelState.AddModelError("Form.Code", l["The code “{0}” is already used by another competency.", code]);
        }

        var competency = id is null ? null : await db.Competencies.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (id is not null && competency is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        competency ??= db.Competencies.Add(new Competency { Code = code, NameEn = "", NameKo = "" }).Entity;
        competency.Code = code;
        competency.NameEn = Form.NameEn.Trim();
        competency.NameKo = Form.NameKo.Trim();
        competency.Description = Form.Description?.Trim() ?? "";
        competency.IsActive = Form.IsActive;
        await db.SaveChangesAsync(cancellationToken);
        TempData.Saved(l["Competency {0} saved.", competency.Code]);
        return Redirect("/Training/Competencies");
    }
}
