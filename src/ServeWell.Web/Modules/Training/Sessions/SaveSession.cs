using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Modules.Training.Enrolments;
using ServeWell.Web.Modules.Training.Programmes;
using ServeWell.Web.Modules.Training.Registrations;
using ServeWell.Web.Platform.Audit;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.Training.Sessions;

/// <summary>A session as the API takes it (and as the page form is turned into). Times are wall-clock times in <see cref="TimeZone"/>.</summary>
public sealed class SessionRequest
{
    /// <summary>InPerson, LiveOnline or Hybrid; the programme's delivery when absent.</summary>
    public string? Delivery { get; set; }

    /// <summary>Local start, e.g. 2027-03-02T10:00, in <see cref="TimeZone"/>.</summary>
    public DateTime? Start { get; set; }

    /// <summary>Local end, in <see cref="TimeZone"/>.</summary>
    public DateTime? End { get; set; }

    /// <summary>An IANA zone such as Asia/Seoul.</summary>
    public string? TimeZone { get; set; }

    /// <summary>{"en": "…", "ko": "…"} (ADR-030); a plain string is read in the request's language.</summary>
    public LocalText? Venue { get; set; }

    public string? JoinUrl { get; set; }

    public int? Capacity { get; set; }

    /// <summary>An internal instructor, by employee number; or leave empty and give <see cref="InstructorName"/>.</summary>
    public string? InstructorEmployeeNumber { get; set; }

    /// <summary>An external instructor's name.</summary>
    public string? InstructorName { get; set; }
}

/// <summary>Plans, changes and cancels sessions; checks everything first and writes nothing when anything is wrong.</summary>
public sealed class SaveSession(ServeWellDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l, SessionRegistrations registrations, SessionMails mails, IAuditActor actor)
{
    public const int MaxCapacity = 10000;

    /// <summary><see cref="Field"/> is the request's JSON name ("joinUrl").</summary>
    public sealed record Problem(string Field, string Message);

    public async Task<(TrainingSession? Session, IReadOnlyList<Problem> Problems)> CreateAsync(int programmeId, SessionRequest request, CancellationToken cancellationToken)
    {
        var programme = await db.Programmes.AsNoTracking().FirstOrDefaultAsync(p => p.Id == programmeId, cancellationToken);
        if (programme is null)
        {
            return (null, [new("", l["That programme does not exist."])]);
        }

        var session = new TrainingSession { ProgrammeId = programmeId, TimeZone = SessionTime.DefaultZone, CalendarUid = Guid.NewGuid() };
        var problems = await ApplyAsync(session, programme.Delivery, request, cancellationToken);
        if (problems.Count > 0)
        {
            return (null, problems);
        }

        session.CreatedAt = session.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        db.TrainingSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return (session, problems);
    }

