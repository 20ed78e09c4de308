using System.Globalization;
using System.Net;
using ServeWell.Web.Tests.Fixtures;

namespace ServeWell.Web.Tests.Modules.People.RosterImport;

/// <summary>Bad rows are named precisely, and nothing is half-written.</summary>
public abstract class RosterImportValidationTests(AppHost app) : IDisposable
{
    private readonly HttpClient _api = app.ApiClient();

    public static TheoryData<string> BadRows => new(["duplicate number", "unknown org unit", "grade off scale", "future hire date", "malformed email", "missing name"]);

    [Theory]
    [MemberData(nameof(BadRows))]
    public async Task Import_BadRow_ErrorNamesRowColumnValueAndMessage(string problem)
    {
        var good = RosterFile.Row();
        var bad = RosterFile.Row();
        var future = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var (column, value, message) = problem switch
        {
            "duplicate number" => ("employee_number", bad[0] = good[0], "appears more than once"),
            "unknown org unit" => ("org_unit_code", bad[3] = "NO-SUCH-UNIT", "no org unit"),
            "grade off scale" => ("grade", bad[4] = "12", "not a grade on the scale 1–9"),
            "future hire date" => ("hire_date", bad[5] = future, "in the future"),
            "malformed email" => ("email", bad[2] = "not-an-email", "not a valid email address"),
            "missing name" => ("name", bad[1] = "", "missing"),
            _ => throw new ArgumentOutOfRangeException(nameof(problem)),
        };

        var result = await _api.ImportAsync(RosterFile.Csv([good, bad]), dryRun: true);

        // A duplicate flags the first row too (see Import_DuplicateNumber_FlagsBothRows); every other problem is on row 2 only.
        var onRow2 = result.Errors.Where(e => e.Row == 2).ToList();
        result.Errors.Count(e => e.Row != 2).ShouldBe(problem == "duplicate number" ? 1 : 0, string.Join(" | ", result.Errors));
        var error = onRow2.ShouldHaveSingleItem(string.Join(" | ", result.Errors));
        error.Column.ShouldBe(column);
        error.Value.ShouldBe(value);
        error.Message.ShouldContain(message);
    }

    [Fact]
    public async Task Import_DuplicateNumber_FlagsBothRows()
    {
        var first = RosterFile.Row();
        var second = RosterFile.Row(number: first[0]);

        var result = await _api.ImportAsync(RosterFile.Csv([first, second]), dryRun: true);

        result.Errors.Select(e => e.Row).ShouldBe([1, 2]);
        result.Errors[0].Message.ShouldContain("also on row 2");
    }

    [Fact]
    public async Task Import_ErrorsWithoutSkip_WritesNothing()
    {
        var valid = RosterFile.Row();
        var invalid = RosterFile.Row(grade: "0");

        var result = await _api.ImportAsync(RosterFile.Csv([valid, invalid]), dryRun: false, skipInvalidRows: false);

        result.Applied.ShouldBeFalse();
        result.Errors.ShouldHaveSingleItem().Row.ShouldBe(2);
        result.Note!.ShouldContain("Nothing was written");
        (await app.FindEmployeeAsync(valid[0])).ShouldBeNull();
        (await app.FindEmployeeAsync(invalid[0])).ShouldBeNull();
    }

    [Fact]
    public async Task Import_ErrorsWithSkip_ImportsTheValidRows()
    {
        var valid = RosterFile.Row();
        var invalid = RosterFile.Row(unit: "NO-SUCH-UNIT");

        var result = await _api.ImportAsync(RosterFile.Csv([valid, invalid]), dryRun: false, skipInvalidRows: true);

        result.Applied.ShouldBeTrue();
        result.Created.ShouldBe(1);
        (await app.FindEmployeeAsync(valid[0])).ShouldNotBeNull();
        (await app.FindEmployeeAsync(invalid[0])).ShouldBeNull();
    }

    [Fact]
    public async Task Import_MissingRequiredColumn_Answers400NamingIt()
    {
        string[] header = ["employee_number", "name", "email", "org_unit_code", "grade"];
        var row = RosterFile.Row()[..5];

        using var response = await _api.PostAsync(RosterFile.Csv([row], header), dryRun: true);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadProblemDetailAsync()).ShouldContain("\"hire_date\"");
    }

    [Fact]
    public async Task Import_FileOverLimit_Answers413WithClearMessage()
    {
        var small = app.StartInstance(new Dictionary<string, string?> { ["Uploads:MaxRosterBytes"] = "1024" });
        using var api = app.ApiClient(instance: small);
        var file = RosterFile.Csv(Enumerable.Range(0, 40).Select(_ => RosterFile.Row()));

        using var response = await api.PostAsync(file, dryRun: true);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        var detail = await response.ReadProblemDetailAsync();
        detail.ShouldContain("the limit is");
        detail.ShouldContain("Uploads:MaxRosterBytes");
    }

    [Fact]
    public async Task Import_NoFile_Answers400()
    {
        using var content = new MultipartFormDataContent { { new StringContent("x"), "other" } };

        using var response = await _api.PostAsync("/api/v1/employees/import?dryRun=true", content);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadProblemDetailAsync()).ShouldContain("\"file\"");
    }

    public void Dispose()
    {
        _api.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class RosterImportValidationSqliteTests(SqliteApp app) : RosterImportValidationTests(app), IClassFixture<SqliteApp>;

public sealed class RosterImportValidationPostgresTests(PostgresApp app) : RosterImportValidationTests(app), IClassFixture<PostgresApp>;
