using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Modules.Feedback.Intake;
using ServeWell.Web.Modules.FollowUps.Contacts;
using ServeWell.Web.Modules.People.Employees;
using ServeWell.Web.Modules.Recognition.Rounds;
using ServeWell.Web.Platform.City;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Events;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.Recognition.Nominations;

/// <summary>A staff member's nomination: the employee by number and what they did.</summary>
public sealed record StaffNominationRequest(string? EmployeeNumber, string? Story);

/// <summary>
/// A citizen's nomination from a survey's thank-you page or a green card: the office (a touchpoint's public code or the
/// office's code), the employee chosen from the office's list (id) or written, the story, and optionally a contact with consent.
/// </summary>
public sealed record PublicNominationRequest(
    string? TouchpointCode, string? OfficeCode, int? EmployeeId, string? WrittenName, string? Story, string? Language,
    string? Email, string? Phone, bool ContactConsent);

/// <summary>
/// Takes nominations into the open round whose scope holds the nominee's office (ADR-058). Each rule that fails says what
/// and why; nothing is written unless all hold. Stories are scrubbed by the one scrubber like citizens' comments.
/// </summary>
public sealed class Nominate(ServeWellDbContext db, ContactVault vault, CityClock clock, TimeProvider time, IStringLocalizer<SharedResource> l)
{
    public async Task<RecognitionOutcome<Nomination>> ByStaffAsync(StaffNominationRequest request, RecognitionActor actor, CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, List<string>>();
        var number = request.EmployeeNumber?.Trim() ?? "";
        var employee = number.Length == 0 ? null
            : await db.Employees.AsNoTracking().Include(e => e.OrgUnit).FirstOrDefaultAsync(e => e.EmployeeNumber == number, cancellationToken);
        if (employee is null)
        {
            Add(problems, "employeeNumber", l["Employee number: \"{0}\" is not on the roster.", number]);
        }
        else if (employee.Status == EmployeeStatus.Left)
        {
            Add(problems, "employeeNumber", l["Employee number: {0} has left the city's service and cannot be nominated.", number]);
        }
        else if (employee.Id == actor.EmployeeId)
        {
            Add(problems, "employeeNumber", l["Employee number: you cannot nominate yourself."]);
        }

        var story = CheckStory(request.Story, problems);
        if (problems.Count > 0)
        {
            return RecognitionOutcome<Nomination>.Invalid(problems);
        }

        var round = await OpenRoundForAsync(employee!.OrgUnit!.Path, cancellationToken);
        if (round is null)
        {
            return RecognitionOutcome<Nomination>.Conflict(l["No award round covering {0} takes nominations now.", employee.OrgUnit.DisplayName(IsEnglish)]);
        }

        var supervises = actor.IsSupervisor && actor.ScopeOrgUnitId is { } scope
            && await db.OrgUnits.AnyAsync(u => u.Id == scope && employee.OrgUnit.Path.StartsWith(u.Path), cancellationToken);
        return await SaveAsync(new Nomination
        {
            RoundId = round.Id, EmployeeId = employee.Id, OrgUnitId = employee.OrgUnitId, Source = supervises ? NominationSource.Supervisor : NominationSource.Colleague,
            NominatorUserId = actor.UserId, Story = Scrub(story!), Language = CommentRedaction.LanguageOf(story!, null), CreatedAtUtc = time.GetUtcNow().UtcDateTime,
        }, cancellationToken);
    }

    public async Task<RecognitionOutcome<Nomination>> ByCitizenAsync(PublicNominationRequest request, CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, List<string>>();
        var office = await OfficeAsync(request, cancellationToken);
        if (office is null)
        {
            Add(problems, "office", l["Office: \"{0}\" is not an office of the city.", request.TouchpointCode ?? request.OfficeCode ?? ""]);
        }

        var written = request.WrittenName?.Trim();
        if (request.EmployeeId is { } id && office is not null)
        {
            var employee = await db.Employees.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id && e.OrgUnitId == office.Id, cancellationToken);
            if (employee is null || employee.Status == EmployeeStatus.Left)
            {
                Add(problems, "employeeId", l["Employee: choose someone from this office's list, or write the name."]);
            }
        }
        else if (request.EmployeeId is null && string.IsNullOrEmpty(written))
        {
            Add(problems, "writtenName", l["Employee: choose someone from this office's list, or write the name."]);
        }
        else if (written is { Length: > Nomination.MaxWrittenName })
        {
            Add(problems, "writtenName", l["Employee's name: at most {0} characters.", Nomination.MaxWrittenName]);
        }

        var story = CheckStory(request.Story, problems);
        var email = ContactVault.Clean(request.Email);
        var phone = ContactVault.Clean(request.Phone);
        if ((email is not null || phone is not null) && !request.ContactConsent)
        {
            Add(problems, "contactConsent", l["Contact: tick the consent box to leave your contact, or leave it empty."]);
        }

        if (problems.Count > 0)
        {
            return RecognitionOutcome<Nomination>.Invalid(problems);
        }

