using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Modules.Feedback.Services;
using ServeWell.Web.Modules.People.OrgUnits;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Layout;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Platform.Web;

namespace ServeWell.Web.Modules.Feedback.Touchpoints;

[Authorize(Policy = Policies.ManageFeedback)]
public sealed class EditModel(ServeWellDbContext db, ManageTouchpoints manage, PublicUrl publicUrl, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public TouchpointForm Form { get; set; } = new();

    public int? Id { get; private set; }

    public Touchpoint? Current { get; private set; }

    public string? PublicAddress { get; private set; }

    public IReadOnlyList<OrgUnit> Units { get; private set; } = [];

    public IReadOnlyList<PublicService> Services { get; private set; } = [];

    /// <summary>Surveys a touchpoint can ask: those with a published version, the standard one first.</summary>
    public IReadOnlyList<(int Id, string Name)> Surveys { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Current is { } t)
        {
            Form = new TouchpointForm
            {
                Kind = t.Kind, Label = LocalTextForm.From(t.Label), OrgUnitCode = t.OrgUnit!.Code, ServiceCode = t.Service?.Code, EmployeeNumber = t.Employee?.EmployeeNumber,
                SurveyDefinitionId = t.SurveyDefinitionId,
            };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        var (touchpoint, problems) = await manage.SaveAsync(id, Form, cancellationToken);
        if (touchpoint is null)
        {
            foreach (var p in problems)
            {
                ModelState.AddModelError(p.Field.Length == 0 ? "" : "Form." + p.Field, l[p.Message]);
            }

            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }

        TempData.Saved(l["Touchpoint “{0}” is saved.", touchpoint.Label]);
        return Redirect($"/Feedback/Touchpoints/Edit/{touchpoint.Id}");
    }

    public Confirmation? Confirm { get; private set; }

    /// <summary>Asks before a new code: the posters with the old one stop working (ADR-032, ADR-039).</summary>
    public Task<IActionResult> OnGetRotateAsync(int id, CancellationToken cancellationToken) =>
        AskAsync(id, "Rotate", t => new Confirmation(
            l["Give “{0}” a new code?", t.Label.ToString()],
            [
                l["The code {0} stops opening the survey: posters, stickers and QR codes with it must be reprinted.", t.Code],
                l["Past answers stay with the touchpoint."],
            ],
            l["Rotate the code"], AskUrl(id, "Rotate"), $"/Feedback/Touchpoints/Edit/{id}", l["Keep the code"]), cancellationToken);

    /// <summary>Asks before retiring: it cannot be undone.</summary>
    public Task<IActionResult> OnGetRetireAsync(int id, CancellationToken cancellationToken) =>
        AskAsync(id, "Retire", t => new Confirmation(
            l["Retire “{0}”?", t.Label.ToString()],
            [
                l["Citizens can no longer answer through it: its QR code, link and kiosks stop taking answers."],
                l["Past answers are kept and still count in the figures. A retired touchpoint cannot be brought back; make a new one if needed."],
            ],
            l["Retire the touchpoint"], AskUrl(id, "Retire"), $"/Feedback/Touchpoints/Edit/{id}", l["Keep the touchpoint"]), cancellationToken);

    public async Task<IActionResult> OnPostRotateAsync(int id, bool confirmed, CancellationToken cancellationToken) =>
        !confirmed ? Redirect(AskUrl(id, "Rotate"))
            : Saved(await manage.RotateAsync(id, cancellationToken), "Touchpoint “{0}” has a new code; the old code and its posters no longer open the survey.");

    public async Task<IActionResult> OnPostRetireAsync(int id, bool confirmed, CancellationToken cancellationToken) =>
        !confirmed ? Redirect(AskUrl(id, "Retire"))
            : Saved(await manage.RetireAsync(id, cancellationToken), "Touchpoint “{0}” is retired: citizens can no longer answer through it.");

    private static string AskUrl(int id, string handler) => $"/Feedback/Touchpoints/Edit/{id}?handler={handler}";

    private async Task<IActionResult> AskAsync(int id, string handler, Func<Touchpoint, Confirmation> ask, CancellationToken cancellationToken)
    {
        var touchpoint = await db.Touchpoints.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (touchpoint is null)
        {
            return NotFound();
        }

        if (touchpoint.RetiredAt is not null)
        {
            return Redirect($"/Feedback/Touchpoints/Edit/{id}");
        }

        Id = id;
        Confirm = ask(touchpoint);
        return Page();
    }

    private IActionResult Saved(Touchpoint? touchpoint, string notice)
    {
        if (touchpoint is null)
        {
            return NotFound();
        }

        TempData.Saved(l[notice, touchpoint.Label]);
        return Redirect($"/Feedback/Touchpoints/Edit/{touchpoint.Id}");
    }

    private async Task<bool> LoadAsync(int? id, CancellationToken cancellationToken)
    {
        Id = id;
        Units = await db.OrgUnits.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.Path).ToListAsync(cancellationToken);
        Services = await db.PublicServices.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.Code).ToListAsync(cancellationToken);
        Surveys = (await db.SurveyDefinitions.AsNoTracking().Where(d => d.Id != ServeWell.Web.Modules.Feedback.Surveys.SurveyDefinition.DefaultId && d.Versions.Any())
            .OrderBy(d => d.Name).Select(d => new { d.Id, d.Name }).ToListAsync(cancellationToken)).Select(d => (d.Id, d.Name)).ToList();
        if (id is null)
        {
            return true;
        }

        Current = await db.Touchpoints.AsNoTracking().Include(t => t.OrgUnit).Include(t => t.Service).Include(t => t.Employee)
            .FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        PublicAddress = Current is null ? null : publicUrl.For(Request, Touchpoint.PublicPath(Current.Code));
        return Current is not null;
    }
}
