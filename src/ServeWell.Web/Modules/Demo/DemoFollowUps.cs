using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Feedback.Intake;
using ServeWell.Web.Modules.Feedback.Touchpoints;
using ServeWell.Web.Modules.FollowUps.Cases;
using ServeWell.Web.Modules.FollowUps.Notices;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Events;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Demo;

/// <summary>
/// Follow-up cases for the demo supervisor's centre (Wonhyo-dong): new, overdue, contacted, resolved and unreachable ones.
/// Each starts as a real citizen answer at one of the centre's demo touchpoints, submitted through the intake
/// (<see cref="SubmitFeedback"/>, the use case behind POST /api/v1/feedback), so the case opens by the real rule (a low score or
/// a request to be contacted) in the intake's own transaction, and points at a stored answer.
/// </summary>
internal static class DemoFollowUps
{
    /// <summary>The Idempotency-Key of demo answer n is this plus n.</summary>
    public const string KeyPrefix = "demo-follow-up-";

    private sealed record Seed(
        int No, string Unit, int Overall, string Language, double DaysAgo, string? Comment, string? Email, string? Phone,
        FollowUpState State, string? RootCause = null, string? Note = null);

    private static readonly Seed[] Seeds =
    [
        new(1, DemoCity.SupervisorCentre, 1, "ko", 0.1, "번호표를 받고 한 시간 넘게 기다렸는데 아무 안내가 없었습니다.", "citizen1@example.org", "010-0000-0001", FollowUpState.New),
        new(2, DemoCity.SupervisorCentre, 2, "en", 1, "The form was explained differently at two counters.", null, null, FollowUpState.New),
        new(3, DemoCity.SupervisorCentre, 4, "ko", 0.5, "전입신고 후 등본 발급에 대해 다시 여쭤보고 싶습니다.", "citizen3@example.org", null, FollowUpState.New),
        new(4, DemoCity.SupervisorCentre, 1, "ko", 9, "직원이 퉁명스럽게 대답하고 서류를 던지듯 주었습니다.", null, "010-0000-0004", FollowUpState.New),
        new(5, DemoCity.SupervisorCentre, 2, "ko", 7, "온라인으로 신청했는데 창구에서 다시 처음부터 하라고 했습니다.", "citizen5@example.org", null, FollowUpState.Contacted, Note: "전화로 사과드리고 처리 상황을 확인하기로 함."),
        new(6, DemoCity.SupervisorCentre, 1, "ko", 12, "점심시간에 창구가 하나만 열려 있었습니다.", "citizen6@example.org", null, FollowUpState.Resolved, "waiting-time", "점심시간 교대 근무로 창구 두 개를 열기로 함."),
        new(7, DemoCity.SupervisorCentre, 2, "en", 20, "Nobody could tell me which documents I needed.", "citizen7@example.org", null, FollowUpState.Resolved, "unclear-information", "Checklist of documents added at the counter and on the website."),
        new(8, DemoCity.SupervisorCentre, 1, "ko", 15, null, null, "010-0000-0008", FollowUpState.ClosedUnreachable, Note: "세 차례 전화했으나 연결되지 않음."),
        new(9, "C-JUNGANG", 1, "ko", 2, "주차장이 너무 좁습니다.", null, null, FollowUpState.New),
    ];

