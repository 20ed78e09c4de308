using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServeWell.Web.Modules.People.Employees;
using ServeWell.Web.Modules.People.OrgUnits;
using ServeWell.Web.Modules.Recognition.Awards;
using ServeWell.Web.Modules.Recognition.Candidates;
using ServeWell.Web.Modules.Recognition.Jury;
using ServeWell.Web.Modules.Recognition.Nominations;
using ServeWell.Web.Modules.Recognition.Rounds;
using ServeWell.Web.Modules.Training.Certificates;
using ServeWell.Web.Platform.City;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Demo;

/// <summary>
/// Demo data for the courtesy awards (ADR-058): the city's scheme, twelve past rounds ranked from the demo's own answers
/// of each month, with nominations from citizens, the demo supervisor and a colleague, the jury's scores (the demo
/// training officer, instructor and supervisor, never in their own reporting line) and the mayor's approval; and the
/// current month's round open. Each community centre's green card is its nomination page's QR poster.
/// </summary>
internal static class DemoRecognition
{
    private static readonly string[] CitizenStories =
    [
        "무더운 날 민원실에서 쓰러질 뻔한 어르신을 먼저 부축하고 서류 작성까지 도와주셨습니다.",
        "외국인 주민에게 번역 앱을 써 가며 전입신고 절차를 끝까지 설명해 주셨습니다.",
        "마감 시간이 지났는데도 급한 서류를 처리해 주셔서 다음 날 일정을 지킬 수 있었습니다.",
        "화가 난 민원인의 이야기를 끝까지 차분히 듣고 해결 방법을 함께 찾아 주셨습니다.",
        "휠체어를 탄 민원인을 위해 창구 밖까지 나와서 서류를 받아 주셨습니다.",
        "복잡한 기초연금 신청 서류를 하나하나 설명해 주셔서 한 번에 신청을 마쳤습니다.",
    ];

    private const string SupervisorStory = "한 달 내내 칭찬 글이 가장 많았고, 어려운 민원도 끝까지 책임지고 처리했습니다.";
    private const string ColleagueStory = "바쁜 창구를 맡은 동료를 대신해 긴 대기 줄을 나누어 맡아 주었습니다.";

    public static async Task SeedAsync(IServiceProvider services, DateTime now, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<ServeWellDbContext>();
        if (await db.AwardSchemes.AnyAsync(cancellationToken))
        {
            return;
        }

        var clock = services.GetRequiredService<CityClock>();
        var city = await db.OrgUnits.AsNoTracking().SingleAsync(u => u.Code == DemoCity.RootCode, cancellationToken);
        var scheme = new AwardScheme
        {
            Name = LocalText.Of("Courteous employee of the month", "이달의 친절 공무원"), ScopeOrgUnitId = city.Id,
            MinimumAnswers = Math.Max(5, services.GetRequiredService<IOptions<CityOptions>>().Value.MinimumGroupSize), UpdatedAtUtc = now,
        };
        db.AwardSchemes.Add(scheme);
        await db.SaveChangesAsync(cancellationToken);

        var accounts = await db.Users.AsNoTracking().Where(u => DemoModule.Accounts.Select(a => a.Email).Contains(u.Email!))
            .ToDictionaryAsync(u => u.Email!, cancellationToken);
        var account = (string role) => accounts.GetValueOrDefault(DemoModule.Accounts.First(a => a.Role == role).Email);
        var jurors = new[] { account(Roles.TrainingOfficer), account(Roles.Instructor), account(Roles.Supervisor) }.OfType<Modules.Accounts.StaffUser>().ToList();
        var mayor = account(Roles.Leadership);
        var pool = await db.Employees.AsNoTracking()
            .Where(e => e.Status == EmployeeStatus.Active && e.IsFrontline && e.OrgUnit!.Kind == OrgUnitKind.CommunityCentre)
            .OrderBy(e => e.Id).Select(e => new { e.Id, e.OrgUnitId }).ToListAsync(cancellationToken);
        if (pool.Count < 4 || mayor is null)
        {
            return;
        }

        var candidates = services.GetRequiredService<RoundCandidates>();
        var jury = services.GetRequiredService<JuryScoring>();
        var today = clock.DateOf(now);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        for (var k = 12; k >= 0; k--)
        {
            var month = thisMonth.AddMonths(-k);
            var round = AwardRound.Open(scheme, month, clock.StartOf(AwardRound.OpeningOf(scheme, month)).UtcDateTime);
            db.AwardRounds.Add(round);
            await db.SaveChangesAsync(cancellationToken);
            foreach (var juror in jurors)
            {
                db.AwardJurors.Add(new Juror { RoundId = round.Id, UserId = juror.Id, Name = juror.DisplayName, AddedAtUtc = round.OpenedAtUtc });
            }

            var nominee = pool[(k * 7) % pool.Count];
            var colleague = pool[((k * 7) + 3) % pool.Count];
            var told = clock.StartOf(month.AddDays(9)).UtcDateTime;
            db.AwardNominations.AddRange(
                new Nomination { RoundId = round.Id, EmployeeId = nominee.Id, OrgUnitId = nominee.OrgUnitId, Source = NominationSource.Citizen, Story = CitizenStories[k % CitizenStories.Length], Language = "ko", CreatedAtUtc = told },
                new Nomination { RoundId = round.Id, EmployeeId = nominee.Id, OrgUnitId = nominee.OrgUnitId, Source = NominationSource.Supervisor, NominatorUserId = account(Roles.Supervisor)?.Id, Story = SupervisorStory, Language = "ko", CreatedAtUtc = told.AddDays(2) },
                new Nomination { RoundId = round.Id, EmployeeId = colleague.Id, OrgUnitId = colleague.OrgUnitId, Source = NominationSource.Colleague, NominatorUserId = account(Roles.Employee)?.Id, Story = ColleagueStory, Language = "ko", CreatedAtUtc = told.AddDays(4) });
            await db.SaveChangesAsync(cancellationToken);
            if (k == 0)
            {
                break; // this month's round stays open for nominations
            }

            await candidates.FreezeAsync(round, cancellationToken);
            round.Stage = RoundStage.Jury;
            round.ClosedAtUtc = clock.StartOf(round.ClosesOn).UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
            await ScoreAndAwardAsync(db, jury, candidates, round, mayor, k, clock, cancellationToken);
        }
    }

