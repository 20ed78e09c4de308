using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Modules.Recognition.Candidates;
using ServeWell.Web.Modules.Recognition.Jury;
using ServeWell.Web.Platform.City;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Jobs;
using ServeWell.Web.Platform.Mail;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Platform.Web;

namespace ServeWell.Web.Modules.Recognition.Rounds;

/// <summary>
/// Moves every round along by the city's calendar (ADR-058): opens the month's round on the scheme's day, closes
/// nominations when the next round opens (freezing candidates and finalists, mailing the jurors), reminds jurors who
/// have not finished the day before the jury closes, and hands a scored round to leadership (mailing the approvers).
/// A round the jury has not scored stays with the jury. Idempotent: running it twice on the same day changes nothing.
/// </summary>
public sealed class RoundSchedule(
    ServeWellDbContext db, RoundCandidates candidates, MailOutbox outbox, MailLanguage language, PublicUrl urls, CityClock clock)
{
    public async Task<int> MoveAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = clock.DateOf(now);
        var utc = now.UtcDateTime;
        var moved = 0;
        var schemes = await db.Set<AwardScheme>().AsNoTracking().Where(s => s.IsActive).ToListAsync(cancellationToken);
        foreach (var scheme in schemes)
        {
            var thisMonth = new DateOnly(today.Year, today.Month, 1);
            foreach (var month in new[] { thisMonth.AddMonths(-1), thisMonth })
            {
                var opens = AwardRound.OpeningOf(scheme, month);
                if (opens <= today && today < AwardRound.OpeningOf(scheme, month.AddMonths(1))
                    && !await db.Set<AwardRound>().AnyAsync(r => r.SchemeId == scheme.Id && r.Month == month, cancellationToken))
                {
                    db.Set<AwardRound>().Add(AwardRound.Open(scheme, month, utc));
                    await db.SaveChangesAsync(cancellationToken);
                    moved++;
                }
            }
        }

        foreach (var round in await db.Set<AwardRound>().Where(r => r.Stage == RoundStage.Nominating && r.ClosesOn <= today).OrderBy(r => r.Month).ToListAsync(cancellationToken))
        {
            await candidates.FreezeAsync(round, cancellationToken);
            round.Stage = RoundStage.Jury;
            round.ClosedAtUtc = utc;
            await MailJurorsAsync(round, onlyUnfinished: false, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            moved++;
        }

        foreach (var round in await db.Set<AwardRound>().Where(r => r.Stage == RoundStage.Jury).ToListAsync(cancellationToken))
        {
            if (round.JuryClosesOn <= today && await db.Set<JuryScore>().AnyAsync(s => s.RoundId == round.Id && s.WithdrawnAtUtc == null, cancellationToken))
            {
                round.Stage = RoundStage.Approval;
                round.JuryClosedAtUtc = utc;
                await MailApproversAsync(round, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                moved++;
            }
            else if (round.JuryClosesOn.AddDays(-1) <= today && round.JuryRemindedAtUtc is null)
            {
                round.JuryRemindedAtUtc = utc;
                await MailJurorsAsync(round, onlyUnfinished: true, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        return moved;
    }

    private async Task MailJurorsAsync(AwardRound round, bool onlyUnfinished, CancellationToken cancellationToken)
    {
        var jurors = await db.Set<Juror>().AsNoTracking().Where(j => j.RoundId == round.Id && (!onlyUnfinished || j.SubmittedAtUtc == null))
            .Join(db.Users, j => j.UserId, u => u.Id, (j, u) => new { u.Email, u.PreferredCulture }).ToListAsync(cancellationToken);
        var link = urls.ForBackground($"/Recognition/Rounds/{round.Id}");
        var due = round.JuryClosesOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var juror in jurors.Where(j => j.Email is not null))
        {
            var lang = language.Of(juror.PreferredCulture);
            outbox.Add(language.Write(lang, l => new MailMessage(juror.Email!,
                l["Courtesy award {0}: please score the finalists", round.Label].Value,
                l["You are on the jury of the courtesy award {0}. Please score each finalist by {1} ({2}): {3}", round.Label, due, clock.ZoneName, link].Value)), lang);
        }
    }

    private async Task MailApproversAsync(AwardRound round, CancellationToken cancellationToken)
    {
        var scopePath = await db.OrgUnits.Where(u => u.Id == round.ScopeOrgUnitId).Select(u => u.Path).SingleAsync(cancellationToken);
        var leaders = await (from u in db.Users
                             join ur in db.UserRoles on u.Id equals ur.UserId
                             join r in db.Roles on ur.RoleId equals r.Id
                             join scope in db.OrgUnits on u.ScopeOrgUnitId equals scope.Id
                             where r.Name == Roles.Leadership && u.Email != null
                             select new { u.Email, u.PreferredCulture, scope.Path }).AsNoTracking().ToListAsync(cancellationToken);
        var link = urls.ForBackground($"/Recognition/Rounds/{round.Id}");
        foreach (var leader in leaders.Where(x => scopePath.StartsWith(x.Path, StringComparison.Ordinal)))
        {
            var lang = language.Of(leader.PreferredCulture);
            outbox.Add(language.Write(lang, l => new MailMessage(leader.Email!,
                l["Courtesy award {0}: the jury has scored, your approval is needed", round.Label].Value,
                l["The jury of the courtesy award {0} has finished. Please approve the result or send it back with a note: {1}", round.Label, link].Value)), lang);
        }
    }
}

/// <summary>Moves award rounds along once an hour, on one node of the cluster (the lease).</summary>
internal sealed class RoundScheduleJob(IServiceScopeFactory scopes, TimeProvider time, ILogger<RoundScheduleJob> logger)
    : LeasedPeriodicJob(scopes, time, logger)
{
    public const string LeaseName = "recognition-rounds";

    protected override string Lease => LeaseName;

    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override TimeSpan Look => TimeSpan.FromMinutes(5);

    protected override Task RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<RoundSchedule>().MoveAsync(services.GetRequiredService<TimeProvider>().GetUtcNow(), cancellationToken);
}
