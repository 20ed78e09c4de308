using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Learning.Bank;
using ServeWell.Web.Modules.Learning.Quizzes;
using ServeWell.Web.Modules.People.Employees;
using ServeWell.Web.Tests.Fixtures;
using ServeWell.Web.Tests.Modules.Training.Record;
using Shouldly;

namespace ServeWell.Web.Tests.Modules.Learning.Quizzes;

/// <summary>Quizzes over the bank (ADR-044): the draw, attempts, server grading and time limit, and who sees what.</summary>
public abstract class QuizTests(AppHost app)
{
    [Fact]
    public async Task Start_DrawsTheCountFromEachCategory_WithoutDuplicates_AndFreezesTheQuestions()
    {
        var (a, aIds) = await app.CreateCategoryAsync(QuizTestData.Singles(5, "A"));
        var (b, bIds) = await app.CreateCategoryAsync(QuizTestData.Singles(3, "B"));
        var quiz = await app.CreateQuizAsync([(a, 3), (b, 2)]);
        var employee = await NewEmployeeAsync();

        var attempt = (await app.StartAsync(quiz, employee.Id)).Attempt!;
        await app.DbAsync(db => db.Set<QuestionOption>().Where(o => aIds.Contains(o.QuestionId) && o.Position == 0)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Fraction, 0m))); // a later bank edit
        var submitted = await app.TakeAsync(quiz, employee.Id, _ => true);

        var drawn = attempt.Slots.Select(s => s.QuestionId!.Value).ToList();
        drawn.Count.ShouldBe(5);
        drawn.Distinct().Count().ShouldBe(5);
        drawn.Count(aIds.Contains).ShouldBe(3);
        drawn.Count(bIds.Contains).ShouldBe(2);
        attempt.Slots.Select(s => s.Position).ShouldBe([1, 2, 3, 4, 5]);
        submitted.Id.ShouldBe(attempt.Id);
        submitted.ScorePercent.ShouldBe(100m); // graded on the questions as drawn, not as edited since
    }

    [Fact]
    public async Task Start_Twice_ResumesTheOpenAttempt_WithTheSameQuestionsAndOptionOrder()
    {
        var (category, _) = await app.CreateCategoryAsync(QuizTestData.Singles(4));
        var quiz = await app.CreateQuizAsync([(category, 4)]);
        var employee = await app.LearnerOfAsync(quiz);
        using var client = await app.SignInAsEmployeeAsync(employee);
        await client.SendAntiforgeryHeaderAsync();

        using var first = await client.Http.PostAsync($"/api/v1/quizzes/{quiz}/attempts", null);
        using var again = await client.Http.PostAsync($"/api/v1/quizzes/{quiz}/attempts", null);
        using var read = await client.GetAsync($"/api/v1/quizzes/attempts/{(await Json(first)).GetProperty("id").GetInt64()}");

        first.StatusCode.ShouldBe(HttpStatusCode.Created, await first.Content.ReadAsStringAsync());
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        var (one, two, three) = (await Json(first), await Json(again), await Json(read));
        two.GetProperty("id").GetInt64().ShouldBe(one.GetProperty("id").GetInt64());
        Orders(two).ShouldBe(Orders(one));
        Orders(three).ShouldBe(Orders(one));
        Orders(one).ShouldAllBe(o => o.Split(',').Order().SequenceEqual(new[] { "0", "1", "2", "3" }));
        one.ToString().ShouldNotContain("fraction", Case.Insensitive); // no grades while open
        (await app.DbAsync(db => db.QuizAttempts.CountAsync(a => a.QuizId == quiz))).ShouldBe(1);
    }

    [Fact]
    public void OptionOrder_ShufflesChoicesWhenAllowed_AndAlwaysShufflesOrderingItems()
    {
        var single = QuizTestData.Question(QuestionType.SingleChoice, "S", [.. Enumerable.Range(0, 8).Select(i => QuizTestData.Of("o" + i, i == 0 ? 1m : 0m))]);
        var ordering = QuizTestData.Question(QuestionType.Ordering, "O", [QuizTestData.Of("a", 0), QuizTestData.Of("b", 0)]);

        FrozenQuestion.OrderFor(single, shuffle: false, new Random(1)).ShouldBe([0, 1, 2, 3, 4, 5, 6, 7]);
        FrozenQuestion.OrderFor(single with { Shuffle = false }, shuffle: true, new Random(1)).ShouldBe([0, 1, 2, 3, 4, 5, 6, 7]);
        var shuffled = FrozenQuestion.OrderFor(single, shuffle: true, new Random(1));
        shuffled.Order().ShouldBe([0, 1, 2, 3, 4, 5, 6, 7]);
        shuffled.ShouldNotBe([0, 1, 2, 3, 4, 5, 6, 7]);
        FrozenQuestion.OrderFor(ordering, shuffle: false, new Random(1)).ShouldBe([1, 0]);
    }

    [Fact]
    public async Task Submit_GradesOnTheServer_WithPartialCreditAndShortAnswerRules()
    {
        var (category, _) = await app.CreateCategoryAsync([
            QuizTestData.Question(QuestionType.MultipleChoice, "Calm", [QuizTestData.Of("Sorry", 0.5m, "Good"), QuizTestData.Of("I'll check", 0.5m), QuizTestData.Of("Rules", -1m)]),
            QuizTestData.Question(QuestionType.ShortAnswer, "Law", [QuizTestData.Of("Civil Petitions Act", 1m), QuizTestData.Of("Civil*", 0.5m)], caseSensitive: true),
            QuizTestData.Question(QuestionType.Ordering, "Steps", [QuizTestData.Of("Greet", 0), QuizTestData.Of("Listen", 0), QuizTestData.Of("Answer", 0)]),
        ]);
        var quiz = await app.CreateQuizAsync([(category, 3)], pass: 60);
        var employee = await NewEmployeeAsync();
        var attempt = (await app.StartAsync(quiz, employee.Id)).Attempt!;
        int At(string name) => attempt.Slots.First(s => FrozenQuestion.Of(s).Question.Name == name).Position;

        (await app.AnswerAsync(attempt.Id, employee.Id, At("Calm"), QuestionResponse.Choose(0))).Outcome.ShouldBe(AnswerOutcome.Saved);
        (await app.AnswerAsync(attempt.Id, employee.Id, At("Law"), QuestionResponse.Answer("  Civil   petitions"))).Outcome.ShouldBe(AnswerOutcome.Saved);
        (await app.AnswerAsync(attempt.Id, employee.Id, At("Steps"), QuestionResponse.Ordered(0, 2, 1))).Outcome.ShouldBe(AnswerOutcome.Saved);
        var graded = (await app.SubmitAsync(attempt.Id, employee.Id))!;

        var marks = graded.Slots.ToDictionary(s => FrozenQuestion.Of(s).Question.Name, s => s.Fraction);
        marks["Calm"].ShouldBe(0.5m);
        marks["Law"].ShouldBe(0.5m); // "Civil*" matched; the full answer is case-sensitive and "petitions" is not "Petitions Act"
        marks["Steps"]!.Value.ShouldBe(0.3333333m);
        graded.ScorePercent!.Value.ShouldBe(44.4444m);
        graded.Passed.ShouldBe(false);
        var view = AttemptView.Of(graded, "t", "en");
        view.Questions.First(q => q.Position == At("Calm")).Feedback!.ShouldContain("Good");
        view.Questions.First(q => q.Position == At("Calm")).Right.ShouldBe(false);
    }

    [Fact]
    public async Task Start_PastTheAttemptLimit_IsRefusedWithAClearMessage()
    {
        var (category, _) = await app.CreateCategoryAsync(QuizTestData.Singles(2));
        var quiz = await app.CreateQuizAsync([(category, 2)], attempts: 1);
        var employee = await app.LearnerOfAsync(quiz);
        await app.TakeAsync(quiz, employee.Id, _ => false);
        using var client = await app.SignInAsEmployeeAsync(employee);
        await client.SendAntiforgeryHeaderAsync();

        using var refused = await client.Http.PostAsync($"/api/v1/quizzes/{quiz}/attempts", null);

        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("You have used all 1 attempts at this quiz.");
        (await app.StartAsync(quiz, employee.Id)).Outcome.ShouldBe(StartOutcome.LimitReached);
    }

    [Fact]
    public async Task Answer_AfterTheDeadlineAndGrace_IsRefused_AndTheAttemptIsGradedWithWhatWasSaved()
    {
        var (category, _) = await app.CreateCategoryAsync(QuizTestData.Singles(2));
        var quiz = await app.CreateQuizAsync([(category, 2)], minutes: 10);
        var employee = await NewEmployeeAsync();
        var attempt = (await app.StartAsync(quiz, employee.Id)).Attempt!;
        attempt.DeadlineUtc!.Value.ShouldBe(attempt.StartedAtUtc.AddMinutes(10));
        (await app.AnswerAsync(attempt.Id, employee.Id, 1, QuestionResponse.Choose(0))).Outcome.ShouldBe(AnswerOutcome.Saved);

        await SetDeadlineAsync(attempt.Id, DateTime.UtcNow - TimeSpan.FromSeconds(10)); // within the grace
        var withinGrace = await app.AnswerAsync(attempt.Id, employee.Id, 1, QuestionResponse.Choose(0));
        await SetDeadlineAsync(attempt.Id, DateTime.UtcNow - TakeQuiz.Grace - TimeSpan.FromSeconds(5));
        var late = await app.AnswerAsync(attempt.Id, employee.Id, 2, QuestionResponse.Choose(0));
        var closed = (await app.ReadAttemptAsync(attempt.Id, employee.Id))!;

        withinGrace.Outcome.ShouldBe(AnswerOutcome.Saved);
        late.Outcome.ShouldBe(AnswerOutcome.TooLate);
        closed.SubmittedAtUtc.ShouldBe(closed.DeadlineUtc);
        closed.ClosedByDeadline.ShouldBeTrue();
        closed.ScorePercent.ShouldBe(50m);
        closed.Slots.First(s => s.Position == 2).Response.ShouldBeNull();
    }

    [Fact]
    public async Task TheSweep_GradesAttemptsWhoseTimeRanOut()
    {
        var (category, _) = await app.CreateCategoryAsync(QuizTestData.Singles(1));
        var quiz = await app.CreateQuizAsync([(category, 1)], minutes: 5);
        var employee = await NewEmployeeAsync();
        var attempt = (await app.StartAsync(quiz, employee.Id)).Attempt!;
        await app.AnswerAsync(attempt.Id, employee.Id, 1, QuestionResponse.Choose(0));
        await SetDeadlineAsync(attempt.Id, DateTime.UtcNow.AddMinutes(-2));

        await app.UseAsync<TakeQuiz, int>(t => t.CloseOverdueAsync(null, CancellationToken.None));

        var row = await app.DbAsync(db => db.QuizAttempts.AsNoTracking().SingleAsync(a => a.Id == attempt.Id));
        row.SubmittedAtUtc.ShouldNotBeNull();
        row.ScorePercent.ShouldBe(100m);
        row.OpenQuizId.ShouldBeNull();
    }

    [Fact]
    public async Task Answer_SavedTwice_IsIdempotent_AndABadAnswerChangesNothing()
    {
        var (category, _) = await app.CreateCategoryAsync(QuizTestData.Singles(1));
        var quiz = await app.CreateQuizAsync([(category, 1)]);
        var employee = await app.LearnerOfAsync(quiz);
        using var client = await app.SignInAsEmployeeAsync(employee);
        await client.SendAntiforgeryHeaderAsync();
        using var start = await client.Http.PostAsync($"/api/v1/quizzes/{quiz}/attempts", null);
        var id = (await Json(start)).GetProperty("id").GetInt64();

        using var one = await client.Http.PutAsJsonAsync($"/api/v1/quizzes/attempts/{id}/answers/1", new { chosen = new[] { 2 } });
        using var two = await client.Http.PutAsJsonAsync($"/api/v1/quizzes/attempts/{id}/answers/1", new { chosen = new[] { 2 } });
        using var bad = await client.Http.PutAsJsonAsync($"/api/v1/quizzes/attempts/{id}/answers/1", new { chosen = new[] { 7 } });
        using var nowhere = await client.Http.PutAsJsonAsync($"/api/v1/quizzes/attempts/{id}/answers/9", new { chosen = new[] { 0 } });
        using var submit = await client.Http.PostAsync($"/api/v1/quizzes/attempts/{id}/submit", null);
        using var afterSubmit = await client.Http.PutAsJsonAsync($"/api/v1/quizzes/attempts/{id}/answers/1", new { chosen = new[] { 0 } });

        one.StatusCode.ShouldBe(HttpStatusCode.OK, await one.Content.ReadAsStringAsync());
        two.StatusCode.ShouldBe(HttpStatusCode.OK);
        bad.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("Question 1");
        nowhere.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        afterSubmit.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var slot = await app.DbAsync(db => db.QuizSlots.AsNoTracking().SingleAsync(s => s.AttemptId == id));
        FrozenQuestion.ResponseOf(slot.Response)!.Chosen.ShouldBe([2]);
        (await Json(submit)).GetProperty("scorePercent").GetDecimal().ShouldBe(0m);
    }

    [Fact]
    public async Task Attempts_AreTheirLearnersOwn_AndDefinitionsAreForOfficers()
    {
        var (category, _) = await app.CreateCategoryAsync(QuizTestData.Singles(1));
        var quiz = await app.CreateQuizAsync([(category, 1)]);
        var (owner, other) = (await NewEmployeeAsync(), await NewEmployeeAsync());
        var attempt = (await app.StartAsync(quiz, owner.Id)).Attempt!;
        using var client = await app.SignInAsEmployeeAsync(other);
        await client.SendAntiforgeryHeaderAsync();

        using var read = await client.GetAsync($"/api/v1/quizzes/attempts/{attempt.Id}");
        using var answer = await client.Http.PutAsJsonAsync($"/api/v1/quizzes/attempts/{attempt.Id}/answers/1", new { chosen = new[] { 0 } });
        using var submit = await client.Http.PostAsync($"/api/v1/quizzes/attempts/{attempt.Id}/submit", null);
        using var list = await client.GetAsync("/api/v1/quizzes");
        using var create = await client.Http.PostAsJsonAsync("/api/v1/quizzes", new { title = new { en = "Mine" }, passPercent = 50, draws = new[] { new { categoryId = category, count = 1 } } });
        using var results = await client.GetAsync($"/api/v1/quizzes/{quiz}/results");
        using var resultsPage = await client.GetAsync($"/Learning/Quizzes/{quiz}/Results");
        using var attemptPage = await client.GetAsync($"/Learning/Quiz/Attempts/{attempt.Id}");

        read.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        answer.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        submit.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        list.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        create.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        results.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        resultsPage.Headers.Location!.AbsolutePath.ShouldBe("/Accounts/AccessDenied");
        attemptPage.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.DbAsync(db => db.QuizSlots.AsNoTracking().SingleAsync(s => s.AttemptId == attempt.Id))).Response.ShouldBeNull();
    }

    [Fact]
    public async Task Definitions_ThroughTheApi_RefuseBadInputWithEveryProblem_AndSaveGoodInput()
    {
        var (category, _) = await app.CreateCategoryAsync(QuizTestData.Singles(2));
        using var api = app.ApiClient();

        using var bad = await api.PostAsJsonAsync("/api/v1/quizzes", new { title = new { en = "" }, passPercent = 120, review = "Everything", draws = new[] { new { categoryId = category, count = 3 } } });
        using var good = await api.PostAsJsonAsync("/api/v1/quizzes", new
        {
            title = new { en = "Complaints basics", ko = "민원 기초" }, passPercent = 80, maxAttempts = 2, timeLimitMinutes = 15, review = "ScoreOnly",
            draws = new[] { new { categoryId = category, count = 2 } },
        });

        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problems = (await Json(bad)).GetProperty("errors");
        problems.TryGetProperty("title", out _).ShouldBeTrue();
        problems.TryGetProperty("passPercent", out _).ShouldBeTrue();
        problems.TryGetProperty("review", out _).ShouldBeTrue();
        problems.GetProperty("draws[0].count")[0].GetString()!.ShouldContain("2");
        good.StatusCode.ShouldBe(HttpStatusCode.Created, await good.Content.ReadAsStringAsync());
        var saved = await Json(good);
        saved.GetProperty("review").GetString().ShouldBe("ScoreOnly");
        saved.GetProperty("questions").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task Results_WithholdPerQuestionFiguresBelowTheMinimumGroupSize_AndShowThemAtIt()
    {
        var unit = (await app.CreateOrgUnitAsync("O-CIVIL")).Code;
        var (category, _) = await app.CreateCategoryAsync(QuizTestData.Singles(2));
        var quiz = await app.CreateQuizAsync([(category, 2)], pass: 100);
        var people = new List<Employee>();
        for (var i = 0; i < 5; i++)
        {
            people.Add(await app.CreateEmployeeAsync(unit));
        }

        for (var i = 0; i < 4; i++)
        {
            await app.TakeAsync(quiz, people[i].Id, p => p == 1 || i < 2);
        }

        using var officer = await app.SignInAsRoleAsync(ServeWell.Web.Platform.Security.Roles.TrainingOfficer);
        var withheld = await officer.GetPageAsync($"/Learning/Quizzes/{quiz}/Results?lang=en");
        await app.TakeAsync(quiz, people[4].Id, _ => true);
        using var shown = await officer.GetAsync($"/api/v1/quizzes/{quiz}/results");
        var page = await officer.GetPageAsync($"/Learning/Quizzes/{quiz}/Results?lang=en");

        withheld.QuerySelector("[data-testid=withheld]")!.TextContent.ShouldContain("fewer than 5");
        withheld.QuerySelector("table[data-testid=questions]").ShouldBeNull();
        var summary = await Json(shown);
        summary.GetProperty("learners").GetInt32().ShouldBe(5);
        summary.GetProperty("passRatePercent").GetDecimal().ShouldBe(60m);
        summary.GetProperty("meanPercent").GetDecimal().ShouldBe(80m);
        summary.GetProperty("questions").GetArrayLength().ShouldBe(2);
        page.QuerySelector("table[data-testid=questions]").ShouldNotBeNull();
        page.QuerySelector("[data-testid=definitions]")!.TextContent.ShouldContain("correlation");
    }

    [Fact]
    public async Task Results_ForASupervisor_ShowOnlyTheirSubtreesLearners()
    {
        var mine = await app.CreateOrgUnitAsync("O-CIVIL");
        var theirs = await app.CreateOrgUnitAsync("O-CIVIL");
        var (category, _) = await app.CreateCategoryAsync(QuizTestData.Singles(1));
        var quiz = await app.CreateQuizAsync([(category, 1)]);
        var inside = await app.CreateEmployeeAsync(mine.Code);
        var outside = await app.CreateEmployeeAsync(theirs.Code);
        await app.TakeAsync(quiz, inside.Id, _ => true);
        await app.TakeAsync(quiz, outside.Id, _ => false);
        using var supervisor = await ServeWell.Web.Tests.Modules.Learning.Courses.CourseTestData.SignInAsSupervisorOfAsync(app, mine.Id);

        using var response = await supervisor.GetAsync($"/api/v1/quizzes/{quiz}/results");

        var people = (await Json(response)).GetProperty("people");
        people.GetArrayLength().ShouldBe(1);
        people[0].GetProperty("employeeId").GetInt32().ShouldBe(inside.Id);
    }

    private async Task<Employee> NewEmployeeAsync() => await app.CreateEmployeeAsync((await app.CreateOrgUnitAsync("O-CIVIL")).Code);

    private Task SetDeadlineAsync(long attemptId, DateTime deadline) =>
        app.DbAsync(db => db.QuizAttempts.Where(a => a.Id == attemptId).ExecuteUpdateAsync(s => s.SetProperty(a => a.DeadlineUtc, deadline)));

    private static async Task<JsonElement> Json(HttpResponseMessage response) => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    private static List<string> Orders(JsonElement attempt) =>
        [.. attempt.GetProperty("questions").EnumerateArray().Select(q => string.Join(',', q.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("id").GetInt32())))];
}

public sealed class QuizSqliteTests(SqliteApp app) : QuizTests(app), IClassFixture<SqliteApp>;

public sealed class QuizPostgresTests(PostgresApp app) : QuizTests(app), IClassFixture<PostgresApp>;
