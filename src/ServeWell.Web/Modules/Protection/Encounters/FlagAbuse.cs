using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Modules.Feedback.Intake;
using ServeWell.Web.Modules.Feedback.Revisions;
using ServeWell.Web.Modules.FollowUps.Cases;
using ServeWell.Web.Modules.FollowUps.Contacts;
using ServeWell.Web.Modules.People.Employees;
using ServeWell.Web.Modules.Protection.Complainants;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Privacy;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Protection.Encounters;

/// <summary>What a flag did: the encounter it opened, or the one an earlier flag opened (<paramref name="Existing"/>), or why not.</summary>
public sealed record FlagOutcome(Encounter? Encounter, bool Existing, IReadOnlyList<ProtectionProblem> Problems, bool NotFound = false)
{
    public bool Succeeded => Encounter is not null && Problems.Count == 0 && !NotFound;
}

/// <summary>
/// Flags a follow-up case or a citizen answer as abusive (issue 17, ADR-062): opens an encounter linked to it, with the
/// complainant's keyed hash from the case's contact, and tells the supervisors and officers as any encounter does. An
/// answer is also excluded from the figures through the one exclusion path (reason "abusive", audited, the rollups
/// re-queued), in the same transaction as the encounter. Flagging again opens nothing and gives the first encounter.
/// </summary>
public sealed class FlagAbuse(
    ServeWellDbContext db, FollowUpDetails cases, ReviseFeedback revise, StaffScope staffScope, ContactVault vault, ComplainantKeys keys,
    PersonalDataScrubber scrubber, EncounterNotices notices, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public const string FlagAuditAction = "flagged";

    /// <summary>Flags a case the caller may handle; the encounter is the handler's (or, with no handler on record, the caller's).</summary>
    public async Task<FlagOutcome> FlagCaseAsync(int caseId, ClaimsPrincipal user, EncounterReader reader, CancellationToken cancellationToken)
    {
        var view = await cases.FindAsync(caseId, user, cancellationToken);
        if (view is null || !view.MayHandle)
        {
            return new(null, false, [], NotFound: true);
        }

        if (await db.ProtectionEncounters.FirstOrDefaultAsync(e => e.FollowUpCaseId == caseId, cancellationToken) is { } earlier)
        {
            return new(earlier, true, []);
        }

        var c = view.Case;
        var handlerEmployee = c.AssignedUserId is { } assigned
            ? await db.Users.Where(u => u.Id == assigned).Select(u => u.EmployeeId).FirstOrDefaultAsync(cancellationToken) : null;
        if ((handlerEmployee ?? reader.EmployeeId) is not { } employeeId)
        {
            return new(null, false, [new("employee", l["Nobody with an employee record handles this case, so the encounter has no one to belong to. Log it under Staff protection with the employee's number."])]);
        }

        var encounter = await NewAsync(employeeId, c.OrgUnitId, c.AnsweredAtUtc, c.Comment, l["Flagged as abusive from follow-up case {0}.", c.Id], reader, cancellationToken);
        encounter.FollowUpCaseId = c.Id;
        encounter.ComplainantKey = await ComplainantKeyOfCaseAsync(c.Id, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await StoreAsync(encounter, new { FollowUpCase = c.Id }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new(encounter, false, []);
    }

    /// <summary>
    /// Flags an answer in the caller's revision scope: excludes it from the figures (unless it already is) and opens an
    /// encounter for the employee named by number, or the caller's own when none is given.
    /// </summary>
    public async Task<FlagOutcome> FlagAnswerAsync(long answerId, string? employeeNumber, ClaimsPrincipal user, EncounterReader reader, CancellationToken cancellationToken)
    {
        var scope = await staffScope.GetAsync(cancellationToken);
        if (!ReviseFeedback.MayRevise(user) || await revise.FindAsync(answerId, scope, cancellationToken) is null)
        {
            return new(null, false, [], NotFound: true);
        }

        if (await db.ProtectionEncounters.FirstOrDefaultAsync(e => e.FeedbackAnswerId == answerId, cancellationToken) is { } earlier)
        {
            return new(earlier, true, []);
        }

        var employee = await EmployeeAsync(employeeNumber, reader, cancellationToken);
        if (employee.Problem is { } problem)
        {
            return new(null, false, [problem]);
        }

        var answer = await db.FeedbackAnswers.IgnoreQueryFilters().AsNoTracking().Where(a => a.Id == answerId)
            .Select(a => new { a.OrgUnitId, a.AnsweredAt, a.Comment }).SingleAsync(cancellationToken);
        var caseId = await db.Set<FollowUpCase>().Where(c => c.AnswerId == answerId).Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken);
        var encounter = await NewAsync(employee.Id, answer.OrgUnitId, DateTime.SpecifyKind(answer.AnsweredAt, DateTimeKind.Utc), answer.Comment,
            l["Flagged as abusive from a citizen's answer."], reader, cancellationToken);
        encounter.FeedbackAnswerId = answerId;
        encounter.ComplainantKey = caseId is { } id ? await ComplainantKeyOfCaseAsync(id, cancellationToken) : null;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Excluded first: the exclusion clears the change tracker. "Already excluded" is no failure: the answer is out of the figures either way.
        var excluded = await revise.ExcludeAsync(answerId, nameof(ExclusionReason.Abusive), l["Flagged as abusive: encounter {0}", encounter.Reference], scope, user, cancellationToken);
        if (excluded.Outcome is not (RevisionOutcome.Done or RevisionOutcome.Conflict))
        {
            return new(null, false, [], NotFound: true);
        }

        await StoreAsync(encounter, new { FeedbackAnswer = answerId, Excluded = excluded.Outcome == RevisionOutcome.Done }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new(encounter, false, []);
    }

    /// <summary>The keyed hash of the case's complainant: the phone if given, else the email; decrypted in memory only, never shown or stored.</summary>
    public async Task<IReadOnlyList<string>> ComplainantKeysOfCaseAsync(int caseId, CancellationToken cancellationToken)
    {
        var stored = await db.Set<FollowUpContact>().AsNoTracking().Where(x => x.CaseId == caseId).Select(x => x.Protected).FirstOrDefaultAsync(cancellationToken);
        if (stored is null)
        {
            return [];
        }

        var contact = vault.Unprotect(stored);
        var found = new List<string>();
        foreach (var text in new[] { contact.Phone, contact.Email })
        {
            if (await keys.KeyOfAsync(text, cancellationToken) is { } key)
            {
                found.Add(key);
            }
        }

        return found;
    }

    private async Task<string?> ComplainantKeyOfCaseAsync(int caseId, CancellationToken cancellationToken) =>
        (await ComplainantKeysOfCaseAsync(caseId, cancellationToken)).FirstOrDefault();

    private async Task<(int Id, ProtectionProblem? Problem)> EmployeeAsync(string? number, EncounterReader reader, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(number))
        {
            return reader.EmployeeId is { } own ? (own, null)
                : (0, new("employee", l["Whose encounter is it? Your account has no employee record; give the employee number."]));
        }

        var employee = await db.Employees.AsNoTracking().Where(e => e.EmployeeNumber == number.Trim()).Select(e => new { e.Id, e.OrgUnit!.Path }).FirstOrDefaultAsync(cancellationToken);
        if (employee is null)
        {
            return (0, new("employee", l["Employee: \"{0}\" is not an employee number.", number]));
        }

        return reader.Administrator || reader.MayLogFor(employee.Id, employee.Path) ? (employee.Id, null)
            : (0, new("employee", l["You may log an encounter for yourself, or as a supervisor or protection officer for staff of your units."]));
    }

    /// <summary>
    /// The encounter a flag opens: the citizen's words (already redacted at intake) as its description, to be completed on
    /// its page; "in writing" when there are words, "online" when only scores; verbal abuse until someone says more.
    /// </summary>
    private async Task<Encounter> NewAsync(int employeeId, int officeId, DateTime occurredAtUtc, string? comment, string lead, EncounterReader reader, CancellationToken cancellationToken)
    {
        var description = string.IsNullOrWhiteSpace(comment) ? lead : $"{lead}\n\n“{comment.Trim()}”";
        if (description.Length > Encounter.MaxDescription)
        {
            description = description[..Encounter.MaxDescription];
        }

        return new Encounter
        {
            Reference = "ENC-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant(),
            EmployeeId = employeeId,
            OfficeId = officeId,
            OccurredAtUtc = occurredAtUtc,
            Channel = string.IsNullOrWhiteSpace(comment) ? EncounterChannel.Online : EncounterChannel.Written,
            Kinds = EncounterKinds.VerbalAbuse,
            Description = description,
            DescriptionScrubbed = (await scrubber.ScrubAsync(description, null, PersonalData.All, cancellationToken)).Text,
            LoggedByUserId = reader.UserId,
            LoggedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
    }

    /// <summary>The encounter, its audit entries and the mail to its supervisors and officers, in the caller's transaction.</summary>
    private async Task StoreAsync(Encounter encounter, object flagged, CancellationToken cancellationToken)
    {
        db.Add(encounter);
        db.Audit("created", nameof(Encounter), encounter.Reference, null, LogEncounter.AuditOf(encounter));
        db.Audit(FlagAuditAction, nameof(Encounter), encounter.Reference, null, flagged);
        await db.SaveChangesAsync(cancellationToken);   // the id, for the link in the mail
        var employee = await db.Employees.Include(e => e.OrgUnit).SingleAsync(e => e.Id == encounter.EmployeeId, cancellationToken);
        await notices.AddAsync(encounter, employee, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }
}
