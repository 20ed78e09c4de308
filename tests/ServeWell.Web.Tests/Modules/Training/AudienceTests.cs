using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.People.Employees;
using ServeWell.Web.Modules.Training.Audiences;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;

namespace ServeWell.Web.Tests.Modules.Training;

/// <summary>
/// Audience rules evaluated over the roster, through POST /api/v1/audiences/preview. Each test makes its own
/// units and people and limits the rule to them, so the expected set is exact.
/// </summary>
public abstract class AudienceTests(AppHost app) : IDisposable
{
    private readonly HttpClient _api = app.ApiClient();

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task Preview_GradeRule_SpeaksInSeniorityBothWays()
    {
        var unit = await app.CreateOrgUnitAsync("O-TAX");
        var byGrade = new Dictionary<int, string>();
        foreach (var grade in new[] { 4, 5, 6, 7 })
        {
            byGrade[grade] = (await app.CreateEmployeeAsync(unit.Code, grade: grade)).EmployeeNumber;
        }

        var senior = await PreviewAsync(new { orgUnitCodes = new[] { unit.Code }, atOrAboveGrade = 5 });
        var junior = await PreviewAsync(new { orgUnitCodes = new[] { unit.Code }, atOrBelowGrade = 6 });
        var exactly5 = await PreviewAsync(new { orgUnitCodes = new[] { unit.Code }, atOrAboveGrade = 5, atOrBelowGrade = 5 });

        Numbers(senior).ShouldBe([byGrade[4], byGrade[5]], ignoreOrder: true);
        Numbers(junior).ShouldBe([byGrade[6], byGrade[7]], ignoreOrder: true);
        Numbers(exactly5).ShouldBe([byGrade[5]]);
    }

    [Fact]
    public async Task Preview_ServiceYears_MinIsInclusiveAndMaxIsExclusive()
    {
        var unit = await app.CreateOrgUnitAsync("O-ENV");
        var ten = await app.CreateEmployeeAsync(unit.Code, hireDate: Today.AddYears(-10));
        var almostTen = await app.CreateEmployeeAsync(unit.Code, hireDate: Today.AddYears(-10).AddDays(1));

        var atLeast10 = await PreviewAsync(new { orgUnitCodes = new[] { unit.Code }, minServiceYears = 10 });
        var under10 = await PreviewAsync(new { orgUnitCodes = new[] { unit.Code }, maxServiceYearsExclusive = 10 });

        Numbers(atLeast10).ShouldBe([ten.EmployeeNumber]);
        Numbers(under10).ShouldBe([almostTen.EmployeeNumber]);
    }

    [Fact]
    public async Task Preview_SeveralOrgUnits_IsTheUnionOfTheirSubtrees()
    {
        var first = await app.CreateOrgUnitAsync("O-WELFARE");
        var below = await app.CreateOrgUnitAsync(first.Code);
        var second = await app.CreateOrgUnitAsync("C-NAMSAN");
        var other = await app.CreateOrgUnitAsync("C-NAMSAN");
        var inBelow = await app.CreateEmployeeAsync(below.Code);
        var inSecond = await app.CreateEmployeeAsync(second.Code);
        await app.CreateEmployeeAsync(other.Code);

        var preview = await PreviewAsync(new { orgUnitCodes = new[] { first.Code, second.Code } });

        Numbers(preview).ShouldBe([inBelow.EmployeeNumber, inSecond.EmployeeNumber], ignoreOrder: true);
    }

    [Fact]
    public async Task Preview_IncludeAddsExcludeRemovesAndLeftNeverMatches()
    {
        var unit = await app.CreateOrgUnitAsync("O-AUDIT");
        var stays = await app.CreateEmployeeAsync(unit.Code, grade: 7);
        var excluded = await app.CreateEmployeeAsync(unit.Code, grade: 7);
        await app.CreateEmployeeAsync(unit.Code, grade: 7, status: EmployeeStatus.Left);
        var leftButIncluded = await app.CreateEmployeeAsync("O-HR", grade: 7, status: EmployeeStatus.Left);
        var outsider = await app.CreateEmployeeAsync("O-HR", grade: 3);

        var preview = await PreviewAsync(new
        {
            orgUnitCodes = new[] { unit.Code }, atOrBelowGrade = 6,
            include = new[] { outsider.EmployeeNumber, leftButIncluded.EmployeeNumber }, exclude = new[] { excluded.EmployeeNumber },
        });

        Numbers(preview).ShouldBe([stays.EmployeeNumber, outsider.EmployeeNumber], ignoreOrder: true);
    }

    [Fact]
    public async Task MatchAudience_FrontlineOnly_LeavesOutBackOffice()
    {
        var unit = await app.CreateOrgUnitAsync("O-CIVIL");
        var counter = await app.CreateEmployeeAsync(unit.Code, frontline: true);
        await app.CreateEmployeeAsync(unit.Code, frontline: false);

        var preview = await app.UseAsync<MatchAudience, AudiencePreview>(m =>
            m.PreviewAsync(new AudienceRule { OrgUnitCodes = [unit.Code], FrontlineOnly = true }, take: null, CancellationToken.None));

        preview.Employees.Select(e => e.EmployeeNumber).ShouldBe([counter.EmployeeNumber]);
    }

