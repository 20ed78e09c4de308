using System.Net.Http.Json;
using System.Net;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Learning.Quizzes;
using ServeWell.Web.Tests.Fixtures;
using Shouldly;

namespace ServeWell.Web.Tests.Modules.Learning.Quizzes;

/// <summary>Removing a quiz from the pages (ADR-049): deleted when unattempted, archived with its attempts, kept while a lesson uses it.</summary>
public abstract class QuizRemovalTests(AppHost app)
{
    [Fact]
    public async Task AnUnattemptedQuiz_IsDeleted_AfterAConfirmationThatSaysSo()
    {
        var (category, _) = await app.CreateCategoryAsync(QuizTestData.Singles(1, "Del"));
        var quiz = await app.CreateQuizAsync([(category, 1)]);
        using var officer = await app.SignInAsRoleAsync(ServeWell.Web.Platform.Security.Roles.TrainingOfficer);

        var confirm = await officer.GetPageAsync($"/Learning/Quizzes/{quiz}/Delete?lang=en");
        using var done = await officer.SubmitAsync(confirm, $"/Learning/Quizzes/{quiz}/Delete", new Dictionary<string, string>(), "confirmed");

        confirm.QuerySelector(".confirm-consequences")!.TextContent.ShouldContain("Nobody has attempted it.");
        done.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.DbAsync(db => db.Quizzes.AnyAsync(q => q.Id == quiz))).ShouldBeFalse();
    }

    [Fact]
    public async Task AQuizWithAttempts_IsArchived_KeepingThemAndItsResults_AndCanNoLongerBeStarted()
    {
        var (category, _) = await app.CreateCategoryAsync(QuizTestData.Singles(1, "Arch"));
        var quiz = await app.CreateQuizAsync([(category, 1)]);
        var (a, b) = (await NewEmployeeAsync(), await NewEmployeeAsync());
        await app.TakeAsync(quiz, a.Id, _ => true);
        await app.TakeAsync(quiz, b.Id, _ => false);
        using var officer = await app.SignInAsRoleAsync(ServeWell.Web.Platform.Security.Roles.TrainingOfficer);

        var confirm = await officer.GetPageAsync($"/Learning/Quizzes/{quiz}/Delete?lang=en");
        using var done = await officer.SubmitAsync(confirm, $"/Learning/Quizzes/{quiz}/Delete", new Dictionary<string, string>(), "confirmed");
        using var results = await officer.GetAsync($"/api/v1/quizzes/{quiz}/results");
        using var again = await officer.GetAsync($"/Learning/Quizzes/{quiz}/Delete");

        confirm.QuerySelector("h1")!.TextContent.ShouldStartWith("Archive the quiz");
        confirm.QuerySelector(".confirm-consequences")!.TextContent.ShouldContain("Learners have made 2 attempts at it.");
        done.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.DbAsync(db => db.Quizzes.AsNoTracking().SingleAsync(q => q.Id == quiz))).ArchivedAtUtc.ShouldNotBeNull();
        (await app.DbAsync(db => db.QuizAttempts.CountAsync(x => x.QuizId == quiz))).ShouldBe(2);
        results.StatusCode.ShouldBe(HttpStatusCode.OK);
        again.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.StartAsync(quiz, a.Id)).Outcome.ShouldBe(StartOutcome.NotFound);
        var listed = (await officer.Http.GetFromJsonAsync<List<QuizDto>>("/api/v1/quizzes"))!.Single(q => q.Id == quiz);
        listed.ArchivedAtUtc.ShouldNotBeNull(); // the API says so, as the pages do
    }

    [Fact]
    public async Task AQuizALessonUses_IsKept_AndThePageAndTheApiNameTheCourse()
    {
        var (category, _) = await app.CreateCategoryAsync(QuizTestData.Singles(1, "Used"));
        var quiz = await app.CreateQuizAsync([(category, 1)]);
        var (training, _) = await app.QuizLessonAsync(quiz);
        using var officer = await app.SignInAsRoleAsync(ServeWell.Web.Platform.Security.Roles.TrainingOfficer);
        using var api = app.ApiClient();

        var page = await officer.GetPageAsync($"/Learning/Quizzes/{quiz}/Delete?lang=en");
        using var refused = await api.DeleteAsync($"/api/v1/quizzes/{quiz}");

        page.QuerySelector("h1")!.TextContent.ShouldContain("cannot be deleted");
        page.Body!.TextContent.ShouldContain(training.Programme.Title.ToString());
        page.QuerySelector(".confirm form").ShouldBeNull();
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await refused.Content.ReadAsStringAsync()).ShouldContain(training.Programme.Title.ToString());
        (await app.DbAsync(db => db.Quizzes.AsNoTracking().SingleAsync(q => q.Id == quiz))).ArchivedAtUtc.ShouldBeNull();
    }

    private async Task<ServeWell.Web.Modules.People.Employees.Employee> NewEmployeeAsync() =>
        await app.CreateEmployeeAsync((await app.CreateOrgUnitAsync("O-CIVIL")).Code);
}

public sealed class QuizRemovalSqliteTests(SqliteApp app) : QuizRemovalTests(app), IClassFixture<SqliteApp>;

public sealed class QuizRemovalPostgresTests(PostgresApp app) : QuizRemovalTests(app), IClassFixture<PostgresApp>;
