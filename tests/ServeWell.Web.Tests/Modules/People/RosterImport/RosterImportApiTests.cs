using System.Net;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.People.Employees;
using ServeWell.Web.Tests.Fixtures;

namespace ServeWell.Web.Tests.Modules.People.RosterImport;

/// <summary>POST /api/v1/employees/import: dry run, apply, idempotence, moves and leavers.</summary>
public abstract class RosterImportApiTests(AppHost app) : IDisposable
{
    private readonly HttpClient _api = app.ApiClient();

    [Fact]
    public async Task Import_DryRun_WritesNothing()
    {
        string[][] rows = [RosterFile.Row(), RosterFile.Row(), RosterFile.Row()];
        // Only entries about employees: background work (the completion sweep's certificates) may audit meanwhile.
        var auditBefore = await app.DbAsync(db => db.AuditEntries.CountAsync(e => e.EntityType == "Employee"));

        var result = await _api.ImportAsync(RosterFile.Csv(rows), dryRun: true);

        result.DryRun.ShouldBeTrue();
        result.Applied.ShouldBeFalse();
        result.Created.ShouldBe(3);
        result.Errors.ShouldBeEmpty();
        foreach (var row in rows)
        {
            (await app.FindEmployeeAsync(row[0])).ShouldBeNull();
        }

        (await app.DbAsync(db => db.AuditEntries.CountAsync(e => e.EntityType == "Employee"))).ShouldBe(auditBefore);
    }

    [Fact]
    public async Task Import_Apply_CreatesThenUpdates()
    {
        var kept = RosterFile.Row(grade: "7");
        var renamed = RosterFile.Row();
        await _api.ImportAsync(RosterFile.Csv([kept, renamed]), dryRun: false);
        var added = RosterFile.Row();
        renamed[1] = "Renamed " + renamed[0];

        var result = await _api.ImportAsync(RosterFile.Csv([kept, renamed, added]), dryRun: false);

        result.Applied.ShouldBeTrue();
        (result.Created, result.Updated, result.Unchanged).ShouldBe((1, 1, 1));
        (await app.EmployeeAsync(renamed[0])).Name.ShouldBe("Renamed " + renamed[0]);
        var created = await app.EmployeeAsync(added[0]);
        created.OrgUnit!.Code.ShouldBe("C-WONHYO");
        created.HireDate.ShouldBe(new DateOnly(2018, 3, 2));
        (await app.EmployeeAsync(kept[0])).Grade.ShouldBe(7);
    }

    [Fact]
    public async Task Import_SameFileTwice_SecondTimeChangesNothing()
    {
        var file = RosterFile.Csv([RosterFile.Row(), RosterFile.Row(unit: "O-HR", grade: "6")]);

        var first = await _api.ImportAsync(file, dryRun: false);
        var second = await _api.ImportAsync(file, dryRun: false);

        first.Created.ShouldBe(2);
        (second.Created, second.Updated, second.Unchanged).ShouldBe((0, 0, 2));
        second.Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task Import_MoveToAnotherUnit_AddsAssignmentHistoryRow()
    {
        var row = RosterFile.Row(unit: "C-WONHYO");
        await _api.ImportAsync(RosterFile.Csv([row]), dryRun: false);
        row[3] = "C-NAMSAN";

        var result = await _api.ImportAsync(RosterFile.Csv([row]), dryRun: false);

        result.Updated.ShouldBe(1);
        var employee = await app.EmployeeAsync(row[0]);
        employee.OrgUnit!.Code.ShouldBe("C-NAMSAN");
        var history = await app.DbAsync(db => db.EmployeeAssignments.Where(a => a.EmployeeId == employee.Id)
            .OrderBy(a => a.From).Select(a => new { a.OrgUnit!.Code, a.From, a.Until }).ToListAsync());
        history.Select(h => h.Code).ShouldBe(["C-WONHYO", "C-NAMSAN"]);
        history[0].Until.ShouldBe(history[1].From);
        history[1].Until.ShouldBeNull();
    }

    [Fact]
    public async Task Import_MarkMissingAsLeft_MarksMissingOnlyWhenAsked()
    {
        // Marking everyone missing from the file as left touches the whole city: it gets a database of its own.
        await using var isolated = await AppHost.StartIsolatedAsync(app.Kind);
        using var api = isolated.ApiClient();
        var stays = RosterFile.Row();
        var goes = RosterFile.Row();
        await api.ImportAsync(RosterFile.Csv([stays, goes]), dryRun: false);

        var notAsked = await api.ImportAsync(RosterFile.Csv([stays]), dryRun: false);
        var statusAfterNotAsked = (await isolated.EmployeeAsync(goes[0])).Status;
        var asked = await api.ImportAsync(RosterFile.Csv([stays]), dryRun: false, markMissingAsLeft: true);

        notAsked.MarkedLeft.ShouldBe(0);
        notAsked.MissingFromFile.ShouldBeGreaterThan(0);
        statusAfterNotAsked.ShouldBe(EmployeeStatus.Active);
        asked.MarkedLeft.ShouldBe(notAsked.MissingFromFile);
        (await isolated.EmployeeAsync(goes[0])).Status.ShouldBe(EmployeeStatus.Left);
        (await isolated.EmployeeAsync(stays[0])).Status.ShouldBe(EmployeeStatus.Active);
        (await isolated.DbAsync(db => db.Employees.CountAsync(e => e.Status != EmployeeStatus.Left))).ShouldBe(1);
    }

    [Fact]
    public async Task Import_DecompressionBomb_Answers400SayingWhatWasExceeded()
    {
        var bomb = Reading.RosterFileLimitsTests.WithSharedStrings(sb => sb.Append("<si><t>").Append('a', 20_000_000).Append("</t></si>"));

        using var response = await _api.PostAsync(bomb, dryRun: true, fileName: "roster.xlsx");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadProblemDetailAsync()).ShouldContain("100 times its packed size");
    }

    public void Dispose()
    {
        _api.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class RosterImportApiSqliteTests(SqliteApp app) : RosterImportApiTests(app), IClassFixture<SqliteApp>;

public sealed class RosterImportApiPostgresTests(PostgresApp app) : RosterImportApiTests(app), IClassFixture<PostgresApp>;
