using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Tests.Modules.Training;

/// <summary>The training pages as a training officer uses them, and closed to an employee.</summary>
public abstract class TrainingPagesTests(AppHost app)
{
    [Fact]
    public async Task Pages_AsTrainingOfficer_Render()
    {
        using var officer = await app.SignInAsRoleAsync(Roles.TrainingOfficer);
        var id = await DemoProgrammeIdAsync("Visiting Courtesy Training");

        var list = await officer.GetPageAsync("/Training/Programmes");
        var details = await officer.GetPageAsync($"/Training/Programmes/Details/{id}");
        var edit = await officer.GetPageAsync($"/Training/Programmes/Edit/{id}");
        await officer.GetPageAsync("/Training/Programmes/Edit");
        var competencies = await officer.GetPageAsync("/Training/Competencies");
        await officer.GetPageAsync("/Training/Competencies/Edit");

        list.Text("table").ShouldContain("Customer service excellence");
        details.Text("h1").ShouldBe("Visiting Courtesy Training");
        details.Text(".result-count").ShouldEndWith("employees match");
        ((IHtmlInputElement)edit.QuerySelector("#unit-D-COM")!).IsChecked.ShouldBeTrue();
        edit.Text(".result-count").ShouldEndWith("employees match");
        competencies.QuerySelectorAll("tbody tr").Length.ShouldBeGreaterThanOrEqualTo(8);
    }

    [Fact]
    public async Task EditPage_InKorean_ShowsKoreanLabelsAndGrades()
    {
        using var officer = await app.SignInAsRoleAsync(Roles.TrainingOfficer);
        officer.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ko-KR");
        var id = await DemoProgrammeIdAsync("Considerate expressions toward complainants");

        var page = await officer.GetPageAsync($"/Training/Programmes/Edit/{id}");

        page.Text("#preview-heading").ShouldBe("해당 직원");
        page.Text(".result-count").ShouldStartWith("조건에 맞는 직원");
        page.Text("label[for='Form_Audience_AtOrBelowGrade']").ShouldBe("직급(이하)");
        ((IHtmlSelectElement)page.QuerySelector("#Form_Audience_AtOrBelowGrade")!).SelectedOptions.Single().TextContent.ShouldBe("6급");
    }

    [Theory]
    [InlineData("/Training/Programmes")]
    [InlineData("/Training/Programmes/Edit")]
    [InlineData("/Training/Competencies")]
    [InlineData("/Training/Competencies/Edit")]
    public async Task Pages_AsEmployee_AreForbidden(string path)
    {
        using var employee = await app.SignInAsRoleAsync(Roles.Employee);

        using var response = await employee.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.ShouldBe("/Accounts/AccessDenied");
    }

    [Fact]
    public async Task DetailsPage_AsEmployee_IsForbidden()
    {
        using var employee = await app.SignInAsRoleAsync(Roles.Employee);
        var id = await DemoProgrammeIdAsync("Customer service excellence");

        using var response = await employee.GetAsync($"/Training/Programmes/Details/{id}");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.ShouldBe("/Accounts/AccessDenied");
    }

