using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Modules.People.Employees;
using ServeWell.Web.Modules.Protection.Complainants;
using ServeWell.Web.Modules.Protection.Evidence;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Privacy;

namespace ServeWell.Web.Modules.Protection.Encounters;

/// <summary>What logging did: the encounter, or the problems with the input (nothing stored then).</summary>
public sealed record EncounterOutcome(Encounter? Encounter, IReadOnlyList<ProtectionProblem> Problems, bool Forbidden = false)
{
    public bool Succeeded => Encounter is not null && Problems.Count == 0 && !Forbidden;
}

/// <summary>
/// Logs an encounter (issue 17): checks every field and says what is wrong with each, scrubs the words for readers other
/// than the employee and the officers, turns the complainant's contact into a keyed hash, and tells the supervisors and
/// protection officers by mail — the encounter, its audit entry and the mail commit together or not at all.
/// </summary>
public sealed class LogEncounter(
    ServeWellDbContext db, PersonalDataScrubber scrubber, ComplainantKeys keys, EncounterNotices notices, EvidenceLocker locker, TimeProvider clock,
    IStringLocalizer<SharedResource> l)
{
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

        var officeId = await OfficeAsync(input.Office, employee, problems, cancellationToken);
        var now = clock.GetUtcNow();
        if (input.OccurredAt is not { } at)
        {
            problems.Add(new("occurredAt", l["When did it happen? Give the date and time."]));
        }
        else if (at > now + ClockSlack)
        {
            problems.Add(new("occurredAt", l["When: {0} is in the future; an encounter is logged after it happened.", at.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)]));
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

        var complainant = await keys.KeyOfAsync(input.ComplainantContact, cancellationToken);
        if (complainant is null && !string.IsNullOrWhiteSpace(input.ComplainantContact))
        {
            problems.Add(new("complainantContact", l["The person's contact: give a phone number or an email address, or leave it empty."]));
        }

        var (files, evidenceProblems) = await locker.CheckAsync(evidence, 0, cancellationToken);
        problems.AddRange(evidenceProblems);
        if (problems.Count > 0 || employee is null || officeId is null)
        {
            return new(null, problems);
        }

        var encounter = new Encounter
        {
            Reference = "ENC-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant(),
            EmployeeId = employee.Id,
            OfficeId = officeId.Value,
            OccurredAtUtc = input.OccurredAt!.Value.UtcDateTime,
            Channel = channel!.Value,
            Kinds = kinds,
            Actions = actions,
            Description = description,
            DescriptionScrubbed = (await scrubber.ScrubAsync(description, null, PersonalData.All, cancellationToken)).Text,
            Injury = injury,
            InjuryScrubbed = injury is null ? null : (await scrubber.ScrubAsync(injury, null, PersonalData.All, cancellationToken)).Text,
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
    /// Completes or corrects the description (a flagged encounter starts with the citizen's words, ADR-062): only the
    /// employee and the protection officers, who read the words as written; scrubbed again for the others; audited without the words.
    /// </summary>
    public async Task<EncounterOutcome> DescribeAsync(int id, string? text, EncounterReader reader, CancellationToken cancellationToken)
    {
        var row = await db.ProtectionEncounters.Where(e => e.Id == id).Select(e => new { e, e.Employee!.OrgUnit!.Path }).SingleOrDefaultAsync(cancellationToken);
        if (row is null || reader.ViewOf(row.e.EmployeeId, row.Path) != EncounterView.Full)
        {
            return new(null, [], Forbidden: true);
        }

        var description = text?.Trim() ?? "";
        if (description.Length == 0)
        {
            return new(null, [new("description", l["Describe what happened, in a few words."])]);
        }

        if (description.Length > Encounter.MaxDescription)
        {
            return new(null, [new("description", l["The description has {0} characters; at most {1}.", description.Length, Encounter.MaxDescription])]);
        }

        row.e.Description = description;
        row.e.DescriptionScrubbed = (await scrubber.ScrubAsync(description, null, PersonalData.All, cancellationToken)).Text;
        db.Audit("described", nameof(Encounter), row.e.Reference, null, new { Length = description.Length });
        await db.SaveChangesAsync(cancellationToken);
        return new(row.e, []);
    }

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

    private async Task<int?> OfficeAsync(string? code, Employee? employee, List<ProtectionProblem> problems, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return employee?.OrgUnitId;
        }

        var id = await db.OrgUnits.Where(u => u.Code == code.Trim() && u.IsActive).Select(u => (int?)u.Id).FirstOrDefaultAsync(cancellationToken);
        if (id is null)
        {
            problems.Add(new("office", l["Where: \"{0}\" is not the code of an office.", code]));
        }

        return id;
    }
}
