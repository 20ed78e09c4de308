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
    /// <param name="now">The instant to act at (the job: now).</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <param name="schemeId">Only this scheme's rounds (an officer's "run now"); all when null.</param>
    /// <returns>How many rounds were opened or moved to the next stage.</returns>
    public async Task<int> MoveAsync(DateTimeOffset now, CancellationToken cancellationToken, int? schemeId = null)
    {
        var today = clock.DateOf(now);
        var utc = now.UtcDateTime;
        var moved = 0;
        var schemes = await db.Set<AwardScheme>().AsNoTracking().Where(s => s.IsActive && (schemeId == null || s.Id == schemeId)).ToListAsync(cancellationToken);
        foreach (var scheme in schemes)
        {
            var thisMonth = new DateOnly(today.Year, today.Month, 1);
            foreach (var month in new[] { thisMonth.AddMonths(-1), thisMonth })
            {
                var opens = AwardRound.OpeningOf(scheme, month);
                if (opens <= today && today < AwardRound.OpeningOf(scheme, month.AddMonths(1))
                    && !await db.Set<AwardRound>().AnyAsync(r => r.SchemeId == scheme.Id && r.Month == month, cancellationToken))
                {
                    moved += await OpenAsync(AwardRound.Open(scheme, month, utc), cancellationToken);
                }
            }
        }

        var rounds = db.Set<AwardRound>().Where(r => schemeId == null || r.SchemeId == schemeId);
        foreach (var round in await rounds.Where(r => r.Stage == RoundStage.Nominating && r.ClosesOn <= today).OrderBy(r => r.Month).ToListAsync(cancellationToken))
        {
            moved += await StepAsync(round, RoundStage.Nominating, RoundStage.Jury, async () =>
            {
                await candidates.FreezeAsync(round, cancellationToken);
                round.ClosedAtUtc = utc;
                await MailJurorsAsync(round, onlyUnfinished: false, cancellationToken);
            }, cancellationToken);
        }

        foreach (var round in await rounds.Where(r => r.Stage == RoundStage.Jury).ToListAsync(cancellationToken))
        {
            if (round.JuryClosesOn <= today && await db.Set<JuryScore>().AnyAsync(s => s.RoundId == round.Id && s.WithdrawnAtUtc == null, cancellationToken))
            {
                moved += await StepAsync(round, RoundStage.Jury, RoundStage.Approval, async () =>
                {
                    round.JuryClosedAtUtc = utc;
                    await MailApproversAsync(round, cancellationToken);
                }, cancellationToken);
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

    /// <summary>Opens a round; if another node opened it a moment before (the unique month per scheme), leaves it at that.</summary>
    private async Task<int> OpenAsync(AwardRound round, CancellationToken cancellationToken)
    {
        db.Set<AwardRound>().Add(round);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return 1;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return 0;
        }
    }

    /// <summary>
    /// Moves a round from one stage to the next in one transaction whose first write claims the move: a second node
    /// (or a second run) finds the stage already changed and does nothing, so candidates are frozen and mails sent once.
    /// </summary>
    private async Task<int> StepAsync(AwardRound round, RoundStage from, RoundStage to, Func<Task> work, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.Set<AwardRound>().Where(r => r.Id == round.Id && r.Stage == from)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Stage, to), cancellationToken);
        if (claimed == 0)
        {
            return 0;
        }

        // The work reads the round as it was (candidates are ranked live while nominating), then the stage moves.
        await work();
        round.Stage = to;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return 1;
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
