using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Modules.People.OrgUnits;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Layout;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Protection.Officers;

public sealed class OfficerForm
{
    public string? OrgUnitCode { get; set; }

    public string? Account { get; set; }
}

/// <summary>The protection officers per org unit (ADR-063): administrators designate and, after a confirmation, remove them.</summary>
[Authorize(Policy = Policies.Administer)]
public sealed class IndexModel(ServeWellDbContext db, OfficerDesignations officers, IStringLocalizer<SharedResource> l) : PageModel
{
    private const string Path = "/Protection/Officers";

    [BindProperty]
    public OfficerForm Form { get; set; } = new();

    public IReadOnlyList<OfficerLine> Officers { get; private set; } = [];

    public IReadOnlyList<OrgUnitOption> Units { get; private set; } = [];

    /// <summary>Set when the page asks to confirm a removal, instead of showing the list.</summary>
    public Confirmation? Confirm { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostDesignateAsync(CancellationToken cancellationToken)
    {
        var outcome = await officers.DesignateAsync(Form.OrgUnitCode, Form.Account, cancellationToken);
        if (!outcome.Succeeded)
        {
            foreach (var p in outcome.Problems)
            {
                ModelState.AddModelError(p.Field == "account" ? "Form.Account" : "Form.OrgUnitCode", p.Message);
            }

            await LoadAsync(cancellationToken);
            return Page();
        }

        var line = await officers.FindAsync(outcome.Row!.Id, cancellationToken);
        TempData.Saved(l["{0} is now a protection officer of {1}.", line!.Name, Name(line)]);
        return Redirect(Path);
    }

    /// <summary>Asks before removing, and says what the officer no longer sees (ADR-032).</summary>
    public async Task<IActionResult> OnGetRemoveAsync(int id, CancellationToken cancellationToken)
    {
        if (await officers.FindAsync(id, cancellationToken) is not { } line)
        {
            return NotFound();
        }

        Confirm = new Confirmation(
            l["Remove {0} as protection officer of {1}?", line.Name, Name(line)],
            [
                l["They no longer see the encounters of the staff of {0} and the units below it, and are no longer told of new ones.", Name(line)],
                l["What they did as officer (support offered, restrictions issued) stays recorded."],
            ],
            l["Remove the officer"], Path + "?handler=Remove", Path, l["Keep the officer"])
        {
            Fields = new Dictionary<string, string> { ["id"] = id.ToString(CultureInfo.InvariantCulture) },
        };
        return Page();
    }

    /// <summary>Removes only when confirmed; a post without the confirmation goes to the question.</summary>
    public async Task<IActionResult> OnPostRemoveAsync(int id, bool confirmed, CancellationToken cancellationToken)
    {
        if (!confirmed)
        {
            return Redirect($"{Path}?handler=Remove&id={id}");
        }

        if (await officers.RemoveAsync(id, cancellationToken) is not { } line)
        {
            return NotFound();
        }

        TempData.Saved(l["{0} is no longer a protection officer of {1}.", line.Name, Name(line)]);
        return Redirect(Path);
    }

    public static string Name(OfficerLine line) => Cultures.ReadsEnglish && !string.IsNullOrWhiteSpace(line.UnitNameEn) ? line.UnitNameEn! : line.UnitName;

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Officers = await officers.ListAsync(cancellationToken);
        Units = await OrgUnitOption.ListAsync(db.OrgUnits, cancellationToken);
    }
}
