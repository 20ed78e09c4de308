using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ServeWell.Web.Tests.Fixtures;

namespace ServeWell.Web.Tests.Modules.Training;

/// <summary>POST and GET /api/v1/programmes with the administrator key; the audience goes in and comes out as the same object.</summary>
public abstract class ProgrammesApiTests(AppHost app) : IDisposable
{
    private readonly HttpClient _api = app.ApiClient();

    [Fact]
    public async Task Create_ThenGet_RoundTripsEveryFieldAndTheAudience()
    {
        var instructor = await app.CreateEmployeeAsync("O-CIVIL", grade: 5);
        var kept = await app.CreateEmployeeAsync("O-HR");
        var title = TestData.Unique("Counter courtesy ");
        var audience = new
        {
            atOrAboveGrade = 3, atOrBelowGrade = 8, minServiceYears = 1, maxServiceYearsExclusive = 20,
            orgUnitCodes = new[] { "O-CIVIL", "D-COM" }, frontlineOnly = true, include = new[] { kept.EmployeeNumber }, exclude = new[] { instructor.EmployeeNumber },
        };

        using var created = await _api.PostAsJsonAsync("/api/v1/programmes", new
        {
            title, description = "At the counter and on the phone.", competencies = new[] { "empathy", "communication" }, delivery = "Hybrid",
            instructors = new object[]
            {
                new { kind = "Internal", employeeNumber = instructor.EmployeeNumber },
                new { kind = "External", name = "Paul Joseph A. Mijares", organisation = "Customer experience consultant", credentials = "Lean Six Sigma Yellow Belt" },
            },
            hours = 3.5, mandatory = true, dueDate = "2027-03-31", recurrenceMonths = 12,
            completion = new { evaluationSubmitted = true, knowledgeCheckPassed = false }, audience,
        });

        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var location = created.Headers.Location!.OriginalString;
        var got = await _api.GetOkAsync<JsonElement>(location);
        got.GetProperty("title").GetString().ShouldBe(title);
        got.GetProperty("delivery").GetString().ShouldBe("Hybrid");
        got.GetProperty("hours").GetDecimal().ShouldBe(3.5m);
        got.GetProperty("mandatory").GetBoolean().ShouldBeTrue();
        got.GetProperty("dueDate").GetString().ShouldBe("2027-03-31");
        got.GetProperty("recurrenceMonths").GetInt32().ShouldBe(12);
        got.GetProperty("competencies").EnumerateArray().Select(c => c.GetString()).ShouldBe(["communication", "empathy"], ignoreOrder: true);
        var completion = got.GetProperty("completion");
        (completion.GetProperty("attended").GetBoolean(), completion.GetProperty("evaluationSubmitted").GetBoolean(), completion.GetProperty("knowledgeCheckPassed").GetBoolean())
            .ShouldBe((true, true, false));
        var instructors = got.GetProperty("instructors");
        instructors[0].GetProperty("kind").GetString().ShouldBe("Internal");
        instructors[0].GetProperty("employeeNumber").GetString().ShouldBe(instructor.EmployeeNumber);
        instructors[0].GetProperty("name").GetString().ShouldBe(instructor.Name);
        instructors[1].GetProperty("credentials").GetString().ShouldBe("Lean Six Sigma Yellow Belt");
        JsonSerializer.Serialize(got.GetProperty("audience")).ShouldBe(JsonSerializer.Serialize(audience, Json.Web));

        var list = await _api.GetOkAsync<List<JsonElement>>("/api/v1/programmes");
        list.Single(p => p.GetProperty("title").GetString() == title).GetProperty("id").GetInt32().ShouldBe(got.GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task Create_WithoutAudience_MeansEveryone()
    {
        using var created = await _api.PostAsJsonAsync("/api/v1/programmes", new { title = TestData.Unique("Everyone "), delivery = "InPerson", hours = 1 });

        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var got = await created.Content.ReadFromJsonAsync<JsonElement>();
        got.GetProperty("audience").EnumerateObject().Where(p => p.Value.ValueKind != JsonValueKind.Null).ShouldBeEmpty();
    }

    [Fact]
    public async Task Create_Invalid_Answers400NamingEachFieldAndWritesNothing()
    {
        var title = TestData.Unique("Broken ");
        using var response = await _api.PostAsJsonAsync("/api/v1/programmes", new
        {
            title, delivery = "ByPigeon", hours = 0, competencies = new[] { "telepathy" }, recurrenceMonths = 0,
            instructors = new object[] { new { kind = "Internal", employeeNumber = "NOBODY" }, new { kind = "Robot" } },
            audience = new { orgUnitCodes = new[] { "NOWHERE" }, atOrAboveGrade = 12 },
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        foreach (var field in new[] { "delivery", "hours", "competencies", "recurrenceMonths", "instructors[0].employeeNumber", "instructors[1].kind", "audience.orgUnitCodes", "audience.atOrAboveGrade" })
        {
            errors.TryGetProperty(field, out _).ShouldBeTrue($"{field} missing from {errors}");
        }

        var list = await _api.GetOkAsync<List<JsonElement>>("/api/v1/programmes");
        list.ShouldNotContain(p => p.GetProperty("title").GetString() == title);
    }

    [Fact]
    public async Task List_HasTheDemoProgrammesWithTheirRules()
    {
        var list = await _api.GetOkAsync<List<JsonElement>>("/api/v1/programmes");
        JsonElement Audience(string title) => list.Single(p => p.GetProperty("title").GetString() == title).GetProperty("audience");

        Audience("Handling civil complaints from the moment of receipt").GetProperty("atOrAboveGrade").GetInt32().ShouldBe(5);
        Audience("Considerate expressions toward complainants").GetProperty("atOrBelowGrade").GetInt32().ShouldBe(6);
        var visiting = Audience("Visiting Courtesy Training");
        visiting.GetProperty("maxServiceYearsExclusive").GetInt32().ShouldBe(10);
        visiting.GetProperty("orgUnitCodes").EnumerateArray().Select(c => c.GetString()).ShouldBe(["D-COM"]);
        var excellence = list.Single(p => p.GetProperty("title").GetString() == "Customer service excellence");
        excellence.GetProperty("audience").GetProperty("orgUnitCodes").EnumerateArray().Select(c => c.GetString()).ShouldBe(["O-CIVIL", "O-TAX"]);
        excellence.GetProperty("instructors")[0].GetProperty("name").GetString().ShouldBe("Paul Joseph A. Mijares");
    }

    public void Dispose()
    {
        _api.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class ProgrammesApiSqliteTests(SqliteApp app) : ProgrammesApiTests(app), IClassFixture<SqliteApp>;

public sealed class ProgrammesApiPostgresTests(PostgresApp app) : ProgrammesApiTests(app), IClassFixture<PostgresApp>;
