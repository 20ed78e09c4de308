using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;

namespace ServeWell.Web.Tests.Platform.Audit;

/// <summary>An edit on the employee page leaves an audit_entries row: who, what, and the values before and after.</summary>
public abstract class AuditTrailTests(AppHost app)
{
    [Fact]
    public async Task EmployeeEdit_ThroughPage_RecordsActorBeforeAndAfter()
    {
        var employee = await app.CreateEmployeeAsync("O-HR");
        var admin = await app.DemoAccountAsync(Roles.Administrator);
        using var client = await app.SignInAsRoleAsync(Roles.Administrator);
        var path = $"/People/Employees/Edit/{employee.Id}";
        var form = await client.GetPageAsync(path);

        using var saved = await client.SubmitAsync(form, path, new Dictionary<string, string> { ["Form.Name"] = "Edited Name", ["Form.Phone"] = "010-5555-0101" });

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var entry = await app.DbAsync(db => db.AuditEntries.AsNoTracking()
            .SingleAsync(a => a.EntityType == "Employee" && a.EntityKey == employee.EmployeeNumber && a.Action == "updated"));
        entry.ActorUserId.ShouldBe(admin.Id);
        entry.ActorName.ShouldBe(admin.Email);
        var before = JsonDocument.Parse(entry.Before!).RootElement;
        var after = JsonDocument.Parse(entry.After!).RootElement;
        before.GetProperty("Name").GetString().ShouldBe(employee.Name);
        after.GetProperty("Name").GetString().ShouldBe("Edited Name");
        before.GetProperty("Phone").ValueKind.ShouldBe(JsonValueKind.Null);
        after.GetProperty("Phone").GetString().ShouldBe("010-5555-0101");
        after.TryGetProperty("Email", out _).ShouldBeFalse("unchanged values stay out of the entry");
    }

    [Fact]
    public async Task AuditEntries_Table_IsNamedAuditEntries()
    {
        var table = await app.DbAsync(db => Task.FromResult(db.Model.FindEntityType(typeof(ServeWell.Web.Platform.Audit.AuditEntry))!.GetTableName()));

        table.ShouldBe("audit_entries");
    }
}

public sealed class AuditTrailSqliteTests(SqliteApp app) : AuditTrailTests(app), IClassFixture<SqliteApp>;

public sealed class AuditTrailPostgresTests(PostgresApp app) : AuditTrailTests(app), IClassFixture<PostgresApp>;
