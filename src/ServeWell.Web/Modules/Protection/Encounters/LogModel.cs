using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Modules.Protection.Evidence;
using ServeWell.Web.Platform.City;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Layout;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Protection.Encounters;

/// <summary>The encounter form as posted: one page, the fewest fields first, so it is done on a phone in two minutes.</summary>
public sealed class EncounterForm
{
    public string? EmployeeNumber { get; set; }

    public string? Office { get; set; }

    public DateOnly? Date { get; set; }

    public TimeOnly? Time { get; set; }

    public string? Channel { get; set; }

    public List<string> Kinds { get; set; } = [];

    public List<string> Actions { get; set; } = [];

    public string? Description { get; set; }

    public string? Injury { get; set; }

    public string? ComplainantContact { get; set; }
}

/// <summary>Logging an encounter (ADR-059): by the employee, or by their supervisor or protection officer for them.</summary>
[Authorize(Policy = Policies.Staff)]
[RequestSizeLimit(EvidenceOptions.RequestCeilingBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = EvidenceOptions.RequestCeilingBytes)]
public sealed class LogModel(ServeWellDbContext db, LogEncounter log, CityClock city, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public EncounterForm Form { get; set; } = new();

    /// <summary>Photos, recordings or documents, checked by content and stored encrypted with the encounter.</summary>
    [BindProperty]
    public List<IFormFile> Evidence { get; set; } = [];

    public IReadOnlyList<(string Code, string Name)> Offices { get; private set; } = [];

    /// <summary>Supervisors and officers log for their staff; an employee only for themself.</summary>
    public bool LogsForOthers { get; private set; }

    public bool HasOwnRecord { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var now = city.Now;
        Form.Date = DateOnly.FromDateTime(now.DateTime);
        Form.Time = new TimeOnly(now.Hour, now.Minute);
        if (User.EmployeeId() is { } own)
        {
            Form.Office = await db.Employees.Where(e => e.Id == own).Select(e => e.OrgUnit!.Code).FirstOrDefaultAsync(cancellationToken);
        }

        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var reader = await EncounterReader.ForAsync(User, db, cancellationToken);
        DateTimeOffset? at = Form.Date is { } d ? city.StartOf(d) + (Form.Time ?? TimeOnly.MinValue).ToTimeSpan() : null;
        var outcome = await log.LogAsync(
            new EncounterInput(Form.EmployeeNumber, Form.Office, at, Form.Channel, Form.Kinds, Form.Actions, Form.Description, Form.Injury, Form.ComplainantContact),
            EvidenceUpload.Of(Evidence), reader, cancellationToken);
        if (!outcome.Succeeded)
        {
            foreach (var p in outcome.Problems)
            {
                ModelState.AddModelError(p.Field.Length == 0 ? "" : p.Field == "evidence" ? nameof(Evidence) : "Form." + FieldOf(p.Field), p.Message);
            }

            await LoadAsync(cancellationToken);
            return Page();
        }

        TempData.Saved(l["The encounter is logged. Your supervisor and the protection officer have been told and will offer support."]);
        return Redirect($"/Protection/Encounters/{outcome.Encounter!.Id}");
    }

    private static string FieldOf(string field) => field switch
    {
        "occurredAt" => nameof(EncounterForm.Date),
        "employee" => nameof(EncounterForm.EmployeeNumber),
        _ => char.ToUpperInvariant(field[0]) + field[1..],
    };

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var english = Cultures.ReadsEnglish;
        Offices = [.. (await db.OrgUnits.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.Path).ToListAsync(cancellationToken)).Select(u => (u.Code, u.DisplayName(english)))];
        var reader = await EncounterReader.ForAsync(User, db, cancellationToken);
        LogsForOthers = reader.SupervisorPath is not null || reader.IsOfficer;
        HasOwnRecord = reader.EmployeeId is not null;
    }
}
