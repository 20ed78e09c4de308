using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Protection.Complainants;
using ServeWell.Web.Modules.Protection.Encounters;
using ServeWell.Web.Modules.Protection.Restrictions;
using ServeWell.Web.Modules.Protection.Support;
using ServeWell.Web.Platform.City;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Demo;

/// <summary>
/// Staff protection in the demo city (issue 17, ADR-063): two years of abusive encounters at the community centres and
/// the civil service teams, more at the busy ones; a cluster of five around one complainant (the same keyed hash); support
/// offered and taken up; one criminal complaint filed by the city; two restrictions whose letters print from the built-in
/// templates; three encounters that became library cases; the demo training officer (HR) designated protection officer of the city.
/// Fixed seed, one transaction, only when the city has no encounter yet.
/// </summary>
internal static class DemoProtection
{
    private sealed record Story(EncounterChannel Channel, EncounterKinds Kinds, SpotActions Actions, string Text);

    /// <summary>Already in the shape the scrubber leaves (민원인 A), so the scrubbed words are the same.</summary>
    private static readonly Story[] Stories =
    [
        new(EncounterChannel.Phone, EncounterKinds.VerbalAbuse, SpotActions.Warned | SpotActions.CallEndedAfterWarning, "민원인 A가 전화로 처리 지연에 항의하며 욕설을 반복했다. 녹음 사실과 종료 예정을 두 차례 알린 뒤 통화를 끝냈다."),
        new(EncounterChannel.Visit, EncounterKinds.VerbalAbuse | EncounterKinds.Threat, SpotActions.Warned | SpotActions.SecondOfficialJoined, "창구에서 서류 보완을 안내하자 민원인 A가 큰 소리로 욕을 하고 \"퇴근길에 두고 보자\"고 말했다. 팀장이 함께 응대했다."),
        new(EncounterChannel.Visit, EncounterKinds.Persistence | EncounterKinds.UnreasonableDemands, SpotActions.SecondOfficialJoined, "같은 요구로 한 달에 열 번째 방문했다. 법령상 불가한 처리를 당일 해 달라며 두 시간 동안 창구를 떠나지 않았다."),
        new(EncounterChannel.Online, EncounterKinds.DisclosingStaffData | EncounterKinds.VerbalAbuse, SpotActions.None, "온라인 민원 게시판에 담당 직원 B의 실명과 근무 부서를 적고 모욕하는 글을 올렸다."),
        new(EncounterChannel.Visit, EncounterKinds.FilmingStaff, SpotActions.Warned, "민원인 A가 동의 없이 휴대전화로 직원 B의 얼굴을 촬영하며 인터넷에 올리겠다고 했다. 촬영 중단을 요청했다."),
        new(EncounterChannel.Written, EncounterKinds.Threat | EncounterKinds.Persistence, SpotActions.None, "직원 B를 지목해 \"가만두지 않겠다\"는 내용의 서면 민원을 세 번째 보냈다."),
        new(EncounterChannel.Visit, EncounterKinds.Violence | EncounterKinds.Threat, SpotActions.SecurityOrPoliceCalled | SpotActions.VisitEnded, "대기 번호 안내에 격분한 민원인 A가 민원대의 서류함을 던져 직원 B의 팔에 맞았다. 청원경찰과 경찰을 불렀다."),
        new(EncounterChannel.Phone, EncounterKinds.SexualHarassment, SpotActions.Warned | SpotActions.CallEndedAfterWarning, "통화 중 민원인 A가 직원 B의 외모에 대해 성적인 말을 했다. 경고 후 통화를 종료했다."),
    ];

    /// <summary>Where encounters happen and how often: the civil service teams and the big centres are the busy ones.</summary>
    private static readonly (string Code, int Weight)[] Offices =
    [
        ("T-CIVIL-1", 6), ("T-CIVIL-2", 4), ("C-JUNGANG", 5), (DemoCity.SupervisorCentre, 4), ("C-CHEONGPA", 3), ("C-GANGBYEON", 2), ("C-NAMSAN", 2), ("C-HANNAM", 2),
    ];

    private const int Count = 44;

