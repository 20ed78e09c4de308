using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Learning.Bank;
using ServeWell.Web.Modules.Learning.Checks;
using ServeWell.Web.Modules.Learning.Quizzes;
using ServeWell.Web.Modules.Training;
using ServeWell.Web.Modules.Training.Completions;
using ServeWell.Web.Modules.Training.KnowledgeChecks;
using ServeWell.Web.Modules.Training.Programmes;
using ServeWell.Web.Platform.City;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;
using ServeWell.Web.Tests.Modules.Learning.Quizzes;

namespace ServeWell.Web.Tests.Modules.Training.Record;

/// <summary>
/// A programme's knowledge check is a quiz of the question bank (ADR-048), taken before and after the session on the
/// quiz's pages; its results feed completion, certificates and the results page as before, and checks written before
/// (their own questions and attempts) are converted with their results kept.
/// </summary>
public abstract class KnowledgeCheckTests(AppHost app)
{
    [Fact]
    public async Task Conversion_TurnsAnOldCheckIntoAQuizOfTheBank_OnlyOnce_AndOldAndNewAttemptsCountInTheResults()
    {
        var c = await app.CreateTrainingCaseAsync(people: 2, configure: r => { r.Completion = new CompletionRequest { KnowledgeCheckPassed = true }; r.Competencies = ["communication"]; });
        var (first, second) = (c.People[0], c.People[1]);
        var (q1, q2) = await CreateOldCheckAsync(c.Programme.Id, passMark: 75);
        await AddOldAttemptAsync(c, first, KnowledgePhase.Pre, 50, false, (q1, true), (q2, false), (987654, true));
        await AddOldAttemptAsync(c, first, KnowledgePhase.Post, 100, true, (q1, true), (q2, true));
        await AddOldAttemptAsync(c, second, KnowledgePhase.Pre, 0, false, (q1, false), (q2, false));

        var converted = await app.UseAsync<KnowledgeCheckConversion, int>(x => x.ConvertAllAsync(CancellationToken.None));
        var again = await app.UseAsync<KnowledgeCheckConversion, int>(x => x.ConvertAllAsync(CancellationToken.None));

        converted.ShouldBeGreaterThanOrEqualTo(1);
        again.ShouldBe(0);
        var check = await app.DbAsync(db => db.KnowledgeChecks.AsNoTracking().SingleAsync(k => k.ProgrammeId == c.Programme.Id));
        var quiz = await app.DbAsync(db => db.Quizzes.AsNoTracking().Include(q => q.Draws).SingleAsync(q => q.Id == check.QuizId));
        (quiz.PassPercent, quiz.MaxAttempts, quiz.TimeLimitMinutes, quiz.Title).ShouldBe((75, (int?)null, (int?)null, c.Programme.Title));
        var draw = quiz.Draws.ShouldHaveSingleItem();
        draw.Count.ShouldBe(2);
        var category = await app.DbAsync(db => db.Set<QuestionCategory>().AsNoTracking().SingleAsync(x => x.Id == draw.CategoryId));
        category.Name.ShouldBe(c.Programme.Title);
        category.CompetencyId.ShouldBe(await app.DbAsync(db => db.Competencies.Where(x => x.Code == "communication").Select(x => (int?)x.Id).SingleAsync()));
        var questions = await app.DbAsync(db => db.Set<Question>().AsNoTracking().Include(q => q.Options).Where(q => q.CategoryId == draw.CategoryId).OrderBy(q => q.Id).ToListAsync());
        questions.Select(q => (q.Type, q.Text)).ShouldBe([(QuestionType.SingleChoice, LocalText.Of("First?", "첫째?")), (QuestionType.SingleChoice, LocalText.Of("Second?", "둘째?"))]);
        questions[1].Options.OrderBy(o => o.Position).Select(o => (o.Text, o.Fraction)).ShouldBe([(LocalText.Of("Rule 7", "규정 7조"), 0m), (LocalText.Of("Find help", "도움을 찾는다"), 1m)]);
        var answers = await app.DbAsync(db => db.KnowledgeAttempts.AsNoTracking().Where(a => a.EmployeeId == first.Id && a.Phase == KnowledgePhase.Pre).SingleAsync());
        answers.Answers.Select(a => a.QuestionId).ShouldBe([questions[0].Id, questions[1].Id, -987654]); // a question removed before the conversion never matches

        // The old passed post check still completes the programme; the second person now takes the post check as a quiz.
        (await app.UseAsync<CompleteEnrolment, CompletionProgress?>(x => x.ProgressAsync(c.Programme.Id, first.Id, CancellationToken.None)))!.KnowledgeCheckPassed.ShouldBeTrue();
        await app.AttendAsync(c, second);
        (await TakeRightAsync(quiz.Id, second.Id)).Passed.ShouldBe(true);
        (await app.CompletionsAsync(c.Programme.Id)).ShouldContain(x => x.EmployeeId == second.Id);

        using var officer = await app.SignInAsRoleAsync(Roles.TrainingOfficer);
        var results = await officer.GetPageAsync($"/Training/Programmes/{c.Programme.Id}/Results");
        var stats = results.QuerySelector("#knowledge-heading")!.ParentElement!;
        stats.Text(".stats").ShouldContain("25%"); // before: 50 and 0, both written the old way
        stats.Text(".stats").ShouldContain("2 / 2"); // two before, two after (one old, one in the quiz)
        var rows = stats.QuerySelectorAll("tbody tr").Select(r => r.TextContent.Trim()).ToList();
        rows.Count.ShouldBe(2);
        rows[0].ShouldContain("First?");
        rows[0].ShouldContain("50%"); // right before: one of two
        rows[0].ShouldContain("100%"); // right after: both, old and new
    }