    private static async Task ScoreAndAwardAsync(
        ServeWellDbContext db, JuryScoring jury, RoundCandidates candidates, AwardRound round, Modules.Accounts.StaffUser mayor, int k, CityClock clock, CancellationToken cancellationToken)
    {
        var ranking = await candidates.RankAsync(round, cancellationToken);
        var scoredAt = clock.StartOf(round.ClosesOn.AddDays(2)).UtcDateTime;
        foreach (var juror in await db.AwardJurors.Where(j => j.RoundId == round.Id).ToListAsync(cancellationToken))
        {
            foreach (var (finalist, i) in ranking.Finalists.Select((f, i) => (f, i)))
            {
                if (await jury.ConflictOfInterestAsync(juror.UserId, finalist, cancellationToken) is null)
                {
                    // Marks 3–5 that differ by juror and finalist, the same on every seed.
                    int Mark(int salt) => 3 + (((finalist * 31) + (juror.Id * 17) + (salt * 7) + k) % 3);
                    db.AwardScores.Add(new JuryScore
                    {
                        RoundId = round.Id, JurorId = juror.Id, EmployeeId = finalist, Difficulty = Mark(1), Courtesy = Mark(2), Satisfaction = Mark(3), Resolution = Mark(4),
                        Comment = i == 0 ? "시민의 이야기와 동료의 추천이 일치합니다." : null, CreatedAtUtc = scoredAt,
                    });
                }
            }

            juror.SubmittedAtUtc = scoredAt;
        }

        await db.SaveChangesAsync(cancellationToken);
        var totals = await jury.TotalsAsync(round, cancellationToken);
        if (totals.Count == 0 || totals[0].Jurors == 0)
        {
            return;
        }

        var winner = totals[0].EmployeeId;
        var decidedAt = clock.StartOf(round.JuryClosesOn.AddDays(1)).UtcDateTime;
        var employee = await db.Employees.AsNoTracking().SingleAsync(e => e.Id == winner, cancellationToken);
        var story = await db.AwardNominations.AsNoTracking().Where(n => n.RoundId == round.Id && n.EmployeeId == winner)
            .OrderBy(n => n.Source).Select(n => n.Story).FirstOrDefaultAsync(cancellationToken) ?? "";
        db.AwardDecisions.Add(new RoundDecision { RoundId = round.Id, Kind = RoundDecisionKind.Approved, ByUserId = mayor.Id, ByName = mayor.DisplayName, AtUtc = decidedAt });
        db.Awards.Add(new Award
        {
            RoundId = round.Id, EmployeeId = winner, OrgUnitId = employee.OrgUnitId, Month = round.Month, Story = story, CertificateCode = IssueCertificate.NewCode(),
            AwardedAtUtc = decidedAt, ShownOnWall = k % 4 != 3, // most awardees agreed to the wall; a few did not
        });
        round.Stage = RoundStage.Announced;
        round.JuryClosedAtUtc = clock.StartOf(round.JuryClosesOn).UtcDateTime;
        round.AnnouncedAtUtc = decidedAt;
        round.AwardeeEmployeeId = winner;
        await db.SaveChangesAsync(cancellationToken);
    }
}
