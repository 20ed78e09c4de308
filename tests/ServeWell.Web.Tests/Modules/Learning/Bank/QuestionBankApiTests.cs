using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Learning.Bank;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;

namespace ServeWell.Web.Tests.Modules.Learning.Bank;

/// <summary>Import, persistence and export of the bank through /api/v1/question-bank, and who may use it.</summary>
public abstract class QuestionBankApiTests(AppHost app) : IDisposable
{
    private readonly HttpClient _api = app.ApiClient();

    [Theory]
    [InlineData("gift")]
    [InlineData("xml")]
    public async Task Import_ThenExportTheCategory_GivesTheSameBankForEveryType(string format)
    {
        var root = TestData.Unique("Bank ");
        var file = SampleBank.Under(root);
        var body = format == "xml" ? MoodleXmlWriter.Write(file, "ko") : Encoding.UTF8.GetBytes(GiftWriter.Write(file, "ko"));

        using var imported = await _api.PostAsync($"/api/v1/question-bank/import?format={format}&language=ko", new ByteArrayContent(body));

        imported.StatusCode.ShouldBe(HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());
        var result = await imported.Content.ReadFromJsonAsync<JsonElement>();
        result.GetProperty("applied").GetBoolean().ShouldBeTrue();
        result.GetProperty("questions").GetInt32().ShouldBe(6);
        result.GetProperty("newCategories").GetArrayLength().ShouldBe(4);
        var id = await CategoryIdAsync(root);
        using var exported = await _api.GetAsync($"/api/v1/question-bank/export?format={format}&category={id}&language=ko");
        exported.StatusCode.ShouldBe(HttpStatusCode.OK);
        var bytes = await exported.Content.ReadAsByteArrayAsync();
        var back = format == "xml" ? MoodleXmlReader.Read(new MemoryStream(bytes), "ko", 1_000_000) : GiftReader.Read(Encoding.UTF8.GetString(bytes), "ko");
        back.Problems.ShouldBeEmpty();
        back.File.Questions.Select(q => q.Canonical).ShouldBe(file.Questions.Select(q => q.Canonical));
        back.File.Categories.Count.ShouldBe(4);
    }

    [Fact]
    public async Task Import_WithOneBadLine_ImportsNothing_AndNamesTheLine()
    {
        var root = TestData.Unique("Bad ");
        var gift = $"$CATEGORY: $course$/top/{root}\n\n::Good:: Fine {{=a ~b}}\n\n::Bad:: Pick {{\n=a\n~%33%b\n}}\n";
        var before = await app.DbAsync(db => db.Set<Question>().CountAsync());

        using var response = await _api.PostAsync("/api/v1/question-bank/import?format=gift&language=en", new StringContent(gift));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var only = problem.GetProperty("problems").EnumerateArray().Single();
        only.GetProperty("where").GetString().ShouldBe("line 7");
        only.GetProperty("message").GetString().ShouldBe("33% is not one of Moodle's grades.");
        (await app.DbAsync(db => db.Set<Question>().CountAsync())).ShouldBe(before);
        (await app.DbAsync(db => db.Set<QuestionCategory>().CountAsync(c => c.Name.En == root))).ShouldBe(0);
    }