    public async Task<(TrainingSession? Session, IReadOnlyList<Problem> Problems)> UpdateAsync(int id, SessionRequest request, CancellationToken cancellationToken)
    {
        var by = actor.Name;
        var pending = new List<SessionMail>();
        TrainingSession? session;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            // Locked first, so the check of capacity against the places taken cannot race a registration.
            await registrations.LockAsync([id], cancellationToken);
            session = await db.TrainingSessions.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
            if (session is null)
            {
                return (null, [new("", l["That session does not exist."])]);
            }

            if (session.IsCancelled)
            {
                return (null, [new("", l["A cancelled session cannot be changed."])]);
            }

            var delivery = await db.Programmes.Where(p => p.Id == session.ProgrammeId).Select(p => p.Delivery).FirstAsync(cancellationToken);
            var problems = await ApplyAsync(session, delivery, request, cancellationToken);
            if (problems.Count > 0)
            {
                return (null, problems);
            }

            // Calendar clients replace an event only by a higher SEQUENCE; saving the same values again changes nothing.
            var entry = db.Entry(session);
            if (entry.Properties.Any(p => p.IsModified) || entry.ComplexProperties.Any(c => c.IsModified))
            {
                var calendarChanged = CalendarFields.Any(f => entry.Property(f).IsModified)
                    || entry.ComplexProperty(nameof(TrainingSession.Venue)).IsModified; // a text per language (ADR-030)
                session.Sequence++;
                session.UpdatedAt = clock.GetUtcNow().UtcDateTime;
                await db.SaveChangesAsync(cancellationToken);
                if (calendarChanged)
                {
                    pending.AddRange((await db.SessionRegistrations.Where(r => r.SessionId == id && r.State == RegistrationState.Registered)
                        .Select(r => r.Id).ToListAsync(cancellationToken)).Select(r => new SessionMail(r, SessionMailKind.Update)));
                }

                // A raised capacity frees places for the waitlist.
                pending.AddRange(await registrations.PromoteAsync(id, by, cancellationToken));
            }

            await mails.EnqueueAsync(pending, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return (session, []);
    }

    /// <summary>What a calendar shows (with the venue): a change to any of these sends the registered people an update.</summary>
    private static readonly string[] CalendarFields =
    [
        nameof(TrainingSession.StartsAtUtc), nameof(TrainingSession.EndsAtUtc), nameof(TrainingSession.TimeZone),
        nameof(TrainingSession.JoinUrl), nameof(TrainingSession.InstructorName), nameof(TrainingSession.Delivery),
    ];

    /// <summary>
    /// Cancels a session; its calendar file then answers METHOD:CANCEL with the same UID and a higher SEQUENCE. Everyone
    /// with a place or in the queue is told, and their programme enrolment goes back to invited so they can choose again.
    /// </summary>
    public async Task<TrainingSession?> CancelAsync(int id, CancellationToken cancellationToken)
    {
        var by = actor.Name;
        var pending = new List<SessionMail>();
        TrainingSession? session;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await registrations.LockAsync([id], cancellationToken);
            session = await db.TrainingSessions.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
            if (session is null || session.IsCancelled)
            {
                return session;
            }

            var now = clock.GetUtcNow().UtcDateTime;
            session.CancelledAt = now;
            session.UpdatedAt = now;
            session.Sequence++;
            var active = await db.SessionRegistrations
                .Where(r => r.SessionId == id && (r.State == RegistrationState.Registered || r.State == RegistrationState.Waitlisted)).ToListAsync(cancellationToken);
            foreach (var r in active)
            {
                if (r.State == RegistrationState.Registered)
                {
                    var enrolment = await db.Enrolments.FirstAsync(e => e.Id == r.EnrolmentId, cancellationToken);
                    if (enrolment.State == EnrolmentState.Registered)
                    {
                        registrations.Move(enrolment, EnrolmentState.Invited, RegistrationReasons.SessionCancelled, now, by);
                    }
                }

                r.State = RegistrationState.Cancelled;
                r.StateReason = RegistrationReasons.SessionCancelled;
                r.StateSince = now;
                pending.Add(new(r.Id, SessionMailKind.Cancellation));
            }

            await db.SaveChangesAsync(cancellationToken);
            await mails.EnqueueAsync(pending, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return session;
    }

    private async Task<List<Problem>> ApplyAsync(TrainingSession session, Delivery programmeDelivery, SessionRequest r, CancellationToken cancellationToken)
    {
        var problems = new List<Problem>();
        Delivery? delivery = string.IsNullOrWhiteSpace(r.Delivery) ? programmeDelivery : NamedValue<Delivery>(r.Delivery);
        if (delivery is null)
        {
            problems.Add(new("delivery", l["Choose how it is delivered: InPerson, LiveOnline or Hybrid."]));
        }

        var zone = SessionTime.FindZone(r.TimeZone);
        if (zone is null)
        {
            problems.Add(new("timeZone", l["Enter a time zone by its IANA name, such as Asia/Seoul."]));
        }

        DateTime? start = null, end = null;
        if (r.Start is null)
        {
            problems.Add(new("start", l["Enter when the session starts."]));
        }
        else if (r.Start.Value.Kind != DateTimeKind.Unspecified)
        {
            // "10:00Z" or "10:00+09:00" would silently mean another wall-clock time than the zone's; say so instead.
            problems.Add(new("start", l["Give the time on the clock of the time zone, without Z or an offset (2027-03-02T10:00)."]));
        }
        else if (zone is not null && (start = SessionTime.ToUtc(r.Start.Value, zone)) is null)
        {
            problems.Add(new("start", l["That time does not exist in {0} (the clocks change).", zone.Id]));
        }

        if (r.End is null)
        {
            problems.Add(new("end", l["Enter when the session ends."]));
        }
        else if (r.End.Value.Kind != DateTimeKind.Unspecified)
        {
            problems.Add(new("end", l["Give the time on the clock of the time zone, without Z or an offset (2027-03-02T10:00)."]));
        }
        else if (zone is not null && (end = SessionTime.ToUtc(r.End.Value, zone)) is null)
        {
            problems.Add(new("end", l["That time does not exist in {0} (the clocks change).", zone.Id]));
        }
        else if (start is not null && end <= start)
        {
            problems.Add(new("end", l["The session must end after it starts."]));
        }

        var venue = LocalText.Of(r.Venue?.En, r.Venue?.Ko);
        var venueProblems = LocalTextRules.Check(venue, "venue", 300, null, l).Select(p => new Problem(p.Field, p.Message)).ToList();
        problems.AddRange(venueProblems);
        if (venueProblems.Count == 0 && venue.IsEmpty && delivery is Delivery.InPerson or Delivery.Hybrid)
        {
            problems.Add(new("venue", l["Enter the venue: the session is held in person."]));
        }

        var joinUrl = string.IsNullOrWhiteSpace(r.JoinUrl) ? null : r.JoinUrl.Trim();
        if (joinUrl is not null && (joinUrl.Length > 2000 || !Uri.TryCreate(joinUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            problems.Add(new("joinUrl", l["Enter the join link as a full web address starting with https:// or http://."]));
        }
        else if (joinUrl is null && delivery is Delivery.LiveOnline or Delivery.Hybrid)
        {
            problems.Add(new("joinUrl", l["Enter the join link: the session is held online."]));
        }

        if (r.Capacity is not { } capacity || capacity < 1 || capacity > MaxCapacity)
        {
            problems.Add(new("capacity", l["Enter the number of places, from 1 to {0}.", MaxCapacity]));
        }
        else if (session.Id != 0 && capacity < session.Capacity)
        {
            var taken = await db.SessionRegistrations.CountAsync(x => x.SessionId == session.Id && x.State == RegistrationState.Registered, cancellationToken);
            if (capacity < taken)
            {
                problems.Add(new("capacity", l["{0} people already have a place; the capacity cannot be lower than that. Move or cancel registrations first.", taken]));
            }
        }

        int? instructorId = null;
        var instructorName = string.IsNullOrWhiteSpace(r.InstructorName) ? null : r.InstructorName.Trim();
        var number = r.InstructorEmployeeNumber?.Trim();
        if (!string.IsNullOrEmpty(number))
        {
            var employee = await db.Employees.AsNoTracking().Where(e => e.EmployeeNumber == number).Select(e => new { e.Id, e.Name }).FirstOrDefaultAsync(cancellationToken);
            if (employee is null)
            {
                problems.Add(new("instructorEmployeeNumber", l["There is no employee with the number “{0}”.", number]));
            }
            else
            {
                (instructorId, instructorName) = (employee.Id, employee.Name);
            }
        }
        else if (instructorName?.Length > 120)
        {
            problems.Add(new("instructorName", l["Enter the instructor's name (at most 120 characters)."]));
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        session.Delivery = delivery!.Value;
        session.TimeZone = zone!.Id;
        session.StartsAtUtc = start!.Value;
        session.EndsAtUtc = end!.Value;
        session.Venue = venue;
        session.JoinUrl = joinUrl;
        session.Capacity = r.Capacity!.Value;
        session.InstructorEmployeeId = instructorId;
        session.InstructorName = instructorName;
        return problems;
    }

    private static T? NamedValue<T>(string? text)
        where T : struct, Enum =>
        text is { Length: > 0 } && char.IsLetter(text[0]) && Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) ? value : null;
}
