using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Modules.People.OrgUnits;
using ServeWell.Web.Platform.City;
using ServeWell.Web.Platform.Layout;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Feedback.Duty;

/// <summary>
/// A supervisor marks who is on duty today at an office of their subtree (administrators: any office); the kiosk and the
/// counter survey then offer those staff for a commendation (ADR-040).
/// </summary>
[Authorize(Policy = Policies.MarkDuty)]
public sealed class IndexModel(DutyRoster roster, CityClock clock, IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>The office's code; none: the first office in scope.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Unit { get; set; }

    public IReadOnlyList<OrgUnit> Offices { get; private set; } = [];

    public DutyDay? Day { get; private set; }

    public string ZoneName => clock.ZoneName;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSaveAsync(List<int>? onDuty, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken) || Day is null)
        {
            return NotFound();
        }

        var problems = await roster.SaveAsync(Day.Office, clock.Today, onDuty ?? [], cancellationToken);
        return await AfterAsync(problems, onDuty?.Count ?? 0, cancellationToken);
    }

    public async Task<IActionResult> OnPostCopyAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken) || Day is null)
        {
            return NotFound();
        }

        var (count, problems) = await roster.CopyYesterdayAsync(Day.Office, cancellationToken);
        return await AfterAsync(problems, count, cancellationToken);
    }

    private async Task<IActionResult> AfterAsync(IReadOnlyList<DutyRoster.Problem> problems, int count, CancellationToken cancellationToken)
    {
        if (problems.Count > 0)
        {
            foreach (var p in problems)
            {
                ModelState.AddModelError("", p.Message);
            }

            await LoadAsync(cancellationToken);
            return Page();
        }

        var office = Day!.Office.DisplayName(Cultures.ReadsEnglish);
        TempData.Saved(count == 0
            ? l["Saved: nobody is marked on duty today at {0}, so citizens are offered its frontline staff.", office]
            : l["Saved: {0} on duty today at {1}.", count, office]);
        return RedirectToPage(new { unit = Day.Office.Code });
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Offices = await roster.OfficesAsync(cancellationToken);
        var office = string.IsNullOrWhiteSpace(Unit) ? Offices.FirstOrDefault() : await roster.OfficeAsync(Unit.Trim(), cancellationToken);
        if (office is null)
        {
            // No office in scope at all is an empty page, not an error; an office out of scope is as if it did not exist.
            return string.IsNullOrWhiteSpace(Unit);
        }

        Day = await roster.ReadAsync(office, clock.Today, cancellationToken);
        return true;
    }
}
