using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Modules.Protection.Encounters;
using ServeWell.Web.Modules.Protection.Restrictions;
using ServeWell.Web.Platform.City;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.Protection.Support;

/// <summary>What a step did: the row it wrote, or why not (problems, or not found for a reader who may not act).</summary>
public sealed record ActionOutcome<T>(T? Row, IReadOnlyList<ProtectionProblem> Problems, bool NotFound = false)
    where T : class
{
    public bool Succeeded => Row is not null && Problems.Count == 0 && !NotFound;
}

public sealed record SupportInput(string? Kind, DateOnly? OfferedOn);

public sealed record TakeUpInput(DateOnly? TakenUpOn, DateOnly? DeclinedOn);

public sealed record LegalActionInput(string? Kind, string? Status, DateOnly? StatusOn, string? Note);

public sealed record RestrictionInput(string? Scope, string? Detail, DateOnly? StartsOn, DateOnly? EndsOn, DateOnly? ReviewOn, string? LetterLanguage);

/// <summary>
/// What the institution does after an encounter (issue 17): support offered and taken up, legal action, restrictions.
/// Supervisors over the employee, protection officers and administrators act; a restriction is the protection officers'
/// and administrators' alone. Every step is checked whole, stored in one SaveChanges and audited without the words.
/// </summary>
public sealed class ProtectionActions(ServeWellDbContext db, CityClock city, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public static readonly IReadOnlyList<Code<SupportKind>> SupportKinds =
    [
        new(SupportKind.Counselling, "counselling", "Counselling"),
        new(SupportKind.Leave, "leave", "Special leave"),
        new(SupportKind.LegalSupport, "legal-support", "Legal support"),
        new(SupportKind.AwayFromCounter, "away-from-counter", "Time away from the counter"),
    ];

    public static readonly IReadOnlyList<Code<LegalActionKind>> LegalKinds =
    [
        new(LegalActionKind.CriminalComplaint, "criminal-complaint", "Criminal complaint filed by the institution"),
        new(LegalActionKind.LegalCostsPaid, "legal-costs", "Legal costs paid by the institution"),
    ];

    public static readonly IReadOnlyList<Code<LegalActionStatus>> LegalStatuses =
    [
        new(LegalActionStatus.Planned, "planned", "Planned"),
        new(LegalActionStatus.Filed, "filed", "Filed"),
        new(LegalActionStatus.UnderInvestigation, "under-investigation", "Under investigation"),
        new(LegalActionStatus.Closed, "closed", "Closed"),
    ];

    public static readonly IReadOnlyList<Code<RestrictionScope>> Scopes =
    [
        new(RestrictionScope.Channel, "channel", "A channel"),
        new(RestrictionScope.Office, "office", "An office"),
        new(RestrictionScope.ContactPerson, "contact-person", "Only through a named contact person"),
        new(RestrictionScope.Times, "times", "Only at set times"),
        new(RestrictionScope.NoAccess, "no-access", "No access"),
    ];

    public async Task<ActionOutcome<SupportOffer>> OfferSupportAsync(int encounterId, SupportInput input, EncounterReader reader, CancellationToken cancellationToken)
    {
        if (await ActableAsync(encounterId, reader, cancellationToken) is not { } encounter)
        {
            return new(null, [], true);
        }

        var problems = new List<ProtectionProblem>();
        var kind = One(SupportKinds, input.Kind, "kind", l["Support: choose what is offered (counselling, leave, legal support, time away from the counter)."], problems);
        var on = NotFuture(input.OfferedOn, "offeredOn", l["Offered on"], problems);
        if (problems.Count > 0)
        {
            return new(null, problems);
        }

        var offer = new SupportOffer { EncounterId = encounterId, Kind = kind!.Value, OfferedOn = on!.Value, OfferedAtUtc = clock.GetUtcNow().UtcDateTime, OfferedByUserId = reader.UserId };
        db.Add(offer);
        db.Audit("support-offered", nameof(Encounter), encounter.Reference, null, new { Kind = kind.Text, OfferedOn = on });
        await db.SaveChangesAsync(cancellationToken);
        return new(offer, []);
    }

    /// <summary>The employee, or whoever acts on the encounter, records that the support was taken up or declined.</summary>
    public async Task<ActionOutcome<SupportOffer>> RecordTakeUpAsync(int encounterId, int offerId, TakeUpInput input, EncounterReader reader, CancellationToken cancellationToken)
    {
        var row = await db.ProtectionEncounters.Where(e => e.Id == encounterId).Select(e => new { e.Reference, e.EmployeeId, e.Employee!.OrgUnit!.Path }).SingleOrDefaultAsync(cancellationToken);
        var offer = await db.ProtectionSupportOffers.SingleOrDefaultAsync(o => o.Id == offerId && o.EncounterId == encounterId, cancellationToken);
        if (row is null || offer is null || reader.ViewOf(row.EmployeeId, row.Path) == EncounterView.None)
        {
            return new(null, [], true);
        }

        var problems = new List<ProtectionProblem>();
        if ((input.TakenUpOn is null) == (input.DeclinedOn is null))
        {
            problems.Add(new("takenUpOn", l["Give the day the support was taken up, or the day it was declined: one of them."]));
        }

        var day = NotFuture(input.TakenUpOn ?? input.DeclinedOn, "takenUpOn", l["Taken up on"], problems);
        if (day is { } d && d < offer.OfferedOn)
        {
            problems.Add(new("takenUpOn", l["{0} is before the support was offered ({1}).", d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), offer.OfferedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)]));
        }

        if (problems.Count > 0)
        {
            return new(null, problems);
        }

        offer.TakenUpOn = input.TakenUpOn;
        offer.DeclinedOn = input.DeclinedOn;
        db.Audit("support-answered", nameof(Encounter), row.Reference, null, new { offer.TakenUpOn, offer.DeclinedOn });
        await db.SaveChangesAsync(cancellationToken);
        return new(offer, []);
    }

    public async Task<ActionOutcome<LegalAction>> RecordLegalActionAsync(int encounterId, LegalActionInput input, EncounterReader reader, CancellationToken cancellationToken)
    {
        if (await ActableAsync(encounterId, reader, cancellationToken) is not { } encounter)
        {
            return new(null, [], true);
        }

        var problems = new List<ProtectionProblem>();
        var kind = One(LegalKinds, input.Kind, "kind", l["Legal action: choose a criminal complaint or legal costs paid."], problems);
        var status = One(LegalStatuses, input.Status ?? "planned", "status", l["Status: choose planned, filed, under investigation or closed."], problems);
        var on = NotFuture(input.StatusOn ?? city.Today, "statusOn", l["Status date"], problems);
        var note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        if (note?.Length > LegalAction.MaxNote)
        {
            problems.Add(new("note", l["The note has {0} characters; at most {1}.", note.Length, LegalAction.MaxNote]));
        }

        if (problems.Count > 0)
        {
            return new(null, problems);
        }

        var action = new LegalAction { EncounterId = encounterId, Kind = kind!.Value, Status = status!.Value, StatusOn = on!.Value, Note = note, RecordedByUserId = reader.UserId };
        db.Add(action);
        db.Audit("legal-action", nameof(Encounter), encounter.Reference, null, new { Kind = kind.Text, Status = status.Text, StatusOn = on });
        await db.SaveChangesAsync(cancellationToken);
        return new(action, []);
    }

    /// <summary>Issues a restriction on the encounter's complainant (known by their keyed hash): officers and administrators.</summary>
    public async Task<ActionOutcome<Restriction>> IssueRestrictionAsync(int encounterId, RestrictionInput input, EncounterReader reader, CancellationToken cancellationToken)
    {
        var row = await db.ProtectionEncounters.Where(e => e.Id == encounterId).Select(e => new { e, e.Employee!.OrgUnit!.Path }).SingleOrDefaultAsync(cancellationToken);
        if (row is null || reader.ViewOf(row.e.EmployeeId, row.Path) == EncounterView.None)
        {
            return new(null, [], true);
        }

        var problems = new List<ProtectionProblem>();
        if (!reader.Administrator && !reader.IsOfficerOf(row.Path))
        {
            problems.Add(new("", l["Only a protection officer or an administrator issues a restriction."]));
            return new(null, problems);
        }

        if (row.e.ComplainantKey is not { } key)
        {
            problems.Add(new("", l["The person's phone or email is not known for this encounter, so a restriction could not be recognised anywhere. Add it first."]));
        }

        var scope = One(Scopes, input.Scope, "scope", l["Restriction: choose what it limits (a channel, an office, a contact person, times, or no access)."], problems);
        var detail = input.Detail?.Trim() ?? "";
        if (detail.Length == 0)
        {
            problems.Add(new("detail", l["Say in plain words what the person may and may not do."]));
        }
        else if (detail.Length > Restriction.MaxDetail)
        {
            problems.Add(new("detail", l["The restriction's words have {0} characters; at most {1}.", detail.Length, Restriction.MaxDetail]));
        }

        var today = city.Today;
        string Day(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        if (input.StartsOn is null || input.EndsOn is null || input.ReviewOn is null)
        {
            problems.Add(new("startsOn", l["Give the first day, the last day and the review date of the restriction."]));
        }
        else
        {
            if (input.EndsOn < input.StartsOn)
            {
                problems.Add(new("endsOn", l["The restriction ends on {0}, before it starts on {1}.", Day(input.EndsOn.Value), Day(input.StartsOn.Value)]));
            }

            if (input.ReviewOn < today)
            {
                problems.Add(new("reviewOn", l["The review date {0} is in the past; today is {1}.", Day(input.ReviewOn.Value), Day(today)]));
            }
            else if (input.ReviewOn > input.EndsOn)
            {
                problems.Add(new("reviewOn", l["The review date {0} is after the restriction ends ({1}); review it before then.", Day(input.ReviewOn.Value), Day(input.EndsOn.Value)]));
            }
        }

        var language = input.LetterLanguage?.Trim().ToLowerInvariant() ?? "ko";
        if (language is not ("ko" or "en"))
        {
            problems.Add(new("letterLanguage", l["The letter's language: \"{0}\" is not ko or en.", input.LetterLanguage ?? ""]));
        }

        if (problems.Count > 0)
        {
            return new(null, problems);
        }

        var restriction = new Restriction
        {
            EncounterId = encounterId, ComplainantKey = row.e.ComplainantKey!, Scope = scope!.Value, Detail = detail, StartsOn = input.StartsOn!.Value,
            EndsOn = input.EndsOn!.Value, ReviewOn = input.ReviewOn!.Value, LetterLanguage = language, IssuedByUserId = reader.UserId,
            IssuedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(restriction);
        db.Audit("restriction-issued", nameof(Encounter), row.e.Reference, null, new { Scope = scope.Text, restriction.StartsOn, restriction.EndsOn, restriction.ReviewOn });
        await db.SaveChangesAsync(cancellationToken);
        return new(restriction, []);
    }

    private async Task<Encounter?> ActableAsync(int encounterId, EncounterReader reader, CancellationToken cancellationToken)
    {
        var row = await db.ProtectionEncounters.Where(e => e.Id == encounterId).Select(e => new { e, e.Employee!.OrgUnit!.Path }).SingleOrDefaultAsync(cancellationToken);
        return row is not null && reader.MayAct(row.e.EmployeeId, row.Path) ? row.e : null;
    }

    private Code<T>? One<T>(IReadOnlyList<Code<T>> known, string? code, string field, string message, List<ProtectionProblem> problems)
        where T : struct, Enum
    {
        var hit = known.FirstOrDefault(k => k.Text == code?.Trim());
        if (hit is null)
        {
            problems.Add(new(field, string.IsNullOrWhiteSpace(code) ? message : $"{message} (\"{code}\")"));
        }

        return hit;
    }

    private DateOnly? NotFuture(DateOnly? day, string field, string label, List<ProtectionProblem> problems)
    {
        if (day is not { } d)
        {
            problems.Add(new(field, l["{0}: give the date.", label]));
            return null;
        }

        if (d > city.Today)
        {
            problems.Add(new(field, l["{0}: {1} is in the future.", label, d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)]));
            return null;
        }

        return d;
    }
}
