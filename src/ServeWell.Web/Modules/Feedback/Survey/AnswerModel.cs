using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Modules.Feedback.Commendations;
using ServeWell.Web.Modules.Feedback.Intake;
using ServeWell.Web.Modules.Feedback.Surveys;
using ServeWell.Web.Modules.Feedback.Touchpoints;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Events;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.Feedback.Survey;

/// <summary>One 1–5 question of the survey, rendered by _Scale.</summary>
public sealed record ScaleQuestion(string Id, string Name, string Question, int? Value, bool Required);

/// <summary>The questions of a survey as _Questions renders them, for the survey and its preview.</summary>
/// <param name="Staff">The staff on duty a citizen may commend (ADR-037); empty leaves the question out.</param>
public sealed record SurveyQuestionsView(AskedSurvey Survey, SurveyForm Form, string? BadgeEmployee, IReadOnlyList<StaffChoice> Staff);

/// <summary>What the citizen's browser posts. Not the entity; <see cref="Website"/> is the honeypot.</summary>
public sealed class SurveyForm
{
    public string Key { get; set; } = "";

    /// <summary>The survey version the page showed, so a version published meanwhile does not refuse this answer.</summary>
    public int? Version { get; set; }

    public int? Overall { get; set; }

    public int? Timeliness { get; set; }

    public int? Knowledge { get; set; }

    public int? Courtesy { get; set; }

    public int? Fairness { get; set; }

    public int? Outcome { get; set; }

    public string? Resolved { get; set; }

    public string? Comment { get; set; }

    public bool CommendBadge { get; set; }

    /// <summary>The employee chosen from the staff on duty (their id, never a badge number); none when skipped.</summary>
    public int? CommendStaff { get; set; }

    public bool ContactMe { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public bool Consent { get; set; }

    public string? Website { get; set; }

    public int? Driver(string name) => name switch
    {
        "timeliness" => Timeliness,
        "knowledge" => Knowledge,
        "courtesy" => Courtesy,
        "fairness" => Fairness,
        "outcome" => Outcome,
        _ => null,
    };
}

/// <summary>
/// The citizen's survey at /f/{code}: no sign-in, server-rendered, works without JavaScript. No antiforgery token:
/// there is no session to ride on, and a token would fail for citizens whose phones refuse cookies (ADR-011).
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[EnableRateLimiting(FeedbackRateLimiting.PerAddress)]
public sealed class AnswerModel(ServeWellDbContext db, SubmitFeedback submit, StaffOnDuty staffOnDuty, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public SurveyForm Form { get; set; } = new();

    public Touchpoint? Touchpoint { get; private set; }

    public string? Place { get; private set; }

    public string? BadgeEmployee { get; private set; }

    public AskedSurvey? Survey { get; private set; }

    public IReadOnlyList<StaffChoice> Staff { get; private set; } = [];

    public static string Anchor(string field) => field.Replace("Form.", "", StringComparison.Ordinal) switch
    {
        "Overall" => "overall",
        "Email" or "Phone" or "Consent" or "ContactMe" => "contact",
        "CommendStaff" => "commend",
        "Comment" => "comment",
        _ => "main",
    };

    public async Task<IActionResult> OnGetAsync(string code, string? lang, CancellationToken cancellationToken)
    {
        if (lang is not null)
        {
            LocalizationRegistration.RememberCulture(Response, lang);
        }

        if (!await LoadAsync(code, cancellationToken))
        {
            return NotAvailable();
        }

        Form = new SurveyForm { Key = Guid.NewGuid().ToString("N"), CommendBadge = false };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code, cancellationToken))
        {
            return NotAvailable();
        }

        if (!string.IsNullOrEmpty(Form.Website))
        {
            // A bot filled the field people never see: thank it and store nothing.
            return ThankYou(code);
        }

        ModelState.Clear();
        if (Form.Overall is null)
        {
            ModelState.AddModelError("Form.Overall", l["Please choose how satisfied you are overall (1 to 5)."]);
        }

