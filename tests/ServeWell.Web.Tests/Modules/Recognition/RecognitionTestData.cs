using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Feedback.Intake;
using ServeWell.Web.Modules.Feedback.Touchpoints;
using ServeWell.Web.Modules.Feedback.Surveys;
using ServeWell.Web.Modules.People.OrgUnits;
using ServeWell.Web.Modules.Recognition.Rounds;
using ServeWell.Web.Platform.City;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;

namespace ServeWell.Web.Tests.Modules.Recognition;

/// <summary>A bureau of its own with one office and an award scheme on it, so each test's rounds are its own.</summary>
internal sealed record AwardSetting(OrgUnit Bureau, OrgUnit Office, int SchemeId);

internal static class RecognitionTestData
{
    public const string Api = "/api/v1/recognition";

    public static async Task<AwardSetting> SettingAsync(this AppHost app, int finalists = 5)
    {
        var bureau = await app.CreateOrgUnitAsync(Demo.City, kind: OrgUnitKind.Department);
        var office = await app.CreateOrgUnitAsync(bureau.Code, kind: OrgUnitKind.Office);
        using var officer = await app.SignInAsRoleAsync(Roles.TrainingOfficer);
        var saved = await officer.Http.PostAsJsonAsync($"{Api}/schemes", new
        {
            scopeOrgUnitCode = bureau.Code, name = new { ko = "이달의 친절 공무원", en = "Courteous employee of the month" },
            opensOnDay = 1, juryDays = 7, approvalDays = 7, minimumAnswers = 5, priorWeight = 10, finalists, coolOffMonths = 12, scaleMax = 5,
            weights = new { difficulty = 25, courtesy = 25, satisfaction = 25, resolution = 25 },
        });
        saved.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        var id = (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        return new AwardSetting(bureau, office, id);
    }

    /// <summary>Runs the round schedule as the job would at <paramref name="now"/>, for one scheme only.</summary>
    public static Task<int> MoveAsync(this AppHost app, AwardSetting setting, DateTimeOffset now) =>
        app.UseAsync<RoundSchedule, int>(s => s.MoveAsync(now, CancellationToken.None, setting.SchemeId));

    /// <summary>The instant a day begins in the city's time zone.</summary>
    public static Task<DateTimeOffset> StartOfAsync(this AppHost app, DateOnly day) => app.UseAsync<CityClock, DateTimeOffset>(c => Task.FromResult(c.StartOf(day)));

    public static Task<AwardRound> RoundAsync(this AppHost app, AwardSetting setting, DateOnly month) =>
        app.DbAsync(db => db.AwardRounds.AsNoTracking().SingleAsync(r => r.SchemeId == setting.SchemeId && r.Month == month));

    public static Task<Touchpoint> TouchpointAsync(this AppHost app, int officeId, int? employeeId) => app.DbAsync(async db =>
    {
        var t = db.Touchpoints.Add(new Touchpoint
        {
            Kind = employeeId is null ? TouchpointKind.Counter : TouchpointKind.EmployeeBadge, Label = LocalText.Of("Counter", "창구"), OrgUnitId = officeId,
            EmployeeId = employeeId, Code = TouchpointCodes.New(), CreatedAt = DateTime.UtcNow,
        }).Entity;
        await db.SaveChangesAsync();
        return t;
    });

    /// <summary>Answers written straight into Feedback's table, as the intake would have stored them.</summary>
    public static Task AnswersAsync(this AppHost app, Touchpoint touchpoint, DateTime answeredAtUtc, int[] overall, int? commended = null, bool excluded = false) =>
        app.DbAsync(async db =>
        {
            foreach (var mark in overall)
            {
                db.FeedbackAnswers.Add(new FeedbackAnswer
                {
                    TouchpointId = touchpoint.Id, OrgUnitId = touchpoint.OrgUnitId, Channel = FeedbackChannel.CounterQr, SurveyVersionId = SurveyVersion.OriginalId,
                    Overall = mark, OverallScore = FeedbackAnswer.ToScore(mark), CommendedEmployeeId = commended, Language = "ko",
                    AnsweredAt = answeredAtUtc, ReceivedAt = answeredAtUtc, ExcludedAt = excluded ? answeredAtUtc : null, ExclusionReason = excluded ? ExclusionReason.Test : null,
                });
            }

            return await db.SaveChangesAsync();
        });

    /// <summary>A sign-in account linked to an employee record (and optionally scoped), for jurors, supervisors and awardees.</summary>
    public static async Task<(StaffClient Client, string Email)> SignInLinkedAsync(this AppHost app, string role, int? employeeId, int? scopeOrgUnitId = null)
    {
        var email = await app.CreateAccountAsync(role);
        await app.DbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            user.EmployeeId = employeeId;
            user.ScopeOrgUnitId = scopeOrgUnitId;
            return await db.SaveChangesAsync();
        });
        return (await app.SignInAsync(email), email);
    }

    /// <summary>
    /// A round of this month carried to its end as the schedule would: an officer's nomination, one juror's score, the
    /// leader's approval. Returns the round and the awardee (a front-line employee of the setting's office).
    /// </summary>
    public static async Task<(AwardRound Round, ServeWell.Web.Modules.People.Employees.Employee Awardee)> ApprovedRoundAsync(this AppHost app, AwardSetting setting)
    {
        var today = await app.UseAsync<CityClock, DateOnly>(c => Task.FromResult(c.Today));
        await app.MoveAsync(setting, DateTimeOffset.UtcNow);
        var month = new DateOnly(today.Year, today.Month, 1);
        var round = await app.RoundAsync(setting, month);
        var awardee = await app.CreateEmployeeAsync(setting.Office.Code, frontline: true);
        var (juror, jurorEmail) = await app.SignInLinkedAsync(Roles.Employee, null);
        using (juror)
        using (var officer = await app.SignInAsRoleAsync(Roles.TrainingOfficer))
        using (var mayor = await app.SignInAsRoleAsync(Roles.Leadership))
        {
            (await officer.Http.PostAsJsonAsync($"{Api}/nominations", new { employeeNumber = awardee.EmployeeNumber, story = "끝까지 친절하게 도왔습니다." })).EnsureSuccessStatusCode();
            (await officer.Http.PostAsJsonAsync($"{Api}/rounds/{round.Id}/jurors", new { email = jurorEmail })).EnsureSuccessStatusCode();
            await app.MoveAsync(setting, await app.StartOfAsync(month.AddMonths(1)));
            (await juror.Http.PostAsJsonAsync($"{Api}/rounds/{round.Id}/scores", new { employeeId = awardee.Id, difficulty = 4, courtesy = 5, satisfaction = 4, resolution = 4 }))
                .EnsureSuccessStatusCode();
            await app.MoveAsync(setting, await app.StartOfAsync(month.AddMonths(1).AddDays(7)));
            var approved = await mayor.Http.PostAsJsonAsync($"{Api}/rounds/{round.Id}/decision", new { approve = true });
            approved.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, await approved.Content.ReadAsStringAsync());
        }

        return (await app.RoundAsync(setting, month), awardee);
    }
}
