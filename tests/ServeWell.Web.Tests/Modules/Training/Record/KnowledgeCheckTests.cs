using System.Net;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Training;
using ServeWell.Web.Modules.Training.KnowledgeChecks;
using ServeWell.Web.Modules.Training.Programmes;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;

namespace ServeWell.Web.Tests.Modules.Training.Record;

/// <summary>The question set a training officer writes, taken before and after the session, and its results (Kirkpatrick level 2).</summary>
public abstract class KnowledgeCheckTests(AppHost app)
{
    [Fact]
    public async Task EditPage_RefusesAQuestionWithOneOption_ThenSavesTheSetWhole()
    {
        var c = await app.CreateTrainingCaseAsync(people: 0);
        using var officer = await app.SignInAsRoleAsync(Roles.TrainingOfficer);
        var path = $"/Training/Programmes/{c.Programme.Id}/KnowledgeCheck";
        var page = await officer.GetPageAsync(path);
        page.QuerySelectorAll("fieldset.question").Length.ShouldBe(2);

        using var bad = await officer.SubmitAsync(page, path, new Dictionary<string, string>
        {
            ["Form.PassMarkPercent"] = "60",
            ["Form.Questions[0].Text.En"] = "A citizen raises their voice. First?", ["Form.Questions[0].Options[0].En"] = "Listen", ["Form.Questions[0].Options[1].En"] = "Leave",
            ["Form.Questions[0].Correct"] = "1",
            ["Form.Questions[1].Text.En"] = "Only one option", ["Form.Questions[1].Options[0].En"] = "Yes", ["Form.Questions[1].Correct"] = "1",
        });
        bad.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Html.ParseAsync(bad)).QuerySelectorAll("fieldset.question")[1].QuerySelectorAll(".field-error").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0)
            .ShouldBe(["Question 2: give at least two options."]);
        (await app.DbAsync(db => db.KnowledgeChecks.AnyAsync(k => k.ProgrammeId == c.Programme.Id))).ShouldBeFalse();

        using var good = await officer.SubmitAsync(page, path, new Dictionary<string, string>
        {
            ["Form.PassMarkPercent"] = "60",
            ["Form.Questions[0].Text.En"] = "A citizen raises their voice. First?", ["Form.Questions[0].Options[0].En"] = "Listen", ["Form.Questions[0].Options[1].En"] = "Leave",
            ["Form.Questions[0].Correct"] = "1",
            ["Form.Questions[1].Text.En"] = "Which is considerate?", ["Form.Questions[1].Options[0].En"] = "", ["Form.Questions[1].Options[1].En"] = "Rule 7 says no",
            ["Form.Questions[1].Options[2].En"] = "Let me find who can help", ["Form.Questions[1].Correct"] = "3",
        });

        good.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var check = await app.DbAsync(db => db.KnowledgeChecks.AsNoTracking().Include(k => k.Questions).SingleAsync(k => k.ProgrammeId == c.Programme.Id));
        check.PassMarkPercent.ShouldBe(60);
        var second = check.Questions.OrderBy(q => q.Order).Last();
        second.Options.Select(o => o.En).ShouldBe(["Rule 7 says no", "Let me find who can help"]); // the blank option is dropped and the answer moves with it
        second.CorrectOption.ShouldBe(1);
        var again = await officer.GetPageAsync(path);
        again.QuerySelectorAll("fieldset.question").Length.ShouldBe(4);
        again.Text(".notice[role=status]").ShouldContain("2 questions");
    }

    [Fact]
    public async Task Employee_TakesItBeforeAndAfter_RetriesAFailedPost_AndPassingCompletes_ResultsCompareBoth()
    {
        var c = await app.CreateTrainingCaseAsync(people: 1, configure: r => r.Completion = new CompletionRequest { KnowledgeCheckPassed = true });
        var (q1, q2) = await CreateCheckAsync(c.Programme.Id, passMark: 100);
        var employee = c.People[0];
        using var client = await app.SignInAsEmployeeAsync(employee);

        (await client.GetAsync($"/Training/KnowledgeChecks/{c.Programme.Id}/Post")).StatusCode.ShouldBe(HttpStatusCode.NotFound); // not attended yet
        var prePath = $"/Training/KnowledgeChecks/{c.Programme.Id}/Pre";
        var pre = await client.GetPageAsync(prePath);
        using var unanswered = await client.SubmitAsync(pre, prePath, new Dictionary<string, string> { [$"Answers[{q1}]"] = "0" });
        (await Html.ParseAsync(unanswered)).Text($"#q{q2}-error").ShouldBe("Choose an answer to question 2.");
        using var preSent = await client.SubmitAsync(pre, prePath, new Dictionary<string, string> { [$"Answers[{q1}]"] = "0", [$"Answers[{q2}]"] = "0" });
        preSent.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetPageAsync(prePath)).Text("[role=status]").ShouldStartWith("You scored 50%.");

        await app.AttendAsync(c, employee);
        (await client.GetAsync(prePath)).StatusCode.ShouldBe(HttpStatusCode.NotFound); // the session is behind them
        var postPath = $"/Training/KnowledgeChecks/{c.Programme.Id}/Post";
        var post = await client.GetPageAsync(postPath);
        using var failed = await client.SubmitAsync(post, postPath, new Dictionary<string, string> { [$"Answers[{q1}]"] = "1", [$"Answers[{q2}]"] = "1" });
        failed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.CompletionsAsync(c.Programme.Id)).ShouldBeEmpty();
        var retry = await client.GetPageAsync(postPath);
        retry.Text("[role=status]").ShouldBe("You scored 50%; the pass mark is 100%. You may try again.");
        using var passed = await client.SubmitAsync(retry, postPath, new Dictionary<string, string> { [$"Answers[{q1}]"] = "0", [$"Answers[{q2}]"] = "1" });
        passed.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var completion = (await app.CompletionsAsync(c.Programme.Id)).ShouldHaveSingleItem();
        completion.SessionId.ShouldBe(c.Session.Id);
        var attempts = await app.DbAsync(db => db.KnowledgeAttempts.AsNoTracking().Where(a => a.EmployeeId == employee.Id).OrderBy(a => a.Id).ToListAsync());
        attempts.Select(a => (a.Phase, a.Number, a.ScorePercent, a.Passed, a.SessionId))
            .ShouldBe([(KnowledgePhase.Pre, 1, 50, false, null), (KnowledgePhase.Post, 1, 50, false, c.Session.Id), (KnowledgePhase.Post, 2, 100, true, c.Session.Id)]);

        using var officer = await app.SignInAsRoleAsync(Roles.TrainingOfficer);
        var results = await officer.GetPageAsync($"/Training/Programmes/{c.Programme.Id}/Results");
        var stats = results.QuerySelector("#knowledge-heading")!.ParentElement!;
        stats.Text(".stats").ShouldContain("50%"); // before and (first try) after
        stats.Text(".stats").ShouldContain("0%"); // pass rate of first tries
        var rows = stats.QuerySelectorAll("tbody tr").Select(r => r.TextContent.Trim()).ToList();
        rows[0].ShouldContain("100%"); // question 1 right before
        rows[0].ShouldContain("0%"); // and wrong after (first try)
    }

    [Fact]
    public async Task QuestionsAndOptions_HaveATextPerLanguage_TheEmployeeReadsTheirsOrTheOther()
    {
        var c = await app.CreateTrainingCaseAsync(people: 1);
        using var officer = await app.SignInAsRoleAsync(Roles.TrainingOfficer);
        var path = $"/Training/Programmes/{c.Programme.Id}/KnowledgeCheck";
        var page = await officer.GetPageAsync(path);
        using var saved = await officer.SubmitAsync(page, path, new Dictionary<string, string>
        {
            ["Form.PassMarkPercent"] = "50",
            ["Form.Questions[0].Text.Ko"] = "민원인이 목소리를 높입니다. 먼저?", ["Form.Questions[0].Text.En"] = "A citizen raises their voice. First?",
            ["Form.Questions[0].Options[0].Ko"] = "경청한다", ["Form.Questions[0].Options[0].En"] = "Listen",
            ["Form.Questions[0].Options[1].Ko"] = "자리를 뜬다", ["Form.Questions[0].Correct"] = "1",
        });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var client = await app.SignInAsEmployeeAsync(c.People[0]);
        var take = $"/Training/KnowledgeChecks/{c.Programme.Id}/Pre";

        var english = await client.GetPageAsync(take);
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ko-KR");
        var korean = await client.GetPageAsync(take);

        english.Text("fieldset.question legend").ShouldBe("1. A citizen raises their voice. First?");
        english.QuerySelectorAll("fieldset.question label").Select(l => l.TextContent.Trim()).ShouldBe(["Listen", "자리를 뜬다"]);
        english.QuerySelectorAll("fieldset.question label span[lang=ko]").Length.ShouldBe(1); // the fallback says its language
        korean.Text("fieldset.question legend").ShouldBe("1. 민원인이 목소리를 높입니다. 먼저?");
        korean.QuerySelectorAll("fieldset.question label").Select(l => l.TextContent.Trim()).ShouldBe(["경청한다", "자리를 뜬다"]);
    }

    [Fact]
    public async Task OptionsWrittenBeforeTextsPerLanguage_ReadAsKorean()
    {
        var c = await app.CreateTrainingCaseAsync(people: 0);
        var (q1, _) = await CreateCheckAsync(c.Programme.Id, passMark: 50);
        await app.DbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE knowledge_questions SET \"Options\" = '[\"경청한다\",\"Argue\"]' WHERE \"Id\" = {0}", q1));

        var question = await app.DbAsync(db => db.Set<KnowledgeQuestion>().AsNoTracking().SingleAsync(q => q.Id == q1));

        question.Options.ShouldBe([LocalText.Of(null, "경청한다"), LocalText.Of(null, "Argue")]);
    }

    private Task<(int, int)> CreateCheckAsync(int programmeId, int passMark) =>
        app.DbAsync(async db =>
        {
            var check = new KnowledgeCheck { ProgrammeId = programmeId, PassMarkPercent = passMark, UpdatedAt = DateTime.UtcNow };
            check.Questions.Add(new KnowledgeQuestion { Text = LocalText.In("en", "First?"), Options = [LocalText.In("en", "Listen"), LocalText.In("en", "Argue")], CorrectOption = 0, Order = 0 });
            check.Questions.Add(new KnowledgeQuestion { Text = LocalText.In("en", "Second?"), Options = [LocalText.In("en", "Rule 7"), LocalText.In("en", "Find help")], CorrectOption = 1, Order = 1 });
            db.KnowledgeChecks.Add(check);
            await db.SaveChangesAsync();
            return (check.Questions[0].Id, check.Questions[1].Id);
        });
}

public sealed class KnowledgeCheckSqliteTests(SqliteApp app) : KnowledgeCheckTests(app), IClassFixture<SqliteApp>;

public sealed class KnowledgeCheckPostgresTests(PostgresApp app) : KnowledgeCheckTests(app), IClassFixture<PostgresApp>;