        FeedbackContact? contact = null;
        if (Form.ContactMe)
        {
            if (string.IsNullOrWhiteSpace(Form.Email) && string.IsNullOrWhiteSpace(Form.Phone))
            {
                ModelState.AddModelError("Form.Email", l["To be contacted, give an email address or a phone number."]);
            }

            if (!Form.Consent)
            {
                ModelState.AddModelError("Form.Consent", l["To be contacted, tick the box that you agree."]);
            }

            contact = new FeedbackContact(Form.Email, Form.Phone);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        // The badge's holder is named by number inside the server only; a choice from the staff on duty by id (ADR-037).
        var commend = Form.CommendBadge && BadgeEmployee is not null ? Touchpoint!.Employee!.EmployeeNumber : null;
        var staff = commend is null && Form.CommendStaff is > 0 ? Form.CommendStaff : null;
        var request = new FeedbackRequest(
            Touchpoint!.Code, Form.Overall!.Value,
            new FeedbackDrivers(Form.Timeliness, Form.Knowledge, Form.Courtesy, Form.Fairness, Form.Outcome),
            Form.Resolved is "yes" or "partly" or "no" ? Form.Resolved : null,
            Form.Comment, commend, contact, Cultures.Normalise(System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName), null,
            Form.Version, staff);
        var result = await submit.SubmitAsync(request, Form.Key, new FeedbackSource(HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown"), cancellationToken);
        if (result.Status == StatusCodes.Status400BadRequest)
        {
            foreach (var field in result.Problems!.Keys)
            {
                var (name, message) = field switch
                {
                    "commendStaff" => ("Form.CommendStaff", l["Please choose someone from the staff of this office, or choose no one."]),
                    "contact.email" => ("Form.Email", l["Please check the email address."]),
                    "contact.phone" => ("Form.Phone", l["Please check the phone number."]),
                    "comment" when Survey!.Asks("comment") => ("Form.Comment", l["The comment is too long."]),
                    "Idempotency-Key" => ("", l["Something went wrong. Please send your answer again."]),
                    _ => ("", l["Please check your answers."]),
                };
                ModelState.AddModelError(name, message);
            }

            if (ModelState.ContainsKey("") || result.Problems.ContainsKey("Idempotency-Key"))
            {
                Form.Key = Guid.NewGuid().ToString("N");
            }

            return Page();
        }

        // 201 stored, 200 a repeat of the same answer, 422 this form was already sent with other choices: all are thanked.
        return ThankYou(code);
    }

    private RedirectResult ThankYou(string code) => Redirect($"/f/{Uri.EscapeDataString(code)}/thanks");

    private PageResult NotAvailable()
    {
        Touchpoint = null;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    private async Task<bool> LoadAsync(string code, CancellationToken cancellationToken)
    {
        var normalised = code.ToLowerInvariant();
        if (!TouchpointCodes.LooksValid(normalised))
        {
            return false;
        }

        Touchpoint = await db.Touchpoints.AsNoTracking().Include(t => t.OrgUnit).Include(t => t.Service).Include(t => t.Employee)
            .FirstOrDefaultAsync(t => t.Code == normalised && t.RetiredAt == null, cancellationToken);
        if (Touchpoint is null)
        {
            return false;
        }

        var english = Cultures.ReadsEnglish;
        Place = Touchpoint.Service is { } s ? $"{Touchpoint.OrgUnit!.DisplayName(english)} · {s.DisplayName(english)}" : Touchpoint.OrgUnit!.DisplayName(english);
        Survey = await AskedSurvey.ForTouchpointAsync(db, Touchpoint.SurveyDefinitionId, cancellationToken);
        BadgeEmployee = Touchpoint.Kind == TouchpointKind.EmployeeBadge && Touchpoint.Employee is { } e ? e.Name : null;
        Staff = BadgeEmployee is null ? await staffOnDuty.AtAsync(db, Touchpoint.OrgUnitId, cancellationToken) : [];
        return true;
    }
}
