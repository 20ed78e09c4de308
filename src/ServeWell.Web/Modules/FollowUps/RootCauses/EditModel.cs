using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Layout;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.FollowUps.RootCauses;

/// <summary>What an administrator types for a root cause. Not the entity.</summary>
public sealed class RootCauseForm
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

    [Range(0, 10000, ErrorMessage = "Enter a number from 0 to 10000.")]
    public int SortOrder { get; set; }

    public bool IsActive { get; set; } = true;
}

[Authorize(Policy = Policies.Administer)]
public sealed class EditModel(ServeWellDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public RootCauseForm Form { get; set; } = new();

    public int? Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        Id = id;
        if (id is null)
        {
            Form.SortOrder = (await db.Set<RootCause>().MaxAsync(c => (int?)c.SortOrder, cancellationToken) ?? 0) + 10;
            return Page();
        }

        var c = await db.Set<RootCause>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (c is null)
        {
            return NotFound();
        }

        Form = new RootCauseForm { Code = c.Code, NameEn = c.NameEn, NameKo = c.NameKo, SortOrder = c.SortOrder, IsActive = c.IsActive };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        Id = id;
        var code = Form.Code.Trim();
        if (await db.Set<RootCause>().AnyAsync(c => c.Code == code && c.Id != (id ?? 0), cancellationToken))
        {
            ModelState.AddModelError("Form.Code", l["The code “{0}” is already used by another root cause.", code]);
        }

        var cause = id is null ? null : await db.Set<RootCause>().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (id is not null && cause is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        cause ??= db.Add(new RootCause { Code = code, NameEn = "", NameKo = "" }).Entity;
        cause.Code = code;
        cause.NameEn = Form.NameEn.Trim();
        cause.NameKo = Form.NameKo.Trim();
        cause.SortOrder = Form.SortOrder;
        cause.IsActive = Form.IsActive;
        await db.SaveChangesAsync(cancellationToken);
        TempData.Saved(l["Root cause “{0}” is saved.", cause.DisplayName(Cultures.ReadsEnglish)]);
        return Redirect("/FollowUps/RootCauses");
    }
}
