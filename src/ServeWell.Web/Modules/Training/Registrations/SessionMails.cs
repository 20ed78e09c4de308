using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using ServeWell.Web.Modules.Training.Sessions;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Mail;
using ServeWell.Web.Platform.Web;

namespace ServeWell.Web.Modules.Training.Registrations;

public enum SessionMailKind
{
    /// <summary>A place is confirmed (METHOD:REQUEST).</summary>
    Confirmation,

    /// <summary>The session was full; the person is on its waitlist (no calendar entry yet).</summary>
    Waitlisted,

    /// <summary>A place freed and the person moved up from the waitlist (METHOD:REQUEST).</summary>
    Promoted,

    /// <summary>The session changed (METHOD:REQUEST, same UID, higher SEQUENCE).</summary>
    Update,

    /// <summary>The session or the person's place in it was cancelled (METHOD:CANCEL).</summary>
    Cancellation,

    /// <summary>The day before (METHOD:REQUEST).</summary>
    Reminder,
}

/// <summary>A mail to send about one registration, once the change that calls for it is committed.</summary>
public sealed record SessionMail(int RegistrationId, SessionMailKind Kind);

/// <summary>
/// Writes the training mails in the recipient's language (their account's, else the city's: ADR-031) with an
/// iCalendar attachment that calendars understand: the session's UID and current SEQUENCE (ADR-009). The mails go into
/// the outbox of the caller's DbContext, so the caller's transaction commits them with the change they report.
/// </summary>
public sealed class SessionMails(
    ServeWellDbContext db, MailOutbox outbox, MailLanguage language, PublicUrl publicUrl, IOptions<MailOptions> mailOptions,
    TimeProvider clock, IHttpContextAccessor http)
{
    /// <summary>Adds the mails to the outbox and saves; call it inside the transaction of the change, before it commits.</summary>
    public async Task EnqueueAsync(IEnumerable<SessionMail> mails, CancellationToken cancellationToken)
    {
        foreach (var m in mails)
        {
            await AddOneAsync(m, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The invitation to a programme: a link to choose a session, and its coming sessions as a calendar to look at (PUBLISH).</summary>
    public async Task EnqueueInvitationAsync(int enrolmentId, CancellationToken cancellationToken)
    {
        var row = await db.Enrolments.AsNoTracking().Where(e => e.Id == enrolmentId)
            .Join(db.Employees, e => e.EmployeeId, p => p.Id, (e, p) => new { e.ProgrammeId, p.Id, p.Name, p.Email })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return;
        }

        var programme = await db.Programmes.AsNoTracking().Where(p => p.Id == row.ProgrammeId).Select(p => new { p.Title, p.Description, p.DueDate }).FirstAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var sessions = await db.TrainingSessions.AsNoTracking()
            .Where(s => s.ProgrammeId == row.ProgrammeId && s.CancelledAt == null && s.StartsAtUtc > now).OrderBy(s => s.StartsAtUtc).Take(20).ToListAsync(cancellationToken);
        var link = Url("/Training/My");
        var lang = await language.OfEmployeeAsync(row.Id, cancellationToken);
        var (subject, body, calendar) = language.Write(lang, l =>
        {
            var text = new StringBuilder();
            text.Append(l["Hello {0},", row.Name]).Append("\n\n")
                .Append(l["You are enrolled in the training programme “{0}”.", programme.Title]).Append("\n\n");
            if (sessions.Count > 0)
            {
                text.Append(l["Choose the session that suits you on your training page"]).Append(":\n").Append(link).Append("\n\n")
                    .Append(l["Sessions to choose from"]).Append(":\n");
                foreach (var s in sessions)
                {
                    text.Append("- ").Append(SessionRow.Of(s).When).Append(s.Venue.IsEmpty ? "" : " · " + s.Venue).Append('\n');
                }
            }
            else
            {
                text.Append(l["Sessions will be announced; you can follow them on your training page"]).Append(":\n").Append(link).Append('\n');
            }

            var ics = sessions.Count == 0 ? null : SessionCalendar.Write(
                sessions.Select(s => (s, programme.Title.ToString(), programme.Description.ToString(), new Uri(link))).ToList(), now, "PUBLISH", null, null);
            return (l["Training: {0} — choose a session", programme.Title].Value, text.ToString(), ics);
        });
        outbox.Add(new MailMessage(row.Email, subject, body, null, calendar is null ? null : [Ics(calendar, "PUBLISH")]), lang);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task AddOneAsync(SessionMail m, CancellationToken cancellationToken)
    {
        var row = await db.SessionRegistrations.AsNoTracking().Where(r => r.Id == m.RegistrationId)
            .Join(db.Employees, r => r.EmployeeId, e => e.Id, (r, e) => new { Registration = r, e.Name, e.Email })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return;
        }

        var r = row.Registration;
        var session = await db.TrainingSessions.AsNoTracking().FirstAsync(s => s.Id == r.SessionId, cancellationToken);
        var programme = await db.Programmes.AsNoTracking().Where(p => p.Id == session.ProgrammeId).Select(p => new { p.Title, p.Description }).FirstAsync(cancellationToken);
        var position = m.Kind == SessionMailKind.Waitlisted
            ? await db.SessionRegistrations.CountAsync(x => x.SessionId == r.SessionId && x.State == RegistrationState.Waitlisted
                && (x.AskedAt < r.AskedAt || (x.AskedAt == r.AskedAt && x.Id <= r.Id)), cancellationToken)
            : 0;
        var page = Url("/Training/My");
        var join = session.JoinUrl is null ? null : Url("/join/" + r.JoinToken);
        var method = m.Kind switch
        {
            SessionMailKind.Cancellation => "CANCEL",
            SessionMailKind.Waitlisted => null,
            _ => "REQUEST",
        };
        var organizer = MailboxAddress.TryParse(mailOptions.Value.From, out var from) ? from.Address : null;
        var now = clock.GetUtcNow().UtcDateTime;

        var lang = await language.OfEmployeeAsync(r.EmployeeId, cancellationToken);
        var (subject, body, calendar) = language.Write(lang, l =>
        {
            var time = SessionRow.Of(session).When;
            var (subjectText, opening) = m.Kind switch
            {
                SessionMailKind.Confirmation => (l["Registered: {0}", programme.Title], l["Your place in this session is confirmed."]),
                SessionMailKind.Waitlisted => (l["Waitlist: {0}", programme.Title], l["The session is full. You are number {0} on its waitlist; we will write as soon as a place is yours.", position]),
                SessionMailKind.Promoted => (l["A place is yours: {0}", programme.Title], l["A place became free and it is now yours."]),
                SessionMailKind.Update => (l["Changed: {0}", programme.Title], l["The session has changed. Here are its new details."]),
                SessionMailKind.Cancellation => (l["Cancelled: {0}", programme.Title],
                    session.IsCancelled ? l["The session has been cancelled. Please choose another session on your training page."] : l["Your place in this session has been cancelled."]),
                _ => (l["Tomorrow: {0}", programme.Title], l["A reminder: your session is tomorrow."]),
            };
            var text = new StringBuilder();
            text.Append(l["Hello {0},", row.Name]).Append("\n\n").Append(opening).Append("\n\n")
                .Append(l["Programme"]).Append(": ").Append(programme.Title).Append('\n')
                .Append(l["When"]).Append(": ").Append(time).Append('\n');
            if (!session.Venue.IsEmpty)
            {
                text.Append(l["Venue"]).Append(": ").Append(session.Venue).Append('\n');
            }

            if (join is not null && m.Kind != SessionMailKind.Cancellation)
            {
                text.Append(l["Your personal join link"]).Append(": ").Append(join).Append('\n');
            }

            if (session.InstructorName is not null)
            {
                text.Append(l["Instructor"]).Append(": ").Append(session.InstructorName).Append('\n');
            }

            text.Append('\n').Append(l["Your training page"]).Append(": ").Append(page).Append('\n');
            var description = new StringBuilder(programme.Description.ToString());
            if (join is not null)
            {
                description.Append(description.Length > 0 ? "\n\n" : "").Append(l["Your personal join link"]).Append(": ").Append(join);
            }

            var ics = method is null ? null : SessionCalendar.Write([(session, programme.Title.ToString(), description.ToString(), new Uri(page))], now, method, organizer, row.Email);
            return (subjectText.Value, text.ToString(), ics);
        });

        outbox.Add(new MailMessage(row.Email, subject, body, null, calendar is null ? null : [Ics(calendar, method!)]), lang);
    }

    private static MailAttachment Ics(string calendar, string method) =>
        new(method == "CANCEL" ? "cancel.ics" : "invite.ics", $"text/calendar; method={method}; charset=utf-8", Encoding.UTF8.GetBytes(calendar));

    private string Url(string path) => http.HttpContext?.Request is { } request ? publicUrl.For(request, path) : publicUrl.ForBackground(path);
}
