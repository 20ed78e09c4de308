using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Mail;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Platform.Web;

namespace ServeWell.Web.Modules.Training.Compliance;

/// <summary>
/// Mails everyone overdue or due within 30 days in a compliance view: one mail per person, in their own language (else
/// the city's). The mails and the audit entry are saved together, into the outbox (ADR-031).
/// </summary>
public sealed class SendComplianceReminders(ServeWellDbContext db, MailOutbox outbox, MailLanguage language, PublicUrl publicUrl)
{
    public async Task<int> SendAsync(ComplianceResult result, HttpRequest request, CancellationToken cancellationToken)
    {
        var due = result.Rows.Where(r => r.Status is ComplianceStatus.Overdue or ComplianceStatus.DueSoon).GroupBy(r => r.EmployeeId).ToList();
        var languageOf = await language.OfEmployeesAsync(due.Select(g => g.Key).ToList(), cancellationToken);
        var link = publicUrl.For(request, "/Training/Record");
        var sent = 0;
        foreach (var person in due)
        {
            var first = person.First();
            var lang = languageOf(person.Key);
            var (subject, body) = Compose(person.ToList(), lang, link);
            outbox.Add(new MailMessage(first.Email, subject, body), lang);
            sent++;
        }

        var supervisors = await RemindSupervisorsAsync(result.Rows.Where(r => r.Status == ComplianceStatus.Overdue).ToList(), link, cancellationToken);
        db.Audit("reminders sent", "Compliance", $"programme {result.ProgrammeId?.ToString(CultureInfo.InvariantCulture) ?? "all"}, unit {result.OrgUnitCode ?? "all"}", null, new { sent, supervisors });
        await db.SaveChangesAsync(cancellationToken);
        return sent;
    }

    /// <summary>Each supervisor whose scope holds overdue people gets one list of them, in the supervisor's language.</summary>
    private async Task<int> RemindSupervisorsAsync(IReadOnlyList<ComplianceRow> overdue, string link, CancellationToken cancellationToken)
    {
        if (overdue.Count == 0)
        {
            return 0;
        }

        var ids = overdue.Select(r => r.EmployeeId).Distinct().ToList();
        var paths = await db.Employees.AsNoTracking().Where(e => ids.Contains(e.Id)).Select(e => new { e.Id, e.OrgUnit!.Path }).ToDictionaryAsync(e => e.Id, e => e.Path, cancellationToken);
        var supervisors = await (
            from u in db.Users
            join ur in db.UserRoles on u.Id equals ur.UserId
            join role in db.Roles on ur.RoleId equals role.Id
            where role.Name == Roles.Supervisor && u.ScopeOrgUnitId != null && u.Email != null
            select new { Email = u.Email!, u.PreferredCulture, u.ScopeOrgUnit!.Path }).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var supervisor in supervisors)
        {
            var theirs = overdue.Where(r => paths.TryGetValue(r.EmployeeId, out var path) && path.StartsWith(supervisor.Path, StringComparison.Ordinal)).ToList();
            if (theirs.Count == 0)
            {
                continue;
            }

            var lang = language.Of(supervisor.PreferredCulture);
            var (subject, body) = language.Write(lang, l =>
            {
                var text = new StringBuilder().Append(l["These people in your unit are overdue with their training:"]).Append('\n');
                foreach (var r in theirs)
                {
                    text.Append("- ").Append(r.Name).Append(" (").Append(r.EmployeeNumber).Append("): ").Append(r.Programme).Append(", ")
                        .Append(l["overdue since {0}", r.DueDate?.ToString("D", CultureInfo.CurrentCulture) ?? ""]).Append('\n');
                }

                text.Append('\n').Append(link.Replace("/Training/Record", "/Training/Compliance", StringComparison.Ordinal)).Append('\n');
                return (l["Overdue training in your unit"].Value, text.ToString());
            });
            outbox.Add(new MailMessage(supervisor.Email, subject, body), lang);
            sent++;
        }

        return sent;
    }

    private (string Subject, string Body) Compose(IReadOnlyList<ComplianceRow> rows, string culture, string link) =>
        language.Write(culture, l =>
        {
            var body = new StringBuilder();
            body.Append(l["Hello {0},", rows[0].Name]).Append("\n\n").Append(l["This training is due:"]).Append('\n');
            foreach (var r in rows)
            {
                var when = r.DueDate?.ToString("D", CultureInfo.CurrentCulture) ?? "";
                body.Append("- ").Append(r.Programme).Append(": ")
                    .Append(r.Status == ComplianceStatus.Overdue ? l["overdue since {0}", when] : l["due on {0}", when]).Append('\n');
            }

            body.Append('\n').Append(l["See your training and choose a session:"]).Append('\n').Append(link).Append('\n');
            return (l["Training reminder"].Value, body.ToString());
        });
}