    [Fact]
    public async Task EditPage_PreviewThenSave_ShowsTheCountAndCreatesTheProgramme()
    {
        var unit = await app.CreateOrgUnitAsync("C-CHEONGPA");
        await app.CreateEmployeeAsync(unit.Code, grade: 7);
        await app.CreateEmployeeAsync(unit.Code, grade: 8);
        using var officer = await app.SignInAsRoleAsync(Roles.TrainingOfficer);
        const string path = "/Training/Programmes/Edit";
        var title = TestData.Unique("Page programme ");
        var values = new Dictionary<string, string>
        {
            ["Form.Title.En"] = title, ["Form.Delivery"] = "LiveOnline", ["Form.Hours"] = "2", ["Form.Audience.OrgUnitCodes"] = unit.Code,
            ["Form.Instructors[0].Kind"] = "External", ["Form.Instructors[0].Name"] = "Guest Speaker",
        };
        var page = await officer.GetPageAsync(path);

        var fields = Html.FieldsOf(Html.FindForm(page, "Form.Title.En"));
        fields.RemoveAll(f => values.ContainsKey(f.Key));
        fields.AddRange(values);
        using var previewed = await officer.Http.PostAsync(path + "?handler=Preview", new FormUrlEncodedContent(fields));
        var preview = await Html.ParseAsync(previewed);
        previewed.StatusCode.ShouldBe(HttpStatusCode.OK);
        preview.Text(".result-count").ShouldBe("2 employees match");
        preview.QuerySelectorAll("section tbody tr").Length.ShouldBe(2);

        using var saved = await officer.SubmitAsync(preview, path, values);

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await Html.ParseAsync(saved)).Text(".error-summary"));
        var id = await DemoProgrammeIdAsync(title);
        saved.Headers.Location!.OriginalString.ShouldBe($"/Training/Programmes/Details/{id}");
        var details = await officer.GetPageAsync($"/Training/Programmes/Details/{id}");
        details.Text(".result-count").ShouldBe("2 employees match");
        details.Text("ul.instructors li").ShouldContain("Guest Speaker");
    }

    [Fact]
    public async Task EditPage_UnknownIncludedNumber_ShowsTheProblemAndSavesNothing()
    {
        using var officer = await app.SignInAsRoleAsync(Roles.TrainingOfficer);
        const string path = "/Training/Programmes/Edit";
        var title = TestData.Unique("Refused ");
        var page = await officer.GetPageAsync(path);

        using var answer = await officer.SubmitAsync(page, path, new Dictionary<string, string>
        {
            ["Form.Title.En"] = title, ["Form.Hours"] = "1", ["Form.Audience.Include"] = "NOBODY-HERE",
        });

        answer.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Html.ParseAsync(answer)).Text(".error-summary").ShouldContain("NOBODY-HERE");
        (await app.DbAsync(db => db.Programmes.AnyAsync(p => p.Title.En == title))).ShouldBeFalse();
    }

    [Fact]
    public async Task EditPage_ExistingProgramme_KeepsWhatWasNotChanged()
    {
        using var officer = await app.SignInAsRoleAsync(Roles.TrainingOfficer);
        var id = await DemoProgrammeIdAsync("Visiting Courtesy Training");
        var before = await app.DbAsync(db => db.Programmes.AsNoTracking().Include(p => p.Competencies).Include(p => p.Instructors).SingleAsync(p => p.Id == id));
        var path = $"/Training/Programmes/Edit/{id}";
        var page = await officer.GetPageAsync(path);

        using var saved = await officer.SubmitAsync(page, path, new Dictionary<string, string> { ["Form.Hours"] = "2.5" });

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await Html.ParseAsync(saved)).Text(".error-summary"));
        var after = await app.DbAsync(db => db.Programmes.AsNoTracking().Include(p => p.Competencies).Include(p => p.Instructors).SingleAsync(p => p.Id == id));
        after.Hours.ShouldBe(2.5m);
        after.Competencies.Select(c => c.Code).ShouldBe(before.Competencies.Select(c => c.Code), ignoreOrder: true);
        after.Instructors.Select(i => (i.Kind, i.EmployeeId, i.Name)).ShouldBe(before.Instructors.OrderBy(i => i.Order).Select(i => (i.Kind, i.EmployeeId, i.Name)));
        after.Audience.ShouldBeEquivalentTo(before.Audience);
        after.Title.ShouldBe(before.Title);
    }

    private Task<int> DemoProgrammeIdAsync(string title) =>
        app.DbAsync(db => db.Programmes.Where(p => p.Title.En == title).Select(p => p.Id).SingleAsync());
}

public sealed class TrainingPagesSqliteTests(SqliteApp app) : TrainingPagesTests(app), IClassFixture<SqliteApp>;

public sealed class TrainingPagesPostgresTests(PostgresApp app) : TrainingPagesTests(app), IClassFixture<PostgresApp>;
