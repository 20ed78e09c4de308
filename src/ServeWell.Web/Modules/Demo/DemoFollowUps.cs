using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.FollowUps.Cases;
using ServeWell.Web.Modules.FollowUps.Notices;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Events;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Demo;

/// <summary>
/// Follow-up cases for the demo supervisor's centre (Wonhyo-dong): new, overdue, contacted, resolved and unreachable ones,
/// opened through the same listener the feedback intake calls. The answers are synthetic (ids from
/// <see cref="AnswerIdBase"/>) until the demo city has real answers to point them to.
/// </summary>
internal static class DemoFollowUps
{
    public const long AnswerIdBase = 900_000_000;

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
        if (await db.Set<FollowUpCase>().AnyAsync(c => c.AnswerId > AnswerIdBase && c.AnswerId <= AnswerIdBase + 1000, cancellationToken))
        {
            return;
        }

        var supervisor = await db.Users.Where(u => u.Email == "supervisor@servewell.demo")
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.ScopeOrgUnitId }).FirstOrDefaultAsync(cancellationToken);
        if (supervisor?.ScopeOrgUnitId is not { } scope)
        {
            return;
        }

        var units = await db.OrgUnits.Where(u => u.Code == DemoCity.SupervisorCentre || u.Code == "C-JUNGANG").ToDictionaryAsync(u => u.Code, u => u.Id, cancellationToken);
        var open = services.GetRequiredService<OpenFollowUp>();
        var handle = services.GetRequiredService<HandleFollowUp>();
        var asSupervisor = new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, supervisor.Id), new Claim(ClaimTypes.Name, supervisor.Email!),
            new Claim(ServeWellClaims.DisplayName, supervisor.DisplayName), new Claim(ClaimTypes.Role, Roles.Supervisor),
            new Claim(ServeWellClaims.ScopeOrgUnit, scope.ToString(CultureInfo.InvariantCulture)),
        ], "demo", ClaimTypes.Name, ClaimTypes.Role));

        foreach (var s in Seeds)
        {
            var contact = s.Email is null && s.Phone is null ? null : new FeedbackContact(s.Email, s.Phone);
            await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
            var followUp = await open.OpenAsync(new FeedbackReceived(
                AnswerIdBase + s.No, units[s.Unit], null, s.No % 3 + 1, s.Overall, s.Comment, contact, s.Language, now.AddDays(-s.DaysAgo)), cancellationToken);
            await tx.CommitAsync(cancellationToken);
            if (followUp is null || s.State == FollowUpState.New)
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
        await db.Set<FollowUpCase>().Where(c => c.AnswerId > AnswerIdBase && c.AnswerId <= AnswerIdBase + 1000)
            .ExecuteUpdateAsync(x => x.SetProperty(c => c.LastRemindedOn, today), cancellationToken);
        await db.Set<FollowUpNotice>()
            .Where(n => n.SentAtUtc == null && db.Set<FollowUpCase>().Any(c => c.Id == n.CaseId && c.AnswerId > AnswerIdBase && c.AnswerId <= AnswerIdBase + 1000))
            .ExecuteUpdateAsync(x => x.SetProperty(n => n.SentAtUtc, now).SetProperty(n => n.LastError, "demo data: not sent"), cancellationToken);
    }
}
