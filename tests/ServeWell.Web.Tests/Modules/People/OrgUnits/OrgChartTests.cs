using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.People.Employees;
using ServeWell.Web.Modules.People.OrgUnits;
using ServeWell.Web.Platform.Web;
using ServeWell.Web.Tests.Fixtures;

namespace ServeWell.Web.Tests.Modules.People.OrgUnits;

/// <summary>The OrgChart use case: every step keeps the tree's paths right and leaves a history row.</summary>
public abstract class OrgChartTests(AppHost app)
{
    [Fact]
    public async Task Create_UnderParent_PlacesUnitAndRecordsHistory()
    {
        var parent = await app.UnitAsync("D-COM");

        var unit = await app.CreateOrgUnitAsync("D-COM");

        var saved = await app.UnitAsync(unit.Code);
        saved.ParentId.ShouldBe(parent.Id);
        saved.Path.ShouldBe($"{parent.Path}{saved.Id}/");
        saved.Depth.ShouldBe(parent.Depth + 1);
        (await HistoryAsync(saved.Id)).ShouldBe(["created"]);
    }

    [Fact]
    public async Task Create_DuplicateCode_IsRefused()
    {
        var unit = await app.CreateOrgUnitAsync("D-COM");

        var refused = await Should.ThrowAsync<DomainRuleException>(() => app.CreateOrgUnitAsync("D-ADM", unit.Code));

        refused.Message.ShouldContain(unit.Code);
    }

    [Fact]
    public async Task Update_NewName_RenamesAndRecordsHistory()
    {
        var unit = await app.CreateOrgUnitAsync("D-COM");

        await UpdateAsync(unit.Id, new OrgUnitForm(unit.Code, "새 이름", "New name", unit.Kind, "D-COM"));

        var saved = await app.UnitAsync(unit.Code);
        (saved.Name, saved.NameEn).ShouldBe(("새 이름", "New name"));
        var renamed = await app.DbAsync(db => db.OrgUnitChanges.SingleAsync(c => c.OrgUnitId == unit.Id && c.Kind == "renamed"));
        renamed.From!.ShouldContain(unit.Name);
        renamed.To!.ShouldContain("새 이름");
    }

    [Fact]
    public async Task Update_NewParent_MovesUnitAndDescendantPathsFollow()
    {
        var top = await app.CreateOrgUnitAsync("D-COM", kind: OrgUnitKind.Office);
        var middle = await app.CreateOrgUnitAsync(top.Code);
        var bottom = await app.CreateOrgUnitAsync(middle.Code);
        var employee = await app.CreateEmployeeAsync(bottom.Code);
        var newParent = await app.UnitAsync("D-ADM");

        await UpdateAsync(top.Id, new OrgUnitForm(top.Code, top.Name, top.NameEn, top.Kind, "D-ADM"));

        var (movedTop, movedMiddle, movedBottom) = (await app.UnitAsync(top.Code), await app.UnitAsync(middle.Code), await app.UnitAsync(bottom.Code));
        movedTop.Path.ShouldBe($"{newParent.Path}{top.Id}/");
        movedMiddle.Path.ShouldBe($"{movedTop.Path}{middle.Id}/");
        movedBottom.Path.ShouldBe($"{movedMiddle.Path}{bottom.Id}/");
        (movedTop.Depth, movedMiddle.Depth, movedBottom.Depth).ShouldBe((newParent.Depth + 1, newParent.Depth + 2, newParent.Depth + 3));
        (await HistoryAsync(top.Id)).ShouldBe(["created", "moved"]);
        var inSubtree = await app.DbAsync(db => db.Employees.AnyAsync(e => e.Id == employee.Id && e.OrgUnit!.Path.StartsWith(newParent.Path)));
        inSubtree.ShouldBeTrue();
    }

    [Fact]
    public async Task Update_UnderOwnDescendant_IsRefused()
    {
        var top = await app.CreateOrgUnitAsync("D-COM");
        var child = await app.CreateOrgUnitAsync(top.Code);

        await Should.ThrowAsync<DomainRuleException>(() => UpdateAsync(top.Id, new OrgUnitForm(top.Code, top.Name, top.NameEn, top.Kind, child.Code)));

        (await app.UnitAsync(top.Code)).ParentId.ShouldBe((await app.UnitAsync("D-COM")).Id);
    }

    [Fact]
    public async Task Deactivate_WhileEmployeesRemain_IsRefusedThenAllowedOnceEmpty()
    {
        var unit = await app.CreateOrgUnitAsync("D-WEL");
        var employee = await app.CreateEmployeeAsync(unit.Code);

        var refused = await Should.ThrowAsync<DomainRuleException>(() => SetActiveAsync(unit.Id, false));
        (await app.UnitAsync(unit.Code)).IsActive.ShouldBeTrue();

        await MoveEmployeeAsync(employee.Id, "O-WELFARE");
        await SetActiveAsync(unit.Id, false);

        refused.Message.ShouldContain("still has employees");
        (await app.UnitAsync(unit.Code)).IsActive.ShouldBeFalse();
        (await HistoryAsync(unit.Id)).ShouldBe(["created", "deactivated"]);
    }

    private Task<int> UpdateAsync(int id, OrgUnitForm form) =>
        app.UseAsync<OrgChart, int>(async chart => { await chart.UpdateAsync(id, form, CancellationToken.None); return id; });

    private Task<int> SetActiveAsync(int id, bool active) =>
        app.UseAsync<OrgChart, int>(async chart => { await chart.SetActiveAsync(id, active, CancellationToken.None); return id; });

    private Task<List<string>> HistoryAsync(int unitId) =>
        app.DbAsync(db => db.OrgUnitChanges.Where(c => c.OrgUnitId == unitId).OrderBy(c => c.Id).Select(c => c.Kind).ToListAsync());

    private Task<int> MoveEmployeeAsync(int employeeId, string unitCode) => app.UseAsync<SaveEmployee, int>(async save =>
    {
        var current = await app.DbAsync(db => db.Employees.AsNoTracking().Include(e => e.OrgUnit).SingleAsync(e => e.Id == employeeId));
        var form = SaveEmployee.FormOf(current, unitCode);
        var (saved, problems) = await save.SaveAsync(employeeId, form, CancellationToken.None);
        saved.ShouldNotBeNull(string.Join("; ", problems.Select(p => p.Message)));
        return employeeId;
    });
}

public sealed class OrgChartSqliteTests(SqliteApp app) : OrgChartTests(app), IClassFixture<SqliteApp>;

public sealed class OrgChartPostgresTests(PostgresApp app) : OrgChartTests(app), IClassFixture<PostgresApp>;
