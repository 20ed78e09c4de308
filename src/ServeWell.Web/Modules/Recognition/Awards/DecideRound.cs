using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Modules.Recognition.Jury;
using ServeWell.Web.Modules.Recognition.Nominations;
using ServeWell.Web.Modules.Recognition.Rounds;
using ServeWell.Web.Modules.Training.Certificates;
using ServeWell.Web.Platform.City;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Mail;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Platform.Web;

namespace ServeWell.Web.Modules.Recognition.Awards;

public sealed record DecisionRequest(bool Approve, string? Note);

/// <summary>
/// Leadership's step (ADR-058): a scored round is approved — the first-placed finalist gets the award, a certificate code
/// on the training certificates' verification path and a mail in their language — or sent back to the jury with a note,
/// which reopens the jury for as many days as it first had. Only for rounds within the approver's scope.
/// </summary>
public sealed class DecideRound(
    ServeWellDbContext db, JuryScoring jury, MailOutbox outbox, MailLanguage language, PublicUrl urls, CityClock clock, TimeProvider time,
    IStringLocalizer<SharedResource> l)
{
    public const int MaxNote = 1000;

    public async Task<RecognitionOutcome<AwardRound>> DecideAsync(int roundId, DecisionRequest request, RecognitionActor actor, CancellationToken cancellationToken)
    {
        var round = await db.Set<AwardRound>().FirstOrDefaultAsync(r => r.Id == roundId, cancellationToken);
        if (round is null || !await CoversAsync(actor, round, cancellationToken))
        {
            return RecognitionOutcome<AwardRound>.NotFound();
        }

        if (round.Stage != RoundStage.Approval)
        {
            return RecognitionOutcome<AwardRound>.Conflict(round.Stage == RoundStage.Announced
                ? l["This round has already been approved."]
                : l["This round has not been scored yet: leadership decides once the jury has closed."]);
        }

        var note = request.Note?.Trim();
        if (note is { Length: > MaxNote } || (!request.Approve && string.IsNullOrEmpty(note)))
        {
            return RecognitionOutcome<AwardRound>.Invalid(new() { ["note"] = [l["Note: write what the jury should look at again (at most {0} characters).", MaxNote]] });
        }

        var totals = await jury.TotalsAsync(round, cancellationToken);
        if (request.Approve && (totals.Count == 0 || totals[0].Jurors == 0))
        {
            return RecognitionOutcome<AwardRound>.Conflict(l["This round has not been scored yet: no finalist has a jury score."]);
        }

        var now = time.GetUtcNow().UtcDateTime;
        db.Set<RoundDecision>().Add(new RoundDecision
        {
            RoundId = round.Id, Kind = request.Approve ? RoundDecisionKind.Approved : RoundDecisionKind.SentBack, Note = note, ByUserId = actor.UserId, ByName = actor.Name, AtUtc = now,
        });
        if (!request.Approve)
        {
            var juryDays = round.JuryClosesOn.DayNumber - round.ClosesOn.DayNumber;
            round.Stage = RoundStage.Jury;
            round.SentBackNote = note;
            round.JuryClosesOn = clock.Today.AddDays(Math.Max(1, juryDays));
            round.JuryRemindedAtUtc = null;
            await db.SaveChangesAsync(cancellationToken);
            return RecognitionOutcome<AwardRound>.Done(round);
        }

        await AwardAsync(round, totals[0].EmployeeId, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return RecognitionOutcome<AwardRound>.Done(round);
    }

    private async Task AwardAsync(AwardRound round, int employeeId, DateTime now, CancellationToken cancellationToken)
    {
        var employee = await db.Employees.AsNoTracking().SingleAsync(e => e.Id == employeeId, cancellationToken);
        // The wall tells a colleague's or supervisor's story before a citizen's, and never who told it.
        // The source is stored as text, so the order by kind is taken here, not in SQL.
        var stories = await db.Set<Nomination>().AsNoTracking()
            .Where(n => n.RoundId == round.Id && n.EmployeeId == employeeId && n.WithdrawnAtUtc == null).ToListAsync(cancellationToken);
        var story = stories.OrderBy(n => n.Source).ThenBy(n => n.CreatedAtUtc).Select(n => n.Story).FirstOrDefault() ?? "";
        var award = new Award
        {
            RoundId = round.Id, EmployeeId = employeeId, OrgUnitId = employee.OrgUnitId, Month = round.Month, Story = story,
            CertificateCode = IssueCertificate.NewCode(), AwardedAtUtc = now,
        };
        db.Set<Award>().Add(award);
        round.Stage = RoundStage.Announced;
        round.AwardeeEmployeeId = employeeId;
        round.AnnouncedAtUtc = now;
        var scheme = await db.Set<AwardScheme>().AsNoTracking().SingleAsync(s => s.Id == round.SchemeId, cancellationToken);
        var lang = await language.OfEmployeeAsync(employeeId, cancellationToken);
        var verify = urls.ForBackground("/verify/" + award.CertificateCode);
        var pdf = urls.ForBackground($"/Training/Certificates/{award.CertificateCode}/pdf");
        outbox.Add(language.Write(lang, w => new MailMessage(
            employee.Email,
            w["You are {0}: {1}", scheme.Name.For(lang), round.Label].Value,
            w["Congratulations: the jury and the city's leadership chose you as {0} for {1}, from what citizens and colleagues said of your work. Your certificate (PDF): {3} — anyone can check it is genuine at {2}. The award is in your record; it appears on the public wall of courteous employees only if you agree there.", scheme.Name.For(lang), round.Label, verify, pdf].Value)), lang);
    }

    /// <summary>The employee's own say on the public wall: shown only while they agree.</summary>
    public async Task<RecognitionOutcome<Award>> SetWallAsync(int awardId, bool show, RecognitionActor actor, CancellationToken cancellationToken)
    {
        var award = await db.Set<Award>().FirstOrDefaultAsync(a => a.Id == awardId, cancellationToken);
        if (award is null || award.EmployeeId != actor.EmployeeId)
        {
            return RecognitionOutcome<Award>.NotFound();
        }

        award.ShownOnWall = show;
        await db.SaveChangesAsync(cancellationToken);
        return RecognitionOutcome<Award>.Done(award);
    }

    /// <summary>An approver sees the rounds whose scope lies within their own scope unit.</summary>
    public async Task<bool> CoversAsync(RecognitionActor actor, AwardRound round, CancellationToken cancellationToken)
    {
        if (actor.ScopeOrgUnitId is not { } scope)
        {
            return false;
        }

        var paths = await db.OrgUnits.AsNoTracking().Where(u => u.Id == scope || u.Id == round.ScopeOrgUnitId).Select(u => new { u.Id, u.Path }).ToListAsync(cancellationToken);
        var own = paths.FirstOrDefault(p => p.Id == scope)?.Path;
        var target = paths.FirstOrDefault(p => p.Id == round.ScopeOrgUnitId)?.Path;
        return own is not null && target is not null && target.StartsWith(own, StringComparison.Ordinal);
    }
}