    [Fact]
    public async Task Employee_TakesPreThenPostOnTheQuizPages_RetriesAFailedPost_PassingCompletesDatedByTheSubmission()
    {
        var c = await app.CreateTrainingCaseAsync(people: 1, configure: r => r.Completion = new CompletionRequest { KnowledgeCheckPassed = true });
        var (category, _) = await app.CreateCategoryAsync(QuizTestData.Singles(2, "KC"));
        var quiz = await app.CreateQuizAsync([(category, 2)], pass: 100, attempts: 3, review: QuizReview.ScoreOnly);
        using (var officer = await app.SignInAsRoleAsync(Roles.TrainingOfficer))
        {
            var path = $"/Training/Programmes/{c.Programme.Id}/KnowledgeCheck"; // the old editor's address: now the choice of quiz
            using var chosen = await officer.SubmitAsync(await officer.GetPageAsync(path), path, new Dictionary<string, string> { ["QuizId"] = quiz.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            chosen.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            (await officer.GetPageAsync(path)).Text("[data-testid=check-quiz]").ShouldContain("100%");
        }

        var employee = c.People[0];
        using var client = await app.SignInAsEmployeeAsync(employee);
        (await client.GetAsync($"/Training/KnowledgeChecks/{c.Programme.Id}/Post")).StatusCode.ShouldBe(HttpStatusCode.NotFound); // not attended yet
        using (var old = await client.GetAsync($"/Training/KnowledgeChecks/{c.Programme.Id}/Pre"))
        {
            old.Headers.Location!.OriginalString.ShouldBe($"/Learning/Checks/{c.Programme.Id}/Pre");
        }

        await TakeThroughPagesAsync(client, c.Programme.Id, "Pre", rightAnswers: 1);
        (await client.GetPageAsync($"/Learning/Checks/{c.Programme.Id}/Pre")).Text("[data-testid=check-result]").ShouldStartWith("You scored 50%.");

        await app.AttendAsync(c, employee);
        (await client.GetAsync($"/Learning/Checks/{c.Programme.Id}/Pre")).StatusCode.ShouldBe(HttpStatusCode.NotFound); // the session is behind them
        await TakeThroughPagesAsync(client, c.Programme.Id, "Post", rightAnswers: 0);
        (await app.CompletionsAsync(c.Programme.Id)).ShouldBeEmpty();
        (await client.GetPageAsync($"/Learning/Checks/{c.Programme.Id}/Post")).Text("[data-testid=check-result]").ShouldBe("You scored 0%; the pass mark is 100%. You may try again.");
        var passing = await TakeThroughPagesAsync(client, c.Programme.Id, "Post", rightAnswers: 2);

        var attempts = await app.DbAsync(db => db.KnowledgeAttempts.AsNoTracking().Where(a => a.EmployeeId == employee.Id).OrderBy(a => a.Id).ToListAsync());
        attempts.Select(a => (a.Phase, a.Number, a.ScorePercent, a.Passed, a.SessionId))
            .ShouldBe([(KnowledgePhase.Pre, 1, 50, false, null), (KnowledgePhase.Post, 1, 0, false, c.Session.Id), (KnowledgePhase.Post, 2, 100, true, c.Session.Id)]);
        attempts[2].QuizAttemptId.ShouldBe(passing);
        var submitted = await app.DbAsync(db => db.QuizAttempts.AsNoTracking().Where(a => a.Id == passing).Select(a => a.SubmittedAtUtc!.Value).SingleAsync());
        var completion = (await app.CompletionsAsync(c.Programme.Id)).ShouldHaveSingleItem();
        completion.SessionId.ShouldBe(c.Session.Id);
        (completion.CompletedAtUtc!.Value - submitted).Duration().ShouldBeLessThan(TimeSpan.FromMilliseconds(1)); // dated by the passing submission
        var certificate = await app.DbAsync(db => db.Certificates.AsNoTracking().SingleAsync(x => x.CompletionId == completion.Id));
        certificate.CompletedOn.ShouldBe(await app.UseAsync<CityClock, DateOnly>(city => Task.FromResult(city.DateOf(new DateTimeOffset(submitted, TimeSpan.Zero)))));
        (await client.GetPageAsync($"/Learning/Checks/{c.Programme.Id}/Post")).QuerySelector("form.form button[type=submit]").ShouldBeNull(); // passed: nothing more to take
    }

    [Fact]
    public async Task FailedPostCheck_IsRetriedOnlyWithinTheQuizsAttemptLimit()
    {
        var c = await app.CreateTrainingCaseAsync(people: 1, configure: r => r.Completion = new CompletionRequest { KnowledgeCheckPassed = true });
        var (category, _) = await app.CreateCategoryAsync(QuizTestData.Singles(1, "Lim"));
        var quiz = await app.CreateQuizAsync([(category, 1)], pass: 100, attempts: 2);
        (await app.UseAsync<SaveKnowledgeCheck, string?>(s => s.SetQuizAsync(c.Programme.Id, quiz, CancellationToken.None))).ShouldBeNull();
        var employee = c.People[0];
        using var client = await app.SignInAsEmployeeAsync(employee);
        await TakeThroughPagesAsync(client, c.Programme.Id, "Pre", rightAnswers: 0);
        await app.AttendAsync(c, employee);
        await TakeThroughPagesAsync(client, c.Programme.Id, "Post", rightAnswers: 0);

        var path = $"/Learning/Checks/{c.Programme.Id}/Post";
        var page = await client.GetPageAsync(path);
        page.QuerySelector("form.form button[type=submit]").ShouldBeNull();
        page.Text(".facts").ShouldContain("Attempts left0");
        await client.SendAntiforgeryHeaderAsync();
        using var refused = await client.Http.PostAsync(path, new FormUrlEncodedContent([]));
        (await Html.ParseAsync(refused)).Text(".error-summary").ShouldBe("You have used all 2 attempts at this quiz, so you cannot start another.");

        (await app.DbAsync(db => db.QuizAttempts.CountAsync(a => a.QuizId == quiz && a.EmployeeId == employee.Id))).ShouldBe(2);
        (await app.DbAsync(db => db.KnowledgeAttempts.CountAsync(a => a.EmployeeId == employee.Id))).ShouldBe(2);
        (await app.CompletionsAsync(c.Programme.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Api_ReadsAndSetsTheProgrammesQuiz_RefusingAQuizThatIsNotThere()
    {
        var c = await app.CreateTrainingCaseAsync(people: 0);
        var (category, _) = await app.CreateCategoryAsync(QuizTestData.Singles(3, "Api"));
        var quiz = await app.CreateQuizAsync([(category, 2)], pass: 80, attempts: 4);
        using var api = app.ApiClient();
        var path = $"/api/v1/programmes/{c.Programme.Id}/knowledge-check";

        using var none = await api.GetAsync(path);
        using var bad = await api.PutAsJsonAsync(path, new { quizId = 999999 });
        using var set = await api.PutAsJsonAsync(path, new { quizId = quiz });
        using var read = await api.GetAsync(path);

        (await Json(none)).GetProperty("quizId").ValueKind.ShouldBe(JsonValueKind.Null);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Json(bad)).GetProperty("errors").GetProperty("quizId")[0].GetString().ShouldBe("Quiz 999999 does not exist.");
        set.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await Json(read);
        (body.GetProperty("quizId").GetInt32(), body.GetProperty("passPercent").GetInt32(), body.GetProperty("maxAttempts").GetInt32(), body.GetProperty("questionsPerAttempt").GetInt32())
            .ShouldBe((quiz, 80, 4, 2));
        var removal = await app.UseAsync<EditQuiz, EditQuiz.Removal>(async e => await e.RemoveAsync((await e.LoadAsync(quiz, CancellationToken.None))!, "test", CancellationToken.None));
        removal.Outcome.ShouldBe(EditQuiz.RemoveOutcome.InUse, "a programme's check stays");
    }

    [Fact]
    public async Task CheckQuizResults_ForASupervisor_ShowOnlyTheirSubtreesLearners()
    {
        var team = await app.CreateOrgUnitAsync(Demo.SupervisorCentre); // in the demo supervisor's subtree
        var inside = await app.CreateEmployeeAsync(team.Code);
        var elsewhere = await app.CreateOrgUnitAsync("O-CIVIL");
        var c = await app.CreateTrainingCaseAsync(people: 1, unitCode: elsewhere.Code, configure: r => r.Audience = new() { OrgUnitCodes = [team.Code, elsewhere.Code] });
        var outside = c.People[0];
        var (category, _) = await app.CreateCategoryAsync(QuizTestData.Singles(1, "Sc"));
        var quiz = await app.CreateQuizAsync([(category, 1)]);
        await app.UseAsync<SaveKnowledgeCheck, string?>(s => s.SetQuizAsync(c.Programme.Id, quiz, CancellationToken.None));
        await app.TakeAsync(quiz, inside.Id, _ => true);
        await app.TakeAsync(quiz, outside.Id, _ => false);
        (await app.DbAsync(db => db.KnowledgeAttempts.CountAsync(a => a.ProgrammeId == c.Programme.Id && a.Phase == KnowledgePhase.Pre))).ShouldBe(2);

        using var supervisor = await app.SignInAsRoleAsync(Roles.Supervisor);
        using var officer = await app.SignInAsRoleAsync(Roles.TrainingOfficer);
        var theirs = await Json(await supervisor.GetAsync($"/api/v1/quizzes/{quiz}/results"));
        var all = await Json(await officer.GetAsync($"/api/v1/quizzes/{quiz}/results"));

        theirs.GetProperty("people").EnumerateArray().Select(p => p.GetProperty("employeeId").GetInt32()).ShouldBe([inside.Id]);
        all.GetProperty("people").EnumerateArray().Select(p => p.GetProperty("employeeId").GetInt32()).Order().ShouldBe(new[] { inside.Id, outside.Id }.Order());
    }

    /// <summary>Takes the quiz through the service, choosing each question's right option.</summary>
    private async Task<QuizAttempt> TakeRightAsync(int quizId, int employeeId)
    {
        var attempt = (await app.StartAsync(quizId, employeeId)).Attempt!;
        foreach (var slot in attempt.Slots)
        {
            var right = FrozenQuestion.Of(slot).Question.Options.ToList().FindIndex(o => o.Fraction == 1m);
            (await app.AnswerAsync(attempt.Id, employeeId, slot.Position, QuestionResponse.Choose(right))).Outcome.ShouldBe(AnswerOutcome.Saved);
        }

        return (await app.SubmitAsync(attempt.Id, employeeId))!;
    }

    /// <summary>Starts (from the check page), answers each question on its page (the right option on the first <paramref name="rightAnswers"/>), confirms the submission; answers the quiz attempt's id.</summary>
    private static async Task<long> TakeThroughPagesAsync(StaffClient client, int programmeId, string phase, int rightAnswers)
    {
        var checkPath = $"/Learning/Checks/{programmeId}/{phase}";
        using var started = await client.SubmitAsync(await client.GetPageAsync(checkPath), checkPath, new Dictionary<string, string>());
        started.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var attemptPath = started.Headers.Location!.OriginalString;
        var attemptId = long.Parse(attemptPath[(attemptPath.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        var next = attemptPath + "?q=1";
        for (var position = 1; next.Contains("?q=", StringComparison.Ordinal); position++)
        {
            var page = await client.GetPageAsync(next);
            using var saved = await client.SubmitAsync(page, next, new Dictionary<string, string> { ["chosen"] = position <= rightAnswers ? "0" : "1" });
            saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            next = saved.Headers.Location!.OriginalString;
        }

        var confirm = await client.GetPageAsync(next);
        using var submitted = await client.SubmitAsync(confirm, next, new Dictionary<string, string> { ["confirmed"] = "true" });
        submitted.Headers.Location!.OriginalString.ShouldEndWith("/Result");
        return attemptId;
    }

    private Task<(int, int)> CreateOldCheckAsync(int programmeId, int passMark) =>
        app.DbAsync(async db =>
        {
            var check = new KnowledgeCheck { ProgrammeId = programmeId, PassMarkPercent = passMark, UpdatedAt = DateTime.UtcNow };
            check.Questions.Add(new KnowledgeQuestion { Text = LocalText.Of("First?", "첫째?"), Options = [LocalText.Of("Listen", "경청한다"), LocalText.Of("Argue", "다툰다")], CorrectOption = 0, Order = 0 });
            check.Questions.Add(new KnowledgeQuestion { Text = LocalText.Of("Second?", "둘째?"), Options = [LocalText.Of("Rule 7", "규정 7조"), LocalText.Of("Find help", "도움을 찾는다")], CorrectOption = 1, Order = 1 });
            db.KnowledgeChecks.Add(check);
            await db.SaveChangesAsync();
            return (check.Questions[0].Id, check.Questions[1].Id);
        });

    /// <summary>An attempt as the old question pages wrote it: option indexes per knowledge question, no quiz attempt.</summary>
    private Task<int> AddOldAttemptAsync(TrainingCase c, ServeWell.Web.Modules.People.Employees.Employee employee, KnowledgePhase phase, int score, bool passed, params (int Question, bool Right)[] answers) =>
        app.DbAsync(db =>
        {
            db.KnowledgeAttempts.Add(new KnowledgeAttempt
            {
                ProgrammeId = c.Programme.Id, EmployeeId = employee.Id, Cycle = 1, Phase = phase, SessionId = phase == KnowledgePhase.Post ? c.Session.Id : null,
                ScorePercent = score, Passed = passed, Answers = [.. answers.Select(a => new KnowledgeAnswer(a.Question, a.Right ? 0 : 1, a.Right))], SubmittedAtUtc = DateTime.UtcNow.AddDays(-1),
            });
            return db.SaveChangesAsync();
        });

    private static async Task<JsonElement> Json(HttpResponseMessage response) => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
}

public sealed class KnowledgeCheckSqliteTests(SqliteApp app) : KnowledgeCheckTests(app), IClassFixture<SqliteApp>;

public sealed class KnowledgeCheckPostgresTests(PostgresApp app) : KnowledgeCheckTests(app), IClassFixture<PostgresApp>;
