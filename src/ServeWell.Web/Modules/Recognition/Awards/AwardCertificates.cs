using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Recognition.Rounds;
using ServeWell.Web.Modules.Training.Certificates;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Mail;

namespace ServeWell.Web.Modules.Recognition.Awards;

/// <summary>
/// Training's contract for award certificates (ADR-064): the award of a certificate code, with the scheme's name, the
/// recognised month and the awardee's language, so Training's verification page and PDF show the award.
/// </summary>
internal sealed class AwardCertificates(ServeWellDbContext db, MailLanguage language) : IAwardCertificates
{
    public async Task<AwardCertificate?> FindAsync(string code, CancellationToken cancellationToken)
    {
        var row = await (from a in db.Set<Award>().AsNoTracking()
                         where a.CertificateCode == code
                         join e in db.Employees on a.EmployeeId equals e.Id
                         join r in db.Set<AwardRound>() on a.RoundId equals r.Id
                         join s in db.Set<AwardScheme>() on r.SchemeId equals s.Id
                         select new { a.CertificateCode, a.EmployeeId, e.Name, s.Name.En, s.Name.Ko, a.Month, a.AwardedAtUtc })
            .FirstOrDefaultAsync(cancellationToken);
        return row is null
            ? null
            : new AwardCertificate(row.CertificateCode, row.EmployeeId, row.Name, LocalText.Of(row.En, row.Ko), row.Month, row.AwardedAtUtc,
                await language.OfEmployeeAsync(row.EmployeeId, cancellationToken));
    }
}