        var round = await OpenRoundForAsync(office!.Path, cancellationToken);
        if (round is null)
        {
            return RecognitionOutcome<Nomination>.Conflict(l["No award round covering {0} takes nominations now.", office.DisplayName(IsEnglish)]);
        }

        var language = Cultures.Normalise(request.Language);
        return await SaveAsync(new Nomination
        {
            RoundId = round.Id, EmployeeId = request.EmployeeId, WrittenName = request.EmployeeId is null ? Scrub(written!) : null, OrgUnitId = office.Id,
            Source = NominationSource.Citizen, Story = Scrub(story!, language), Language = CommentRedaction.LanguageOf(story!, language),
            ProtectedContact = request.ContactConsent && (email is not null || phone is not null) ? vault.Protect(new FeedbackContact(email, phone)) : null,
            CreatedAtUtc = time.GetUtcNow().UtcDateTime,
        }, cancellationToken);
    }

    /// <summary>Withdraws a nomination with a reason: a training officer any, a staff member their own. Never deleted.</summary>
    public async Task<RecognitionOutcome<Nomination>> WithdrawAsync(int id, string? reason, RecognitionActor actor, CancellationToken cancellationToken)
    {
        var nomination = await db.Set<Nomination>().FirstOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (nomination is null || !(actor.ManagesAwards || nomination.NominatorUserId == actor.UserId))
        {
            return RecognitionOutcome<Nomination>.NotFound();
        }

        if (!nomination.IsActive)
        {
            return RecognitionOutcome<Nomination>.Conflict(l["This nomination was already withdrawn."]);
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > Nomination.MaxReason)
        {
            return RecognitionOutcome<Nomination>.Invalid(new() { ["reason"] = [l["Reason: write why the nomination is withdrawn (at most {0} characters).", Nomination.MaxReason]] });
        }

        nomination.WithdrawnAtUtc = time.GetUtcNow().UtcDateTime;
        nomination.WithdrawnBy = actor.Name;
        nomination.WithdrawalReason = Scrub(reason.Trim());
        await db.SaveChangesAsync(cancellationToken);
        return RecognitionOutcome<Nomination>.Done(nomination);
    }

    /// <summary>The round taking nominations for an office: the open round of the narrowest scheme whose scope holds it.</summary>
    public async Task<AwardRound?> OpenRoundForAsync(string officePath, CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var open = await db.Set<AwardRound>().AsNoTracking()
            .Where(r => r.Stage == RoundStage.Nominating && r.OpensOn <= today)
            .Join(db.OrgUnits, r => r.ScopeOrgUnitId, u => u.Id, (r, u) => new { Round = r, u.Path, u.Depth })
            .ToListAsync(cancellationToken);
        return open.Where(o => officePath.StartsWith(o.Path, StringComparison.Ordinal))
            .OrderByDescending(o => o.Depth).ThenByDescending(o => o.Round.Month).Select(o => o.Round).FirstOrDefault();
    }

    private Task<People.OrgUnits.OrgUnit?> OfficeAsync(PublicNominationRequest request, CancellationToken cancellationToken) =>
        OfficeAsync(db, request.TouchpointCode ?? request.OfficeCode ?? "", cancellationToken);

    /// <summary>The office a public code names: a touchpoint's public code (a survey's thank-you page) or the office's own code (a green card).</summary>
    public static Task<People.OrgUnits.OrgUnit?> OfficeAsync(ServeWellDbContext db, string code, CancellationToken cancellationToken)
    {
        var trimmed = code.Trim();
        var lower = trimmed.ToLowerInvariant();
        return db.Touchpoints.AsNoTracking().Where(t => t.Code == lower && t.RetiredAt == null).Select(t => t.OrgUnit)
            .Concat(db.OrgUnits.AsNoTracking().Where(u => u.Code == trimmed && u.IsActive))
            .FirstOrDefaultAsync(cancellationToken);
    }

    private string? CheckStory(string? story, Dictionary<string, List<string>> problems)
    {
        var text = story?.Trim() ?? "";
        if (text.Length == 0)
        {
            Add(problems, "story", l["Story: write what the employee did."]);
        }
        else if (text.Length > Nomination.MaxStory)
        {
            Add(problems, "story", l["Story: at most {0} characters (this one has {1}).", Nomination.MaxStory, text.Length]);
        }

        return text;
    }

    private async Task<RecognitionOutcome<Nomination>> SaveAsync(Nomination nomination, CancellationToken cancellationToken)
    {
        db.Set<Nomination>().Add(nomination);
        await db.SaveChangesAsync(cancellationToken);
        return RecognitionOutcome<Nomination>.Done(nomination);
    }

    /// <summary>Like a citizen's comment (ADR-052): numbers and contacts removed; the names the story is about stay.</summary>
    private static string Scrub(string text, string? language = null) => CommentRedaction.Clean(text, language) ?? "";

    private static bool IsEnglish => System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    private static void Add(Dictionary<string, List<string>> problems, string field, string message)
    {
        if (!problems.TryGetValue(field, out var list))
        {
            problems[field] = list = [];
        }

        list.Add(message);
    }
}
