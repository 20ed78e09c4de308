using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Modules.People.Employees;
using ServeWell.Web.Modules.Protection.Complainants;
using ServeWell.Web.Modules.Protection.Evidence;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Privacy;

namespace ServeWell.Web.Modules.Protection.Encounters;

/// <summary>
/// What logging or correcting did: the encounter, or the problems with the input (nothing stored then). Conflict: the
/// correction was made on an older version of the record (someone else corrected it meanwhile), nothing stored.
/// </summary>
public sealed record EncounterOutcome(
    Encounter? Encounter, IReadOnlyList<ProtectionProblem> Problems, bool Forbidden = false, bool NotFound = false, bool Conflict = false)
{
    public bool Succeeded => Encounter is not null && Problems.Count == 0 && !Forbidden && !NotFound && !Conflict;
}

/// <summary>
/// Logs an encounter (issue 17): checks every field and says what is wrong with each, scrubs the words for readers other
/// than the employee and the officers, turns the complainant's contact into a keyed hash, and tells the supervisors and
/// protection officers by mail — the encounter, its audit entry and the mail commit together or not at all.
/// </summary>
public sealed class LogEncounter(
    ServeWellDbContext db, PersonalDataScrubber scrubber, ComplainantKeys keys, EncounterNotices notices, EvidenceLocker locker, TimeProvider clock,
    Platform.City.CityClock city, IStringLocalizer<SharedResource> l)
{
    /// <summary>The audit action of a correction of the record.</summary>
    public const string CorrectedAuditAction = "corrected";

    /// <summary>Clocks of phones and servers differ a little: "now" on the phone is not refused as the future.</summary>
    private static readonly TimeSpan ClockSlack = TimeSpan.FromMinutes(5);

    public async Task<EncounterOutcome> LogAsync(EncounterInput input, EncounterReader reader, CancellationToken cancellationToken) =>
        await LogAsync(input, [], reader, cancellationToken);

    public async Task<EncounterOutcome> LogAsync(EncounterInput input, IReadOnlyList<EvidenceUpload> evidence, EncounterReader reader, CancellationToken cancellationToken)
    {
        var problems = new List<ProtectionProblem>();
        var employee = await EmployeeAsync(input.EmployeeNumber, reader, problems, cancellationToken);
        if (employee is not null && !reader.MayLogFor(employee.Id, employee.OrgUnit!.Path))
        {
            return new(null, [new("employee", l["You may log an encounter for yourself, or as a supervisor or protection officer for staff of your units."])], Forbidden: true);
        }

        var record = await CheckAsync(input.Record, employee?.OrgUnitId, words: true, problems, cancellationToken);
        var complainant = await keys.KeyOfAsync(input.ComplainantContact, cancellationToken);
        if (complainant is null && !string.IsNullOrWhiteSpace(input.ComplainantContact))
        {
            problems.Add(new("complainantContact", l["The person's contact: give a phone number or an email address, or leave it empty."]));
        }

        var (files, evidenceProblems) = await locker.CheckAsync(evidence, 0, cancellationToken);
        problems.AddRange(evidenceProblems);
        if (problems.Count > 0 || employee is null || record.OfficeId is null)
        {
            return new(null, problems);
        }

        var now = clock.GetUtcNow();
        var encounter = new Encounter
        {
            Reference = "ENC-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant(),
            EmployeeId = employee.Id,
            OfficeId = record.OfficeId.Value,
            OccurredAtUtc = record.OccurredAtUtc!.Value,
            Channel = record.Channel!.Value,
            Kinds = record.Kinds,
            Actions = record.Actions,
            Description = record.Description!,
            DescriptionScrubbed = await ScrubAsync(record.Description!, cancellationToken),
            Injury = record.Injury,
            InjuryScrubbed = record.Injury is null ? null : await ScrubAsync(record.Injury, cancellationToken),
            LoggedByUserId = reader.UserId,
            LoggedAtUtc = now.UtcDateTime,
            ComplainantKey = complainant,
        };
        db.Add(encounter);
        db.Audit("created", nameof(Encounter), encounter.Reference, null, AuditOf(encounter));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken); // the encounter's id, for the evidence and the link in the mail
        locker.Attach(encounter, files, reader.UserId, 0);
        await notices.AddAsync(encounter, employee, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new(encounter, []);
    }

    /// <summary>
    /// Corrects the record (ADR-062, addendum): when, where, the channel, the kinds, the actions on the spot and — for who
    /// reads the words as written — the description and the injury, checked exactly as logging checks them and stored all
    /// together or not at all. The words are scrubbed again when they change. Audited as "corrected" with each coded field
    /// old → new and only that the words changed, never the words. 404 (NotFound) for who may not read it, 403
    /// (Forbidden) for a reader who may not correct it. <paramref name="version"/>: the version the corrector opened
    /// (ADR-062, 13); when someone else corrected the record since, nothing is stored and the outcome is a Conflict — as
    /// when two corrections are saved at the same moment. Null: no version given (an API client that sends no If-Match).
    /// </summary>
    public async Task<EncounterOutcome> CorrectAsync(int id, EncounterRecord input, int? version, EncounterReader reader, CancellationToken cancellationToken)
    {
        var row = await db.ProtectionEncounters.Where(e => e.Id == id)
            .Select(e => new { e, e.Employee!.OrgUnit!.Path, e.Employee.OrgUnitId }).SingleOrDefaultAsync(cancellationToken);
        if (row is null || reader.ViewOf(row.e.EmployeeId, row.Path) == EncounterView.None)
        {
            return new(null, [], NotFound: true);
        }

        var e = row.e;
        if (!reader.MayCorrect(e.EmployeeId, row.Path, e.LoggedByUserId))
        {
            return new(null, [new("", l["Only the employee, whoever logged the encounter and the protection officer correct its record."])], Forbidden: true);
        }

        if (version is { } opened && opened != e.Version)
        {
            return Conflicted();
        }

        var problems = new List<ProtectionProblem>();
        var words = reader.MayCorrectWords(e.EmployeeId, row.Path);
        if (!words)
        {
            if (input.Description is not null)
            {
                problems.Add(new("description", l["The description: only the employee and the protection officer correct the words as written; leave it out."]));
            }

            if (input.Injury is not null)
            {
                problems.Add(new("injury", l["The injury: only the employee and the protection officer correct the words as written; leave it out."]));
            }
        }

        var record = await CheckAsync(input, row.OrgUnitId, words, problems, cancellationToken);
        if (problems.Count > 0)
        {
            return new(null, problems);
        }

        var before = new Dictionary<string, object?>(StringComparer.Ordinal);
        var after = new Dictionary<string, object?>(StringComparer.Ordinal);
        void Changed(string field, object? old, object? now)
        {
            if (!Equals(old, now))
            {
                before[field] = old;
                after[field] = now;
            }
        }

        // The form gives minutes: the same minute is no change, so an unchanged form keeps the seconds the API gave.
        var at = record.OccurredAtUtc!.Value;
        var stored = DateTime.SpecifyKind(e.OccurredAtUtc, DateTimeKind.Utc);
        if (at.Ticks / TimeSpan.TicksPerMinute != stored.Ticks / TimeSpan.TicksPerMinute)
        {
            Changed(nameof(Encounter.OccurredAtUtc), stored, at);
            e.OccurredAtUtc = at;
        }

        Changed("OrgUnitId", e.OfficeId, record.OfficeId!.Value);
        Changed(nameof(Encounter.Channel), EncounterCodes.Of(e.Channel), EncounterCodes.Of(record.Channel!.Value));
        Changed(nameof(Encounter.Kinds), string.Join(", ", EncounterCodes.Of(e.Kinds)), string.Join(", ", EncounterCodes.Of(record.Kinds)));
        Changed(nameof(Encounter.Actions), string.Join(", ", EncounterCodes.Of(e.Actions)), string.Join(", ", EncounterCodes.Of(record.Actions)));
        e.OfficeId = record.OfficeId.Value;
        e.Channel = record.Channel.Value;
        e.Kinds = record.Kinds;
        e.Actions = record.Actions;
        if (words && record.Description != e.Description)
        {
            after["DescriptionChanged"] = true;
            e.Description = record.Description!;
            e.DescriptionScrubbed = await ScrubAsync(e.Description, cancellationToken);
        }

        if (words && record.Injury != e.Injury)
        {
            after["InjuryChanged"] = true;
            e.Injury = record.Injury;
            e.InjuryScrubbed = record.Injury is null ? null : await ScrubAsync(record.Injury, cancellationToken);
        }

        if (after.Count > 0)
        {
            e.Version++;
            db.Audit(CorrectedAuditAction, nameof(Encounter), e.Reference, before.Count > 0 ? before : null, after);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another correction was saved between reading the record and saving this one: neither it nor its entry is stored.
                db.ChangeTracker.Clear();
                return Conflicted();
            }
        }

        return new(e, []);
    }

    private EncounterOutcome Conflicted() =>
        new(null, [new("version", l["Someone else corrected this record since you opened it. Reload it to see their correction, then correct it again."])], Conflict: true);

    /// <summary>What the audit log keeps of an encounter: never its words.</summary>
    public static object AuditOf(Encounter e) => new
    {
        e.EmployeeId, OrgUnitId = e.OfficeId, e.OccurredAtUtc, Channel = EncounterCodes.Of(e.Channel),
        Kinds = string.Join(", ", EncounterCodes.Of(e.Kinds)), Actions = string.Join(", ", EncounterCodes.Of(e.Actions)),
    };

    private async Task<Employee?> EmployeeAsync(string? number, EncounterReader reader, List<ProtectionProblem> problems, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(number))
        {
            if (reader.EmployeeId is not { } own)
            {
                problems.Add(new("employee", l["Whose encounter is it? Your account has no employee record; give the employee number."]));
                return null;
            }

            return await db.Employees.Include(e => e.OrgUnit).SingleAsync(e => e.Id == own, cancellationToken);
        }

        var employee = await db.Employees.Include(e => e.OrgUnit).SingleOrDefaultAsync(e => e.EmployeeNumber == number.Trim(), cancellationToken);
        if (employee is null)
        {
            problems.Add(new("employee", l["Employee: \"{0}\" is not an employee number.", number]));
        }

        return employee;
    }

    /// <summary>
    /// Checks the record's fields exactly as logging does, each problem naming its field; <paramref name="words"/>: the
    /// description and the injury are checked (and given) too. An empty office is the employee's own unit.
    /// </summary>
    private async Task<CheckedRecord> CheckAsync(EncounterRecord input, int? employeeUnitId, bool words, List<ProtectionProblem> problems, CancellationToken cancellationToken)
    {
        var officeId = await OfficeAsync(input.Office, employeeUnitId, problems, cancellationToken);
        DateTime? occurredAt = null;
        if (input.OccurredAt is not { } at)
        {
            problems.Add(new("occurredAt", l["When did it happen? Give the date and time."]));
        }
        else if (at > clock.GetUtcNow() + ClockSlack)
        {
            problems.Add(new("occurredAt", l["When: {0} is in the future; an encounter is logged after it happened.", city.Format(at, System.Globalization.CultureInfo.InvariantCulture)]));
        }
        else
        {
            occurredAt = at.UtcDateTime;
        }

        var channel = EncounterCodes.Channels.FirstOrDefault(c => c.Text == input.Channel?.Trim());
        if (channel is null)
        {
            problems.Add(new("channel", string.IsNullOrWhiteSpace(input.Channel)
                ? l["Channel: choose how it happened (visit, phone, online or written)."]
                : l["Channel: \"{0}\" is not one of visit, phone, online, written.", input.Channel]));
        }

        var (kinds, unknownKinds) = EncounterCodes.Parse(EncounterCodes.Kinds, input.Kinds);
        problems.AddRange(unknownKinds.Select(k => new ProtectionProblem("kinds", l["What happened: \"{0}\" is not a kind of encounter.", k])));
        if (kinds == EncounterKinds.None && unknownKinds.Count == 0)
        {
            problems.Add(new("kinds", l["What happened: choose at least one."]));
        }

        var (actions, unknownActions) = EncounterCodes.Parse(EncounterCodes.Actions, input.Actions);
        problems.AddRange(unknownActions.Select(a => new ProtectionProblem("actions", l["What was done: \"{0}\" is not an action on the spot.", a])));
        if (!words)
        {
            return new(occurredAt, officeId, channel?.Value, kinds, actions, null, null);
        }

        var description = input.Description?.Trim() ?? "";
        if (description.Length == 0)
        {
            problems.Add(new("description", l["Describe what happened, in a few words."]));
        }
        else if (description.Length > Encounter.MaxDescription)
        {
            problems.Add(new("description", l["The description has {0} characters; at most {1}.", description.Length, Encounter.MaxDescription]));
        }

        var injury = string.IsNullOrWhiteSpace(input.Injury) ? null : input.Injury.Trim();
        if (injury?.Length > Encounter.MaxInjury)
        {
            problems.Add(new("injury", l["The injury has {0} characters; at most {1}.", injury.Length, Encounter.MaxInjury]));
        }

        return new(occurredAt, officeId, channel?.Value, kinds, actions, description, injury);
    }

    private async Task<string> ScrubAsync(string text, CancellationToken cancellationToken) =>
        (await scrubber.ScrubAsync(text, null, PersonalData.All, cancellationToken)).Text;

    private async Task<int?> OfficeAsync(string? code, int? employeeUnitId, List<ProtectionProblem> problems, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return employeeUnitId;
        }

        var id = await db.OrgUnits.Where(u => u.Code == code.Trim() && u.IsActive).Select(u => (int?)u.Id).FirstOrDefaultAsync(cancellationToken);
        if (id is null)
        {
            problems.Add(new("office", l["Where: \"{0}\" is not the code of an office.", code]));
        }

        return id;
    }

    private sealed record CheckedRecord(
        DateTime? OccurredAtUtc, int? OfficeId, EncounterChannel? Channel, EncounterKinds Kinds, SpotActions Actions, string? Description, string? Injury);
}
