using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServeWell.Web.Modules.Admin.Audit;
using ServeWell.Web.Modules.FollowUps.Cases;
using ServeWell.Web.Platform.Audit;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;
using ServeWell.Web.Tests.Modules.Training.Registrations;

namespace ServeWell.Web.Tests.Modules.Admin;

/// <summary>The audit log speaks in words and names in the reader's language (ADR-035), and its filters too.</summary>
public abstract class AuditLogWordsTests(AppHost app)
{
    [Fact]
    public async Task SessionChange_ReadsAsTheSessionsDayAndPlace_WithFieldNamesAndTextsInTheReadersLanguage()
    {
        var setup = await app.ProgrammeWithPeopleAsync(0);
        var session = await app.SessionAsync(setup.Programme.Id, capacity: 5);
        var day = await app.DbAsync(db => Task.FromResult(app.Services.GetRequiredService<ServeWell.Web.Platform.City.CityClock>()
            .DateOf(new DateTimeOffset(DateTime.SpecifyKind(session.StartsAtUtc, DateTimeKind.Utc))).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        var place = TestData.Unique("Hanbit Hall ");
        await app.DbAsync(async db =>
        {
            var s = await db.TrainingSessions.SingleAsync(x => x.Id == session.Id);
            s.Venue = LocalText.Of(place, "한빛 " + place);
            s.Capacity = 8;
            return await db.SaveChangesAsync();
        });
        using var admin = await app.SignInAsRoleAsync(Roles.Administrator);

        var english = Row(await admin.GetPageAsync("/Admin/Audit?type=TrainingSession&change=updated"), place);
        admin.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ko-KR");
        var korean = Row(await admin.GetPageAsync("/Admin/Audit?type=TrainingSession&change=updated"), place);

        english[2].ShouldBe("Changed");
        english[3].ShouldBe($"Session: {day} {place}");
        english[4].ShouldContain($"Venue: City Hall, room 301 → {place}");
        english[4].ShouldContain("Capacity: 5 → 8");
        english[4].ShouldNotContain("Sequence");
        korean[2].ShouldBe("변경");
        korean[3].ShouldBe($"교육 회차: {day} 한빛 {place}");
        korean[4].ShouldContain($"장소: City Hall, room 301 → 한빛 {place}");
        korean[4].ShouldContain("정원: 5 → 8");
    }

    [Fact]
    public async Task CaseStateAndIds_ReadAsLabelsAndNames()
    {
        var unit = await app.CreateOrgUnitAsync("O-CIVIL");
        var key = TestData.Unique("answer-");
        await app.DbAsync(db =>
        {
            db.Audit("updated", nameof(FollowUpCase), key, new { State = FollowUpState.New, OrgUnitId = 0 }, new { State = FollowUpState.Contacted, OrgUnitId = unit.Id });
            return db.SaveChangesAsync();
        });
        using var admin = await app.SignInAsRoleAsync(Roles.Administrator);

        var english = Row(await admin.GetPageAsync("/Admin/Audit?type=FollowUpCase"), key);
        admin.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ko-KR");
        var korean = Row(await admin.GetPageAsync("/Admin/Audit?type=FollowUpCase"), key);

        english[4].ShouldContain("State: New → Contacted");
        english[4].ShouldContain($"Office: 0 → {unit.Name}");
        english[3].ShouldStartWith("Follow-up case: ");
        korean[4].ShouldContain("상태: 신규 → 연락함");
        korean[3].ShouldStartWith("후속 조치 사례: ");
    }

    [Fact]
    public async Task Filters_ReadInTheReadersLanguage_AndByCityDates()
    {
        await app.DbAsync(db =>
        {
            db.Audit("roles-changed", "StaffUser", TestData.Unique("who-") + "@test.example", new { roles = new[] { "Employee" } }, new { roles = new[] { "Employee", "Supervisor" } });
            return db.SaveChangesAsync();
        });
        using var admin = await app.SignInAsRoleAsync(Roles.Administrator);
        admin.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ko-KR");

        var page = await admin.GetPageAsync("/Admin/Audit");
        var future = await admin.GetPageAsync("/Admin/Audit?from=2999-01-01");
        var bad = await admin.GetAsync("/Admin/Audit?from=someday&before=abc");

        page.QuerySelectorAll("#type option").Select(o => o.TextContent).ShouldContain("사용자 계정");
        page.QuerySelectorAll("#change option").Select(o => o.TextContent).ShouldContain("역할 변경");
        page.QuerySelector("label[for='from']")!.TextContent.ShouldBe("시작일");
        future.QuerySelectorAll("tbody tr").ShouldBeEmpty();
        bad.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("날짜가 아닙니다");
    }

    [Fact]
    public void EveryAuditedRecord_HasAKindAndEveryFieldALabel_InBothLanguages()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ServeWellDbContext>();
        var neutral = Keys("SharedResource.resx");
        var korean = Keys("SharedResource.ko.resx");
        var missing = new List<string>();
        foreach (var type in db.Model.GetEntityTypes().Where(t => typeof(IAudited).IsAssignableFrom(t.ClrType)))
        {
            missing.Add(AuditWords.TypePrefix + type.ClrType.Name);
            missing.AddRange(type.GetProperties().Where(p => !p.IsShadowProperty()).Select(p => p.Name)
                .Concat(type.GetComplexProperties().Select(c => c.Name))
                .Where(n => n is not ("Id" or "Version" or "Sequence" or "CalendarUid" or "PasswordHash" or "SecurityStamp" or "ConcurrencyStamp" or "NormalizedEmail" or "NormalizedUserName" or "KeyHash" or "TokenHash"))
                .Select(n => AuditWords.FieldPrefix + n));
        }

        missing.Distinct().Where(k => !neutral.Contains(k) || !korean.Contains(k)).Order().ToList()
            .ShouldBeEmpty();
    }

    private static string[] Row(AngleSharp.Html.Dom.IHtmlDocument page, string text) =>
        page.QuerySelectorAll("tbody tr").First(r => r.TextContent.Contains(text, StringComparison.Ordinal))
            .QuerySelectorAll("td").Select(c => string.Join("\n", c.ChildElementCount > 0 && c.ClassList.Contains("values") ? c.Children.Select(d => d.TextContent.Trim()) : [c.TextContent.Trim()])).ToArray();

    private static HashSet<string> Keys(string file)
    {
        return XDocument.Load(Repository.PathOf("src", "ServeWell.Web", "Platform", "Localization", file)).Root!
            .Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.OrdinalIgnoreCase); // a resx holds a name once, whatever its case: AuditWords looks up both first letters
    }
}

public sealed class AuditLogWordsSqliteTests(SqliteApp app) : AuditLogWordsTests(app), IClassFixture<SqliteApp>;

public sealed class AuditLogWordsPostgresTests(PostgresApp app) : AuditLogWordsTests(app), IClassFixture<PostgresApp>;
