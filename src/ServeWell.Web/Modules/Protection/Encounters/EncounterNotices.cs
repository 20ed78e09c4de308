using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.FollowUps.Cases;
using ServeWell.Web.Modules.People.Employees;
using ServeWell.Web.Platform.City;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Mail;
using ServeWell.Web.Platform.Web;

namespace ServeWell.Web.Modules.Protection.Encounters;

/// <summary>
/// Tells the employee's nearest supervisors and the protection officers over their unit at once, each in their own
/// language (ADR-031). The mail names the employee, the office, the day and the kinds, never the description: it goes
/// into the outbox of the caller's context, so it commits with the encounter.
/// </summary>
public sealed class EncounterNotices(ServeWellDbContext db, Supervisors supervisors, MailOutbox outbox, MailLanguage language, CityClock city, PublicUrl publicUrl)
{
    public sealed record Recipient(string UserId, string Email, string? PreferredCulture);

    public async Task AddAsync(Encounter encounter, Employee employee, CancellationToken cancellationToken)
    {
        var unitPath = employee.OrgUnit!.Path;
        var office = await db.OrgUnits.AsNoTracking().SingleAsync(u => u.Id == encounter.OfficeId, cancellationToken);
        var recipients = (await supervisors.NearestAsync(unitPath, cancellationToken)).Select(s => new Recipient(s.UserId, s.Email, s.PreferredCulture))
            .Concat(await OfficersOverAsync(unitPath, cancellationToken))
            .Where(r => r.UserId != encounter.LoggedByUserId)
            .DistinctBy(r => r.UserId)
            .ToList();
        var link = publicUrl.ForBackground($"/Protection/Encounters/{encounter.Id}");
        foreach (var r in recipients)
        {
            var lang = language.Of(r.PreferredCulture);
            var (subject, body) = language.Write(lang, l =>
            {
                var english = lang == "en";
                var day = city.DateOf(new DateTimeOffset(encounter.OccurredAtUtc, TimeSpan.Zero)).ToString("D", CultureInfo.CurrentCulture);
                var kinds = string.Join(", ", EncounterCodes.LabelsOf(encounter.Kinds).Select(k => l[k].Value));
                return ((string)l["Staff protection: {0} logged an abusive encounter", employee.Name],
                    $"{l["{0} went through an abusive encounter at {1} on {2}: {3}.", employee.Name, office.DisplayName(english), day, kinds]}\n" +
                    $"{l["Please offer support today, and record what was offered:"]}\n\n{link}\n");
            });
            outbox.Add(new MailMessage(r.Email, subject, body), lang);
        }
    }

    /// <summary>The accounts designated protection officer for the unit at <paramref name="unitPath"/> or a unit above it.</summary>
    public async Task<IReadOnlyList<Recipient>> OfficersOverAsync(string unitPath, CancellationToken cancellationToken)
    {
        var rows = await (from o in db.Set<ProtectionOfficer>()
                          join u in db.Users on o.UserId equals u.Id
                          where u.Email != null
                          select new { o.OrgUnit!.Path, u.Id, u.Email, u.PreferredCulture })
            .AsNoTracking().ToListAsync(cancellationToken);
        return [.. rows.Where(r => unitPath.StartsWith(r.Path, StringComparison.Ordinal)).Select(r => new Recipient(r.Id, r.Email!, r.PreferredCulture))];
    }
}
