using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using ServeWell.Web.Modules.Feedback.Commendations;
using ServeWell.Web.Modules.Feedback.Intake;
using ServeWell.Web.Modules.Recognition.Nominations;
using ServeWell.Web.Platform.City;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.Recognition.Public;

public sealed class NominationForm
{
    public int? EmployeeId { get; set; }

    public string? WrittenName { get; set; }

    public string? Story { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public bool ContactConsent { get; set; }
}

/// <summary>
/// A citizen nominates a courteous employee (ADR-058), without signing in: from a survey's thank-you page (a touchpoint
/// code) or a green card at the counter (the office's code). One thing per page; the survey's rate limit per address.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(FeedbackRateLimiting.PerAddress)]
public sealed class NominateModel(ServeWellDbContext db, Nominate nominate, IOptions<CityOptions> city) : PageModel
{
    public static string PathFor(string code) => "/recognise/" + Uri.EscapeDataString(code);

    [BindProperty]
    public NominationForm Form { get; set; } = new();

    public string? Office { get; private set; }

    public bool Open { get; private set; }

    public bool Sent { get; private set; }

    public IReadOnlyList<StaffChoice> Staff { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, bool sent, CancellationToken cancellationToken)
    {
        Sent = sent;
        return await LoadAsync(code, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code, cancellationToken))
        {
            return NotFound();
        }

        var language = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var outcome = await nominate.ByCitizenAsync(
            new PublicNominationRequest(code, null, Form.EmployeeId, Form.WrittenName, Form.Story, language, Form.Email, Form.Phone, Form.ContactConsent), cancellationToken);
        if (outcome.Succeeded)
        {
            return Redirect(PathFor(code) + "?sent=true");
        }

        foreach (var (field, messages) in outcome.Problems)
        {
            foreach (var message in messages)
            {
                ModelState.AddModelError(FieldOf(field), message);
            }
        }

        if (outcome.Reason is { } reason)
        {
            ModelState.AddModelError(string.Empty, reason);
        }

        return Page();
    }

    /// <summary>The form field an API problem is about, for the error summary's links.</summary>
    public static string FieldOf(string problem) => problem switch
    {
        "employeeId" or "writtenName" or "office" => "Form.WrittenName",
        "contactConsent" => "Form.ContactConsent",
        "story" => "Form.Story",
        _ => "Form." + char.ToUpperInvariant(problem[0]) + problem[1..],
    };

    private async Task<bool> LoadAsync(string code, CancellationToken cancellationToken)
    {
        var office = await Nominate.OfficeAsync(db, code, cancellationToken);
        if (office is null)
        {
            return false;
        }

        Office = office.DisplayName(System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en");
        Open = await nominate.OpenRoundForAsync(office.Path, cancellationToken) is not null;
        Staff = await OfficeStaff.ListAsync(db, office.Id, city.Value.StaffNames, cancellationToken);
        return true;
    }
}