    [Fact]
    public async Task Preview_Answer_HasTheAgreedShape()
    {
        var unit = await app.CreateOrgUnitAsync("O-TAX");
        var employee = await app.CreateEmployeeAsync(unit.Code, grade: 6, hireDate: new DateOnly(2012, 4, 9));

        using var response = await _api.PostAsJsonAsync("/api/v1/audiences/preview", new { orgUnitCodes = new[] { unit.Code } });

        var json = await response.ReadOkAsync<JsonElement>();
        json.EnumerateObject().Select(p => p.Name).ShouldBe(["count", "employees"], ignoreOrder: true);
        json.GetProperty("count").GetInt32().ShouldBe(1);
        var row = json.GetProperty("employees")[0];
        row.EnumerateObject().Select(p => p.Name).ShouldBe(["employeeNumber", "name", "orgUnitCode", "grade", "hireDate"], ignoreOrder: true);
        row.GetProperty("employeeNumber").GetString().ShouldBe(employee.EmployeeNumber);
        row.GetProperty("orgUnitCode").GetString().ShouldBe(unit.Code);
        row.GetProperty("grade").GetInt32().ShouldBe(6);
        row.GetProperty("hireDate").GetString().ShouldBe("2012-04-09");
    }

    [Theory]
    [InlineData("""{ "orgUnitCodes": ["NO-SUCH-UNIT"] }""", "orgUnitCodes", "NO-SUCH-UNIT")]
    [InlineData("""{ "include": ["NO-SUCH-PERSON"] }""", "include", "NO-SUCH-PERSON")]
    [InlineData("""{ "exclude": ["NO-SUCH-PERSON"] }""", "exclude", "NO-SUCH-PERSON")]
    [InlineData("""{ "atOrAboveGrade": 10 }""", "atOrAboveGrade", "10")]
    [InlineData("""{ "atOrBelowGrade": 0 }""", "atOrBelowGrade", "0")]
    [InlineData("""{ "minServiceYears": 10, "maxServiceYearsExclusive": 5 }""", "maxServiceYearsExclusive", "5")]
    public async Task Preview_BadRule_Answers400NamingTheField(string body, string field, string named)
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await _api.PostAsync("/api/v1/audiences/preview", content);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problem = await response.ReadJsonAsync();
        problem.GetProperty("errors").TryGetProperty(field, out var messages).ShouldBeTrue(problem.ToString());
        messages[0].GetString()!.ShouldContain(named);
    }

    [Fact]
    public async Task Preview_AsEmployee_IsForbidden()
    {
        using var employee = await app.SignInAsRoleAsync(Roles.Employee);

        using var response = await employee.Http.PostAsJsonAsync("/api/v1/audiences/preview", new { atOrAboveGrade = 5 });

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task DemoProgrammes_Audiences_MatchWhatTheirRulesSay()
    {
        var programmes = await _api.GetOkAsync<List<JsonElement>>("/api/v1/programmes");
        AudienceRule RuleOf(string title) => programmes.Single(p => p.GetProperty("title").GetString() == title)
            .GetProperty("audience").Deserialize<AudienceRule>(Json.Web)!;

        var junior = await PreviewAsync(RuleOf("Considerate expressions toward complainants"));
        var senior = await PreviewAsync(RuleOf("Handling civil complaints from the moment of receipt"));
        var visiting = await PreviewAsync(RuleOf("Visiting Courtesy Training"));
        var offices = await PreviewAsync(RuleOf("Customer service excellence"));

        junior.Employees.ShouldAllBe(e => e.Grade >= 6 && e.Grade <= 9);
        junior.Count.ShouldBe(await app.DbAsync(db => db.Employees.CountAsync(e => e.Grade >= 6 && e.Status != EmployeeStatus.Left)));
        senior.Employees.ShouldAllBe(e => e.Grade >= 1 && e.Grade <= 5);
        senior.Count.ShouldBe(await app.DbAsync(db => db.Employees.CountAsync(e => e.Grade <= 5 && e.Status != EmployeeStatus.Left)));
        (junior.Count + senior.Count).ShouldBe(await app.DbAsync(db => db.Employees.CountAsync(e => e.Status != EmployeeStatus.Left)));

        var community = (await app.UnitAsync("D-COM")).Path;
        var communityStaff = await app.DbAsync(db => db.Employees.Where(e => e.OrgUnit!.Path.StartsWith(community) && e.Status != EmployeeStatus.Left)
            .Select(e => new { e.EmployeeNumber, e.HireDate }).ToListAsync());
        visiting.Count.ShouldBeGreaterThan(50);
        Numbers(visiting).ShouldBe(communityStaff.Where(e => Employee.ServiceYearsOn(e.HireDate, Today) < 10).Select(e => e.EmployeeNumber), ignoreOrder: true);

        var civil = (await app.UnitAsync("O-CIVIL")).Path;
        var tax = (await app.UnitAsync("O-TAX")).Path;
        offices.Count.ShouldBe(await app.DbAsync(db => db.Employees.CountAsync(e =>
            (e.OrgUnit!.Path.StartsWith(civil) || e.OrgUnit.Path.StartsWith(tax)) && e.Status != EmployeeStatus.Left)));
        offices.Count.ShouldBeGreaterThan(90);
    }

    private async Task<Preview> PreviewAsync(object rule)
    {
        using var response = await _api.PostAsJsonAsync("/api/v1/audiences/preview", rule, Json.Web);
        return await response.ReadOkAsync<Preview>();
    }

    private static IEnumerable<string> Numbers(Preview preview) => preview.Employees.Select(e => e.EmployeeNumber);

    public sealed record Preview(int Count, List<Member> Employees);

    public sealed record Member(string EmployeeNumber, string Name, string OrgUnitCode, int Grade, string HireDate);

    public void Dispose()
    {
        _api.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class AudienceSqliteTests(SqliteApp app) : AudienceTests(app), IClassFixture<SqliteApp>;

public sealed class AudiencePostgresTests(PostgresApp app) : AudienceTests(app), IClassFixture<PostgresApp>;
