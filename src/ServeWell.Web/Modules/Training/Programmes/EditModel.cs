using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Modules.People.Grades;
using ServeWell.Web.Modules.People.OrgUnits;
using ServeWell.Web.Modules.Training.Audiences;
using ServeWell.Web.Modules.Training.Competencies;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Layout;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Training.Programmes;

/// <summary>
/// Create or edit a programme. "Preview" posts the same form to a second handler, so the audience count and the
/// first matches show without JavaScript and without losing what was typed.
/// </summary>
[Authorize(Policy = Policies.ManageTraining)]
public sealed class EditModel(ServeWellDbContext db, SaveProgramme save, MatchAudience match, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int PreviewSize = 50;

    [BindProperty]
    public ProgrammeForm Form { get; set; } = new();

    public int? Id { get; private set; }

    public IReadOnlyList<OrgUnitOption> Units { get; private set; } = [];

    public IReadOnlyList<Competency> Competencies { get; private set; } = [];

    public GradeScale Scale { get; private set; } = GradeScale.Korean();

    /// <summary>Null when the rule has problems, which are then in the model state.</summary>
    public AudiencePreview? Preview { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        Id = id;
        if (id is not null)
        {
            var programme = await db.Programmes.AsNoTracking().Include(p => p.Competencies).Include(p => p.Instructors)
                .AsSplitQuery().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
            if (programme is null)
            {
                return NotFound();
            }

            var ids = programme.Instructors.Select(i => i.EmployeeId).OfType<int>().ToList();
            var numbers = await db.Employees.Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.EmployeeNumber, cancellationToken);
            Form = ProgrammeForm.From(programme, numbers);
        }

        await LoadAsync(cancellationToken);
        await PreviewAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        Id = id;
        if (ModelState.IsValid)
        {
            var (programme, problems) = await save.SaveAsync(id, Form.ToRequest(), cancellationToken);
            if (programme is not null)
            {
                TempData.Saved(id is null
                    ? l["Programme “{0}” is saved as a draft: nobody is invited until you publish it.", programme.Title]
                    : l["Programme “{0}” is saved.", programme.Title]);
                return Redirect($"/Training/Programmes/Details/{programme.Id}");
            }

            foreach (var p in problems)
            {
                ModelState.AddModelError(FormKey(p.Field), p.Message);
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(int? id, CancellationToken cancellationToken)
    {
        Id = id;
        // Previewing is not saving: a missing title is no reason to refuse to count the audience.
        ModelState.Clear();
        await LoadAsync(cancellationToken);
        await PreviewAsync(cancellationToken);
        return Page();
    }

    private async Task PreviewAsync(CancellationToken cancellationToken)
    {
        var rule = Form.Audience.ToRule();
        var problems = await match.CheckAsync(rule, cancellationToken);
        foreach (var p in problems)
        {
            ModelState.AddModelError(FormKey("audience." + p.Field), p.Message);
        }

        Preview = problems.Count == 0 ? await match.PreviewAsync(rule, PreviewSize, cancellationToken) : null;
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Units = await OrgUnitOption.ListAsync(db.OrgUnits, cancellationToken);
        Scale = await db.GradeScales.CurrentAsync(cancellationToken);
        var chosen = Form.Competencies;
        Competencies = await db.Competencies.AsNoTracking().Where(c => c.IsActive || chosen.Contains(c.Code)).OrderBy(c => c.Id).ToListAsync(cancellationToken);
        Form.AddSpareInstructorRows();
    }

    /// <summary>"instructors[1].employeeNumber" → "Form.Instructors[1].EmployeeNumber", so the message sits by its field.</summary>
    public static string FormKey(string field) =>
        field.Length == 0 ? "" : "Form." + string.Join('.', field.Split('.').Select(s => char.ToUpper(s[0], CultureInfo.InvariantCulture) + s[1..]));
}
