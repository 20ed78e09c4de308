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

namespace ServeWell.Web.Modules.People.Grades;

[Authorize(Policy = Policies.ManageOrganisation)]
public sealed class IndexModel(ServeWellDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class ScaleForm
    {
        [Required(ErrorMessage = "Enter a name.")]
        [StringLength(120, ErrorMessage = "At most 120 characters.")]
        public string Name { get; set; } = "";

        [Range(0, 100, ErrorMessage = "Enter a number from 0 to 100.")]
        public int Lowest { get; set; }

        [Range(0, 100, ErrorMessage = "Enter a number from 0 to 100.")]
        public int Highest { get; set; }

        public SeniorEnd SeniorEnd { get; set; }

        [Required(ErrorMessage = "Enter how a grade is written.")]
        [StringLength(40, ErrorMessage = "At most 40 characters.")]
        public string Label { get; set; } = "{0}";
    }

    [BindProperty]
    public ScaleForm Form { get; set; } = new();

    public GradeScale Current { get; private set; } = GradeScale.Korean();


    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Current = await db.GradeScales.CurrentAsync(cancellationToken);
        Form = new ScaleForm { Name = Current.Name, Lowest = Current.Lowest, Highest = Current.Highest, SeniorEnd = Current.SeniorEnd, Label = Current.Label };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var scale = await db.GradeScales.FirstOrDefaultAsync(cancellationToken);
        Current = scale ?? GradeScale.Korean();
        if (Form.Lowest >= Form.Highest)
        {
            ModelState.AddModelError("Form.Highest", l["The highest number must be above the lowest."]);
        }

        if (!Form.Label.Contains("{0}", StringComparison.Ordinal) || Form.Label.Replace("{0}", "", StringComparison.Ordinal).IndexOfAny(['{', '}']) >= 0)
        {
            ModelState.AddModelError("Form.Label", l["Write {0} once where the number goes, and no other braces."]);
        }

        var outside = await db.Employees.CountAsync(e => e.Grade < Form.Lowest || e.Grade > Form.Highest, cancellationToken);
        if (outside > 0)
        {
            ModelState.AddModelError("Form.Lowest", l["{0} employees have a grade outside this range. Change their grades first.", outside]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (scale is null)
        {
            scale = new GradeScale { Name = Form.Name };
            db.GradeScales.Add(scale);
        }

        scale.Name = Form.Name.Trim();
        scale.Lowest = Form.Lowest;
        scale.Highest = Form.Highest;
        scale.SeniorEnd = Form.SeniorEnd;
        scale.Label = Form.Label.Trim();
        await db.SaveChangesAsync(cancellationToken);
        TempData.Saved(l["The grade scale “{0}” is saved.", scale.Name]);
        return Redirect("/People/GradeScale");
    }
}
