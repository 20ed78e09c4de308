using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Modules.Protection.Cases;
using ServeWell.Web.Modules.Protection.Evidence;
using ServeWell.Web.Modules.Protection.Restrictions;
using ServeWell.Web.Modules.Protection.Support;
using ServeWell.Web.Platform.Audit;
using ServeWell.Web.Platform.City;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Layout;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Protection.Encounters;

/// <summary>
/// One encounter as the reader may see it (ADR-059), opening it audited; and what supervisors and protection officers do
/// on it: offer support, record legal action, issue a restriction and make its letter.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class EncounterModel(
    ServeWellDbContext db, EncounterBook book, EvidenceLocker locker, ProtectionActions actions, RestrictionLetter letter, EncounterCaseDraft drafts,
    LogEncounter log, IAuditHistory history, CityClock city, IStringLocalizer<SharedResource> l) : PageModel
{
    public EncounterSeen Seen { get; private set; } = null!;

    public EncounterReader Reader { get; private set; } = null!;

    public IReadOnlyList<EncounterEvidence> Evidence { get; private set; } = [];

    public IReadOnlyList<SupportOffer> Support { get; private set; } = [];

    public IReadOnlyList<LegalAction> Legal { get; private set; } = [];

    public IReadOnlyList<Restriction> Restrictions { get; private set; } = [];

    /// <summary>The corrections of the record, newest first, without the words (ADR-062, 13): for everyone who reads it.</summary>
    public IReadOnlyList<AuditHistoryLine> Corrections { get; private set; } = [];

    public bool MayAct => Reader.MayAct(Seen.Encounter.EmployeeId, Seen.EmployeeUnitPath);

    /// <summary>Only the employee lets their encounter become a practice case (ADR-062), once.</summary>
    public bool MayConsent => Seen.Encounter.EmployeeId == Reader.EmployeeId && Seen.Encounter.PracticeCaseId is null;

    /// <summary>Set while the page asks the employee to confirm their consent.</summary>
    public Confirmation? AskConsent { get; private set; }

    public bool MayRestrict => Seen.Encounter.ComplainantKey is not null && (Reader.Administrator || Reader.IsOfficerOf(Seen.EmployeeUnitPath));

    [BindProperty]
    public string? SupportKind { get; set; }

    [BindProperty]
    public DateOnly? OfferedOn { get; set; }

    [BindProperty]
    public RestrictionForm Restriction { get; set; } = new();

    [BindProperty]
    public string? LetterName { get; set; }

    /// <summary>The correction of the record as posted; filled from the encounter when the page opens.</summary>
    [BindProperty]
    public CorrectionForm Correction { get; set; } = new();

    /// <summary>The offices the record may name, as on the log form.</summary>
    public IReadOnlyList<(string Code, string Name)> Offices { get; private set; } = [];

    /// <summary>Who corrects the record (ADR-062, addendum): the employee, whoever logged it, the protection officers.</summary>
    public bool MayCorrect => Reader.MayCorrect(Seen.Encounter.EmployeeId, Seen.EmployeeUnitPath, Seen.Encounter.LoggedByUserId);

    /// <summary>Whether the correction touches the words: only who reads them as written.</summary>
    public bool MayCorrectWords => Reader.MayCorrectWords(Seen.Encounter.EmployeeId, Seen.EmployeeUnitPath);

    /// <summary>Whether the correction form opens at once: after a refused correction, or on a flagged encounter not yet corrected.</summary>
    public bool CorrectionOpen { get; private set; }

    public DateOnly Today => city.Today;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        Reader = await EncounterReader.ForAsync(User, db, cancellationToken);
        if (await book.ReadAsync(id, Reader, cancellationToken) is not { } seen)
        {
            return NotFound();
        }

        Seen = seen;
        OfferedOn = city.Today;
        Restriction = new RestrictionForm { StartsOn = city.Today, EndsOn = city.Today.AddMonths(6), ReviewOn = city.Today.AddMonths(3) };
        await LoadAsync(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetConsentAsync(int id, CancellationToken cancellationToken)
    {
        Reader = await EncounterReader.ForAsync(User, db, cancellationToken);
        if (await book.FindAsync(id, Reader, cancellationToken) is not { } seen)
        {
            return NotFound();
        }

        Seen = seen;
        if (!MayConsent)
        {
            return Redirect($"/Protection/Encounters/{id}");
        }

        AskConsent = new(
            l["Let this encounter become a practice case?"],
            [
                l["A draft case is made for the case library from the description with names, numbers and contacts removed; your name is not in it."],
                l["You read and complete the draft, then send it to review as any case. Your consent is recorded and cannot be taken back, but you may withdraw the case."],
            ],
            l["Let it become a practice case"], $"/Protection/Encounters/{id}?handler=Consent", $"/Protection/Encounters/{id}", l["Back to the encounter"]);
        return Page();
    }

    public async Task<IActionResult> OnPostConsentAsync(int id, bool confirmed, CancellationToken cancellationToken)
    {
        if (!confirmed)
        {
            return Redirect($"/Protection/Encounters/{id}?handler=Consent");
        }

        Reader = await EncounterReader.ForAsync(User, db, cancellationToken);
        var outcome = await drafts.ConsentAsync(id, Reader, User, cancellationToken);
        if (outcome.NotFound)
        {
            return NotFound();
        }

        if (outcome.Forbidden)
        {
            return Forbid();
        }

        if (!outcome.Succeeded)
        {
            foreach (var p in outcome.Problems)
            {
                ModelState.AddModelError("consent", p.Message);
            }

            return await RedisplayAsync(id, cancellationToken);
        }

        TempData.Saved(l["A draft case is made from the encounter, without names. Read it, add what others can learn from it, and send it to review."]);
        return Redirect($"/Practice/Cases/Edit/{outcome.Case!.Id}");
    }

    public async Task<IActionResult> OnPostCorrectAsync(int id, CancellationToken cancellationToken)
    {
        Reader = await EncounterReader.ForAsync(User, db, cancellationToken);
        DateTimeOffset? at = Correction.Date is { } d ? city.StartOf(d) + (Correction.Time ?? TimeOnly.MinValue).ToTimeSpan() : null;
        var outcome = await log.CorrectAsync(id, Correction.ToRecord(at), Correction.Version, Reader, cancellationToken);
        if (outcome.NotFound)
        {
            return NotFound();
        }

        if (outcome.Forbidden)
        {
            return Forbid();
        }

        if (outcome.Conflict)
        {
            // The form keeps what was typed, and the version it was opened on: saving it again is refused until reloaded.
            ModelState.AddModelError(CorrectionForm.KeyOf(""), outcome.Problems[0].Message);
            return await RedisplayAsync(id, cancellationToken);
        }

        if (outcome.Succeeded)
        {
            TempData.Saved(l["The record of the encounter is corrected."]);
            return Redirect($"/Protection/Encounters/{id}");
        }

        foreach (var p in outcome.Problems)
        {
            ModelState.AddModelError(CorrectionForm.KeyOf(p.Field), p.Message);
        }

        return await RedisplayAsync(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostSupportAsync(int id, CancellationToken cancellationToken) =>
        await StepAsync(id, r => actions.OfferSupportAsync(id, new SupportInput(SupportKind, OfferedOn), r, cancellationToken), l["The support offered is recorded."], "support", cancellationToken);

    public async Task<IActionResult> OnPostRestrictionAsync(int id, CancellationToken cancellationToken) =>
        await StepAsync(id, r => actions.IssueRestrictionAsync(id, Restriction.ToInput(), r, cancellationToken), l["The restriction is issued. Make its letter below."], "restriction", cancellationToken);

    public async Task<IActionResult> OnPostLetterAsync(int id, int restrictionId, CancellationToken cancellationToken)
    {
        Reader = await EncounterReader.ForAsync(User, db, cancellationToken);
        var (pdf, problems) = await letter.RenderAsync(id, restrictionId, LetterName, Reader, cancellationToken);
        if (pdf is not null)
        {
            return File(pdf, "application/pdf", $"restriction-{restrictionId}.pdf");
        }

        if (problems.Count == 0)
        {
            return NotFound();
        }

        foreach (var p in problems)
        {
            ModelState.AddModelError(nameof(LetterName), p.Message);
        }

        return await RedisplayAsync(id, cancellationToken);
    }

    private async Task<IActionResult> StepAsync<T>(int id, Func<EncounterReader, Task<ActionOutcome<T>>> step, string saved, string prefix, CancellationToken cancellationToken)
        where T : class
    {
        Reader = await EncounterReader.ForAsync(User, db, cancellationToken);
        var outcome = await step(Reader);
        if (outcome.NotFound)
        {
            return NotFound();
        }

        if (outcome.Succeeded)
        {
            TempData.Saved(saved);
            return Redirect($"/Protection/Encounters/{id}");
        }

        foreach (var p in outcome.Problems)
        {
            ModelState.AddModelError(p.Field.Length == 0 ? prefix : $"{prefix}.{p.Field}", p.Message);
        }

        return await RedisplayAsync(id, cancellationToken);
    }

    private async Task<IActionResult> RedisplayAsync(int id, CancellationToken cancellationToken)
    {
        if (await book.FindAsync(id, Reader, cancellationToken) is not { } seen)
        {
            return NotFound();
        }

        Seen = seen;
        await LoadAsync(id, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(int id, CancellationToken cancellationToken)
    {
        Corrections = await history.ReadAsync(nameof(Encounter), Seen.Encounter.Reference, LogEncounter.CorrectedAuditAction, cancellationToken);
        if (MayCorrect)
        {
            var english = Cultures.ReadsEnglish;
            Offices = [.. (await db.OrgUnits.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.Path).ToListAsync(cancellationToken)).Select(u => (u.Code, u.DisplayName(english)))];
            var e = Seen.Encounter;
            var posted = Request.HasFormContentType && Request.Form.ContainsKey("Correction.Channel");
            CorrectionOpen = posted || ((e.FollowUpCaseId is not null || e.FeedbackAnswerId is not null) && Corrections.Count == 0);
            if (!posted)
            {
                var local = city.Local(new DateTimeOffset(DateTime.SpecifyKind(e.OccurredAtUtc, DateTimeKind.Utc)));
                var office = await db.OrgUnits.Where(u => u.Id == e.OfficeId).Select(u => u.Code).FirstOrDefaultAsync(cancellationToken);
                Correction = new CorrectionForm
                {
                    Date = DateOnly.FromDateTime(local.DateTime), Time = new TimeOnly(local.Hour, local.Minute), Office = office,
                    Channel = EncounterCodes.Of(e.Channel), Kinds = [.. EncounterCodes.Of(e.Kinds)], Actions = [.. EncounterCodes.Of(e.Actions)],
                    Description = MayCorrectWords ? e.Description : null, Injury = MayCorrectWords ? e.Injury : null, Version = e.Version,
                };
            }
        }

        Evidence = await locker.ListAsync(id, cancellationToken);
        Support = await db.ProtectionSupportOffers.AsNoTracking().Where(s => s.EncounterId == id).OrderBy(s => s.Id).ToListAsync(cancellationToken);
        Legal = await db.ProtectionLegalActions.AsNoTracking().Where(s => s.EncounterId == id).OrderBy(s => s.Id).ToListAsync(cancellationToken);
        Restrictions = await db.ProtectionRestrictions.AsNoTracking().Where(s => s.EncounterId == id).OrderBy(s => s.Id).ToListAsync(cancellationToken);
    }
}

/// <summary>A restriction as the form posts it.</summary>
public sealed class RestrictionForm
{
    public string? Scope { get; set; }

    public string? Detail { get; set; }

    public DateOnly? StartsOn { get; set; }

    public DateOnly? EndsOn { get; set; }

    public DateOnly? ReviewOn { get; set; }

    public string? LetterLanguage { get; set; } = "ko";

    public RestrictionInput ToInput() => new(Scope, Detail, StartsOn, EndsOn, ReviewOn, LetterLanguage);
}

/// <summary>The correction of an encounter's record as the form posts it; the words only from who reads them as written.</summary>
public sealed class CorrectionForm
{
    public DateOnly? Date { get; set; }

    public TimeOnly? Time { get; set; }

    public string? Office { get; set; }

    public string? Channel { get; set; }

    public List<string> Kinds { get; set; } = [];

    public List<string> Actions { get; set; } = [];

    public string? Description { get; set; }

    public string? Injury { get; set; }

    /// <summary>The version of the record the form was opened on (ADR-062, 13); null from a form without it.</summary>
    public int? Version { get; set; }

    public EncounterRecord ToRecord(DateTimeOffset? at) => new(at, Office, Channel, Kinds, Actions, Description, Injury);

    /// <summary>The form's key of a problem's field ("occurredAt" → "Correction.Date").</summary>
    public static string KeyOf(string field) => field switch
    {
        "" => "Correction",
        "occurredAt" => "Correction." + nameof(Date),
        _ => "Correction." + char.ToUpperInvariant(field[0]) + field[1..],
    };
}