    [Fact]
    public async Task Import_DryRun_SaysWhatItWouldCreate_AndWritesNothing()
    {
        var root = TestData.Unique("Dry ");
        using var content = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(GiftWriter.Write(SampleBank.Under(root), "en"))), "file", "bank.gift.txt" } };

        using var response = await _api.PostAsync("/api/v1/question-bank/import?dryRun=true&language=en", content);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        result.GetProperty("applied").GetBoolean().ShouldBeFalse();
        result.GetProperty("questionsByType").GetProperty("Ordering").GetInt32().ShouldBe(1);
        (await app.DbAsync(db => db.Set<QuestionCategory>().CountAsync(c => c.Name.En == root))).ShouldBe(0);
    }

    [Fact]
    public async Task Questions_ListAndGet_GiveTypesLanguagesAndAnswers()
    {
        var root = TestData.Unique("List ");
        using var imported = await _api.PostAsync("/api/v1/question-bank/import?format=xml", new ByteArrayContent(MoodleXmlWriter.Write(SampleBank.Under(root), "ko")));
        imported.EnsureSuccessStatusCode();
        var categories = await _api.GetOkAsync<List<JsonElement>>("/api/v1/question-bank/categories");
        var phone = categories.Single(c => c.GetProperty("name").GetProperty("ko").GetString() == "전화"
            && categories.Any(p => p.GetProperty("id").GetInt32() == c.GetProperty("parentId").GetInt32()
                && categories.Any(r => r.GetProperty("id").GetInt32() == p.GetProperty("parentId").GetInt32() && r.GetProperty("name").GetProperty("en").GetString() == root)));
        phone.GetProperty("questions").GetInt32().ShouldBe(6);

        var list = await _api.GetOkAsync<List<JsonElement>>($"/api/v1/question-bank/questions?category={phone.GetProperty("id").GetInt32()}&type=MultipleChoice");
        var summary = list.Single();
        summary.GetProperty("languages").EnumerateArray().Select(l => l.GetString()).ShouldBe(["ko"]);
        var question = await _api.GetOkAsync<JsonElement>($"/api/v1/question-bank/questions/{summary.GetProperty("id").GetInt32()}");
        question.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("fraction").GetDecimal()).ShouldBe([0.5m, 0.5m, -1m]);
        question.GetProperty("shuffle").GetBoolean().ShouldBeFalse();
    }

    [Theory]
    [InlineData(Roles.TrainingOfficer, HttpStatusCode.OK)]
    [InlineData(Roles.Administrator, HttpStatusCode.OK)]
    [InlineData(Roles.Employee, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Supervisor, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Instructor, HttpStatusCode.Forbidden)]
    public async Task Api_IsForTrainingOfficersAndAdministrators(string role, HttpStatusCode expected)
    {
        using var client = await app.SignInAsRoleAsync(role);

        using var list = await client.Http.GetAsync("/api/v1/question-bank/categories");
        using var export = await client.Http.GetAsync("/api/v1/question-bank/export?format=gift");
        using var import = await client.Http.PostAsync("/api/v1/question-bank/import?dryRun=true", new StringContent("::Q:: T? {T}"));

        list.StatusCode.ShouldBe(expected);
        export.StatusCode.ShouldBe(expected);
        import.StatusCode.ShouldBe(expected);
    }

    [Theory]
    [InlineData("/Learning/Bank")]
    [InlineData("/Learning/Bank/Import")]
    [InlineData("/Learning/Bank/Export")]
    public async Task Pages_AsEmployee_AreForbidden(string path)
    {
        using var employee = await app.SignInAsRoleAsync(Roles.Employee);

        using var response = await employee.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.ShouldBe("/Accounts/AccessDenied");
    }

    [Fact]
    public async Task ImportPage_ChecksThenImportsOnConfirmation_WithANotice()
    {
        var root = TestData.Unique("Page ");
        using var officer = await app.SignInAsRoleAsync(Roles.TrainingOfficer);
        var page = await officer.GetPageAsync("/Learning/Bank/Import");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var upload = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("en"), "Language" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(GiftWriter.Write(SampleBank.Under(root), "en"))), "Upload", "bank.gift.txt" },
        };

        using var checkedResponse = await officer.Http.PostAsync("/Learning/Bank/Import?handler=Check", upload);
        var preview = Html.Parse(await checkedResponse.Content.ReadAsStringAsync());
        checkedResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        preview.QuerySelector(".error-summary").ShouldBeNull();
        (await app.DbAsync(db => db.Set<QuestionCategory>().CountAsync(c => c.Name.En == root))).ShouldBe(0);

        using var confirmed = await officer.SubmitAsync(preview, "/Learning/Bank/Import?handler=Confirm", new Dictionary<string, string>(), "FileContent");

        confirmed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        confirmed.Headers.Location!.OriginalString.ShouldBe("/Learning/Bank");
        var bank = await officer.GetPageAsync("/Learning/Bank");
        bank.QuerySelector(".notice")!.TextContent.ShouldContain("6");
        (await app.DbAsync(db => db.Set<QuestionCategory>().CountAsync(c => c.Name.En == root))).ShouldBe(1);
    }

    private async Task<int> CategoryIdAsync(string name) =>
        (await _api.GetOkAsync<List<JsonElement>>("/api/v1/question-bank/categories"))
            .Single(c => c.GetProperty("name").GetProperty("en").GetString() == name).GetProperty("id").GetInt32();

    public void Dispose()
    {
        _api.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class QuestionBankApiSqliteTests(SqliteApp app) : QuestionBankApiTests(app), IClassFixture<SqliteApp>;

public sealed class QuestionBankApiPostgresTests(PostgresApp app) : QuestionBankApiTests(app), IClassFixture<PostgresApp>;