    /// <summary>The repeated complainant: only their keyed hash is stored (ADR-059).</summary>
    private const string RepeatedComplainant = "010-4417-2024";

    public static async Task SeedAsync(IServiceProvider services, DateTime now, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<ServeWellDbContext>();
        if (await db.ProtectionEncounters.AnyAsync(cancellationToken))
        {
            return;
        }

        var accounts = await db.Users.AsNoTracking().Where(u => DemoModule.Accounts.Select(a => a.Email).Contains(u.Email!)).ToDictionaryAsync(u => u.Email!, cancellationToken);
        var account = (string role) => accounts.GetValueOrDefault(DemoModule.Accounts.First(a => a.Role == role).Email);
        var (admin, supervisor, employee, hr) = (account(Roles.Administrator), account(Roles.Supervisor), account(Roles.Employee), account(Roles.TrainingOfficer));
        var codes = Offices.Select(o => o.Code).ToList();
        var staff = (await db.Employees.AsNoTracking().Where(e => e.IsFrontline && codes.Contains(e.OrgUnit!.Code)).OrderBy(e => e.EmployeeNumber)
                .Select(e => new { e.Id, e.OrgUnitId, e.OrgUnit!.Code }).ToListAsync(cancellationToken))
            .GroupBy(e => e.Code).ToDictionary(g => g.Key, g => g.ToList());
        if (admin is null || supervisor is null || hr is null || employee?.EmployeeId is null || codes.Any(c => !staff.ContainsKey(c)))
        {
            return;
        }

        var city = services.GetRequiredService<CityClock>();
        var keys = services.GetRequiredService<ComplainantKeys>();
        var repeated = await keys.KeyOfAsync(RepeatedComplainant, cancellationToken);
        var cases = await db.PracticeCases.AsNoTracking().OrderBy(c => c.Reference).Select(c => c.Id).Take(3).ToListAsync(cancellationToken);
        var today = city.DateOf(new DateTimeOffset(now, TimeSpan.Zero));
        var random = new Random(20261207);
        var weights = Offices.SelectMany(o => Enumerable.Repeat(o.Code, o.Weight)).ToArray();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var encounters = new List<Encounter>();
        for (var i = 0; i < Count; i++)
        {
            // Spread over two years, oldest first; the cluster is the last five at the demo supervisor's centre and civil team 1.
            var day = today.AddDays(-730 + (i * 730 / Count) + random.Next(0, 10));
            var cluster = i >= Count - 10 && i % 2 == 0 && i < Count - 1;
            var code = cluster ? (i % 4 == 0 ? DemoCity.SupervisorCentre : "T-CIVIL-1") : weights[random.Next(weights.Length)];
            var people = staff[code];
            var victim = code == DemoCity.SupervisorCentre && (i % 3 == 0 || cluster) ? employee.EmployeeId.Value : people[random.Next(people.Count)].Id;
            var story = cluster ? Stories[i % 4 == 0 ? 1 : 6 - (i % 3)] : Stories[random.Next(Stories.Length)];
            var at = city.StartOf(day).AddHours(9 + random.Next(0, 8)).AddMinutes(random.Next(0, 60)).UtcDateTime;
            encounters.Add(new Encounter
            {
                Reference = $"ENC-DEMO{i + 1:D4}", EmployeeId = victim, OfficeId = people[0].OrgUnitId, OccurredAtUtc = at, Channel = story.Channel,
                Kinds = story.Kinds, Actions = story.Actions, Description = story.Text, DescriptionScrubbed = story.Text,
                Injury = story.Kinds.HasFlag(EncounterKinds.Violence) ? "오른팔 타박상" : null, InjuryScrubbed = story.Kinds.HasFlag(EncounterKinds.Violence) ? "오른팔 타박상" : null,
                LoggedByUserId = victim == employee.EmployeeId ? employee.Id : admin.Id, LoggedAtUtc = at.AddMinutes(20 + random.Next(0, 100)),
                ComplainantKey = cluster ? repeated : null,
                CaseConsentAtUtc = i < cases.Count * 5 && i % 5 == 0 ? at.AddDays(7) : null,
                PracticeCaseId = i < cases.Count * 5 && i % 5 == 0 ? cases[i / 5] : null,
            });
        }

        db.ProtectionEncounters.AddRange(encounters);
        await db.SaveChangesAsync(cancellationToken);

        foreach (var (e, i) in encounters.Select((e, i) => (e, i)))
        {
            if (i % 6 == 5)
            {
                continue; // a few without support yet: the page shows what is still to do
            }

            var day = city.DateOf(new DateTimeOffset(e.OccurredAtUtc, TimeSpan.Zero));
            var offered = day.AddDays(i % 7 == 3 ? 4 : i % 2);
            var kind = e.Kinds.HasFlag(EncounterKinds.Violence) ? SupportKind.Leave : e.ComplainantKey is not null ? SupportKind.LegalSupport : i % 3 == 0 ? SupportKind.AwayFromCounter : SupportKind.Counselling;
            db.ProtectionSupportOffers.Add(new SupportOffer
            {
                EncounterId = e.Id, Kind = kind, OfferedOn = offered, OfferedAtUtc = city.StartOf(offered).AddHours(10).UtcDateTime, OfferedByUserId = supervisor.Id,
                TakenUpOn = i % 3 != 1 ? offered.AddDays(1) : null, DeclinedOn = i % 3 == 1 ? offered.AddDays(2) : null,
            });
        }

        var clustered = encounters.Where(e => e.ComplainantKey is not null).ToList();
        var violent = clustered.FirstOrDefault(e => e.Kinds.HasFlag(EncounterKinds.Violence)) ?? clustered[^1];
        var violentDay = city.DateOf(new DateTimeOffset(violent.OccurredAtUtc, TimeSpan.Zero));
        db.ProtectionLegalActions.Add(new LegalAction
        {
            EncounterId = violent.Id, Kind = LegalActionKind.CriminalComplaint, Status = LegalActionStatus.UnderInvestigation, StatusOn = violentDay.AddDays(12),
            Note = "기관 명의로 폭행 및 업무방해 고소장 제출, 경찰 수사 중.", RecordedByUserId = admin.Id,
        });
        var other = encounters.Where(e => e.ComplainantKey is null).OrderByDescending(e => e.Channel == EncounterChannel.Phone).ThenByDescending(e => e.OccurredAtUtc).First();
        other.ComplainantKey = await keys.KeyOfAsync("010-2290-8810", cancellationToken);
        db.ProtectionRestrictions.AddRange(
            new Restriction
            {
                EncounterId = violent.Id, ComplainantKey = repeated!, Scope = RestrictionScope.ContactPerson,
                Detail = "원효동 행정복지센터와 민원1팀 방문은 지정 담당자와 미리 약속한 경우에만 가능", StartsOn = violentDay.AddDays(3), EndsOn = violentDay.AddDays(183),
                ReviewOn = Later(violentDay.AddDays(90), today), LetterLanguage = "ko", IssuedByUserId = admin.Id, IssuedAtUtc = city.StartOf(violentDay.AddDays(3)).UtcDateTime,
            },
            new Restriction
            {
                EncounterId = other.Id, ComplainantKey = other.ComplainantKey!, Scope = RestrictionScope.Times,
                Detail = "Phone calls to the civil service teams on weekdays from 10:00 to 12:00 only", StartsOn = today.AddDays(-20), EndsOn = today.AddDays(160),
                ReviewOn = today.AddDays(40), LetterLanguage = "en", IssuedByUserId = admin.Id, IssuedAtUtc = now.AddDays(-20),
            });

        var cityId = await db.OrgUnits.Where(u => u.Code == DemoCity.RootCode).Select(u => u.Id).SingleAsync(cancellationToken);
        // The HR office's training officer looks after staff welfare, so the demo makes them the city's protection officer.
        db.ProtectionOfficers.Add(new ProtectionOfficer { UserId = hr.Id, OrgUnitId = cityId, DesignatedAtUtc = now.AddDays(-740) });
        db.Audit("demo-seed", nameof(Encounter), "ENC-DEMO", null, new { encounters = encounters.Count, restrictions = 2 });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>A review date that is not in the past on the day the demo starts.</summary>
    private static DateOnly Later(DateOnly date, DateOnly today) => date > today ? date : today.AddDays(30);
}
