using System.Text;
using ServeWell.Web.Modules.People.Employees;
using ServeWell.Web.Tests.Fixtures;

namespace ServeWell.Web.Tests.Modules.People.RosterImport;

/// <summary>The files HR actually sends: Korean Excel's CP949 CSV with Korean headers, and XLSX workbooks.</summary>
public abstract class RosterImportFormatTests(AppHost app) : IDisposable
{
    private readonly HttpClient _api = app.ApiClient();

    [Fact]
    public async Task Import_Cp949CsvWithKoreanHeaders_CreatesEmployees()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var number = TestData.Unique("K");
        string[] header = ["사번", "성명", "이메일", "부서코드", "직급", "입사일", "민원담당", "상태"];
        string[] row = [number, "홍길동", number.ToLowerInvariant() + "@hanbit.example", "C-WONHYO", "7급", "2019.04.01", "예", "재직"];
        var file = RosterFile.Csv([row], header, Encoding.GetEncoding(949));

        var result = await _api.ImportAsync(file, dryRun: false);

        Should.Throw<DecoderFallbackException>(() => new UTF8Encoding(false, true).GetString(file));
        result.Errors.ShouldBeEmpty(string.Join(" | ", result.Errors));
        result.FileDescription!.ShouldContain("CP949");
        result.Created.ShouldBe(1);
        var employee = await app.EmployeeAsync(number);
        employee.Name.ShouldBe("홍길동");
        employee.Grade.ShouldBe(7);
        employee.HireDate.ShouldBe(new DateOnly(2019, 4, 1));
        employee.IsFrontline.ShouldBeTrue();
        employee.Status.ShouldBe(EmployeeStatus.Active);
    }

    [Fact]
    public async Task Import_XlsxWorkbook_CreatesEmployees()
    {
        var first = TestData.Unique("X");
        var second = TestData.Unique("X");
        var hired = new DateTime(2016, 9, 1);
        var file = XlsxWorkbook.Create(
        [
            ["employee_number", "name", "email", "org_unit_code", "grade", "hire_date", "frontline"],
            [first, "Xlsx " + first, first.ToLowerInvariant() + "@xlsx.example", "O-TAX", 6, hired.ToOADate(), "Y"],
            [second, "Xlsx " + second, second.ToLowerInvariant() + "@xlsx.example", "O-ENV", "9", "2021-01-04", "N"],
        ]);

        var result = await _api.ImportAsync(file, dryRun: false, fileName: "roster.xlsx");

        result.Errors.ShouldBeEmpty(string.Join(" | ", result.Errors));
        result.FileDescription!.ShouldContain("XLSX");
        result.Created.ShouldBe(2);
        var a = await app.EmployeeAsync(first);
        (a.OrgUnit!.Code, a.Grade, a.HireDate, a.IsFrontline).ShouldBe(("O-TAX", 6, new DateOnly(2016, 9, 1), true));
        var b = await app.EmployeeAsync(second);
        (b.OrgUnit!.Code, b.Grade, b.HireDate, b.IsFrontline).ShouldBe(("O-ENV", 9, new DateOnly(2021, 1, 4), false));
    }

    public void Dispose()
    {
        _api.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class RosterImportFormatSqliteTests(SqliteApp app) : RosterImportFormatTests(app), IClassFixture<SqliteApp>;

public sealed class RosterImportFormatPostgresTests(PostgresApp app) : RosterImportFormatTests(app), IClassFixture<PostgresApp>;