    public static async Task SeedAsync(IServiceProvider services, DateTime now, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<ServeWellDbContext>();
        // The answers' idempotency records are pruned after a week, so "seeded already" is read from the cases themselves.
        var first = Seeds[0].Comment;
        if (await db.Set<FollowUpCase>().AnyAsync(c => c.Comment == first && c.OrgUnit!.Code == Seeds[0].Unit, cancellationToken))
        {
            return;
        }

        var supervisor = await db.Users.Where(u => u.Email == "supervisor@servewell.demo")
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.ScopeOrgUnitId }).FirstOrDefaultAsync(cancellationToken);
        if (supervisor?.ScopeOrgUnitId is not { } scope)
        {
            return;
        }

        var unitCodes = Seeds.Select(s => s.Unit).Distinct().ToList();
        var touchpoints = (await db.Touchpoints.AsNoTracking()
                .Where(t => t.RetiredAt == null && unitCodes.Contains(t.OrgUnit!.Code) && t.Kind != TouchpointKind.EmployeeBadge)
                .Select(t => new { t.Id, t.Code, Unit = t.OrgUnit!.Code }).ToListAsync(cancellationToken))
            .OrderBy(t => t.Id).GroupBy(t => t.Unit).ToDictionary(g => g.Key, g => g.Select(t => t.Code).ToList());
        if (unitCodes.Any(u => !touchpoints.ContainsKey(u)))
        {
            return;
        }

        var intake = services.GetRequiredService<SubmitFeedback>();
        var handle = services.GetRequiredService<HandleFollowUp>();
        var asSupervisor = new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, supervisor.Id), new Claim(ClaimTypes.Name, supervisor.Email!),
            new Claim(ServeWellClaims.DisplayName, supervisor.DisplayName), new Claim(ClaimTypes.Role, Roles.Supervisor),
            new Claim(ServeWellClaims.ScopeOrgUnit, scope.ToString(CultureInfo.InvariantCulture)),
        ], "demo", ClaimTypes.Name, ClaimTypes.Role));

        var caseIds = new List<int>();
        foreach (var s in Seeds)
        {
            var codes = touchpoints[s.Unit];
            var contact = s.Email is null && s.Phone is null ? null : new FeedbackContact(s.Email, s.Phone);
            var request = new FeedbackRequest(
                codes[s.No % codes.Count], s.Overall, new FeedbackDrivers(s.Overall, null, s.Overall + 1, null, null), s.Overall <= 2 ? "no" : "partly",
                s.Comment, null, contact, s.Language, new DateTimeOffset(now.AddDays(-s.DaysAgo), TimeSpan.Zero));
            var result = await intake.SubmitAsync(request, KeyPrefix + s.No.ToString(CultureInfo.InvariantCulture), FeedbackSource.Unknown, cancellationToken);
            if (result.AnswerId is not { } answerId)
            {
                throw new InvalidOperationException($"Demo answer {s.No} was refused: {result.Detail} {string.Join("; ", result.Problems?.SelectMany(p => p.Value) ?? [])}");
            }

            var followUp = await db.Set<FollowUpCase>().AsNoTracking().FirstOrDefaultAsync(c => c.AnswerId == answerId, cancellationToken);
            if (followUp is null)
            {
                continue;
            }

            caseIds.Add(followUp.Id);
            if (s.State == FollowUpState.New)
            {
                continue;
            }

            if (s.State is FollowUpState.Contacted or FollowUpState.Resolved)
            {
                await handle.TransitionAsync(followUp.Id, new TransitionRequest { To = "contacted", Note = s.State == FollowUpState.Contacted ? s.Note : null }, asSupervisor, cancellationToken);
            }

            if (s.State != FollowUpState.Contacted)
            {
                await handle.TransitionAsync(followUp.Id, new TransitionRequest { To = HandleFollowUp.ApiName(s.State), RootCause = s.RootCause, Note = s.Note }, asSupervisor, cancellationToken);
            }
        }

        // Demo answers are made up: nobody is mailed about them (the notices stay visible as not sent), and the overdue
        // ones count as reminded today, so the first reminders go out tomorrow like for any case.
        var today = services.GetRequiredService<BusinessCalendar>().Today(now);
        await db.Set<FollowUpCase>().Where(c => caseIds.Contains(c.Id))
            .ExecuteUpdateAsync(x => x.SetProperty(c => c.LastRemindedOn, today), cancellationToken);
        await db.Set<FollowUpNotice>()
            .Where(n => n.SentAtUtc == null && caseIds.Contains(n.CaseId))
            .ExecuteUpdateAsync(x => x.SetProperty(n => n.SentAtUtc, now).SetProperty(n => n.LastError, "demo data: not sent"), cancellationToken);
    }
}
