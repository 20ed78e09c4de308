using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Training.Compliance;

/// <summary>Compliance per org unit and programme within the reader's scope: counts, the people, exports and reminders.</summary>
[Authorize(Policy = Policies.ViewCompliance)]
public sealed class IndexModel(
    ServeWellDbContext db, StaffScope scope, ComplianceReport report, ComplianceExport export, SendComplianceReminders reminders, IAuthorizationService authorization)
    : PageModel
{
    public const int ShownRows = 200;

    [FromQuery(Name = "programmeId")]
    public int? ProgrammeId { get; set; }

    [FromQuery(Name = "orgUnitCode")]
    public string? OrgUnitCode { get; set; }

    [FromQuery(Name = "status")]
    public ComplianceStatus? Status { get; set; }

    public ComplianceResult Result { get; private set; } = null!;

    public IReadOnlyList<ComplianceRow> Shown { get; private set; } = [];

    public IReadOnlyList<(int Id, string Title)> Programmes { get; private set; } = [];

    public IReadOnlyList<(string Code, string Name, int Depth)> Units { get; private set; } = [];

    public bool CanRemind { get; private set; }

    public int? RemindersSent { get; private set; }

    public string Query => $"programmeId={ProgrammeId}&orgUnitCode={Uri.EscapeDataString(OrgUnitCode ?? "")}";

    public async Task<IActionResult> OnGetAsync(int? sent, CancellationToken cancellationToken)
    {
        RemindersSent = sent;
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? File(export.Csv(Result), "text/csv; charset=utf-8", "compliance.csv") : NotFound();

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken)
            ? File(export.Xlsx(Result), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "compliance.xlsx")
            : NotFound();

    public async Task<IActionResult> OnPostRemindAsync(CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.ManageTraining)).Succeeded)
        {
            return Forbid();
        }

        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var count = await reminders.SendAsync(Result, Request, cancellationToken);
        return Redirect($"/Training/Compliance?{Query}&sent={count}");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var filter = await scope.GetAsync(cancellationToken);
        var result = await report.RunAsync(filter, ProgrammeId, string.IsNullOrWhiteSpace(OrgUnitCode) ? null : OrgUnitCode.Trim(), cancellationToken);
        if (result is null)
        {
            return false;
        }

        Result = result;
        Shown = result.Rows.Where(r => Status is null || r.Status == Status).Take(ShownRows).ToList();
        Programmes = (await db.Programmes.AsNoTracking().Select(p => new { p.Id, p.Title }).ToListAsync(cancellationToken))
            .Select(p => (p.Id, Title: p.Title.ToString())).OrderBy(p => p.Title, StringComparer.CurrentCulture).ToList();
        var english = Cultures.ReadsEnglish;
        Units = (await filter.Apply(db.OrgUnits).AsNoTracking().Where(u => u.IsActive).ToListAsync(cancellationToken))
            .OrderBy(u => u.Path, StringComparer.Ordinal).Select(u => (u.Code, u.DisplayName(english), u.Depth)).ToList();
        CanRemind = (await authorization.AuthorizeAsync(User, Policies.ManageTraining)).Succeeded;
        return true;
    }
}
