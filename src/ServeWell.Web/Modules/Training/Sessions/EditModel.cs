using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Security;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Platform.Layout;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.Training.Sessions;

/// <summary>Plan or change a session of a programme, in the time zone it is held in.</summary>
[Authorize(Policy = Policies.ManageTraining)]
public sealed class EditModel(ServeWellDbContext db, SaveSession save, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public SessionForm Form { get; set; } = new();

    public int ProgrammeId { get; private set; }

    public string ProgrammeTitle { get; private set; } = "";

    public int? Id { get; private set; }

    public IReadOnlyList<string> Zones { get; private set; } = SessionForm.CommonZones;

    public async Task<IActionResult> OnGetAsync(int programmeId, int? id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(programmeId, id, cancellationToken))
        {
            return NotFound();
        }

        if (id is not null)
        {
            var session = await db.TrainingSessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id && s.ProgrammeId == programmeId, cancellationToken);
            if (session is null || session.IsCancelled)
            {
                return NotFound();
            }

            var number = session.InstructorEmployeeId is { } e ? await db.Employees.Where(x => x.Id == e).Select(x => x.EmployeeNumber).FirstOrDefaultAsync(cancellationToken) : null;
            Form = SessionForm.From(session, number);
        }
        else
        {
            Form.Delivery = await db.Programmes.Where(p => p.Id == programmeId).Select(p => p.Delivery).FirstAsync(cancellationToken);
        }

        AddZone(Form.TimeZone);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int programmeId, int? id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(programmeId, id, cancellationToken))
        {
            return NotFound();
        }

        if (id is not null && !await db.TrainingSessions.AnyAsync(s => s.Id == id && s.ProgrammeId == programmeId, cancellationToken))
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            var (session, problems) = id is null
                ? await save.CreateAsync(programmeId, Form.ToRequest(), cancellationToken)
                : await save.UpdateAsync(id.Value, Form.ToRequest(), cancellationToken);
            if (session is not null)
            {
                TempData.Saved(id is null ? l["Session {0} added.", SessionRow.Of(session).When] : l["Session {0} saved.", SessionRow.Of(session).When]);
                return Redirect($"/Training/Programmes/Details/{programmeId}#sessions");
            }

            foreach (var p in problems)
            {
                ModelState.AddModelError(SessionForm.FormKey(p.Field), p.Message);
            }
        }

        AddZone(Form.TimeZone);
        return Page();
    }

    private async Task<bool> LoadAsync(int programmeId, int? id, CancellationToken cancellationToken)
    {
        ProgrammeId = programmeId;
        Id = id;
        ProgrammeTitle = (await db.Programmes.Where(p => p.Id == programmeId).Select(p => p.Title).FirstOrDefaultAsync(cancellationToken))?.ToString() ?? "";
        return ProgrammeTitle.Length > 0;
    }

    private void AddZone(string? zone)
    {
        if (!string.IsNullOrWhiteSpace(zone) && !Zones.Contains(zone))
        {
            Zones = [zone, .. Zones];
        }
    }
}
