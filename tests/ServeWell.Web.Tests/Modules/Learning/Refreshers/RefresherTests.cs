using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServeWell.Web.Modules.Learning.Bank;
using ServeWell.Web.Modules.Learning.Refreshers;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;
using ServeWell.Web.Tests.Modules.Training.Record;
using Shouldly;

namespace ServeWell.Web.Tests.Modules.Learning.Refreshers;

/// <summary>Spaced refreshers (ADR-050): Leitner boxes over simulated city days, the daily five, opt-out, idempotent answers, nodes and scope.</summary>
public abstract class RefresherTests(AppHost app)
{
    private static readonly QuestionResponse Right = QuestionResponse.Choose(0);
    private static readonly QuestionResponse Wrong = QuestionResponse.Choose(1);

    [Fact]
    public async Task Boxes_MoveAsStated_OverSimulatedDays_AndOnlyMissedQuestionsEnter()
    {
        var c = await app.CreateRefresherCourseAsync(questions: 4);
        var learner = c.People[0];
        var missed = await app.CompleteAsync(c, learner, p => p <= 2);

        var day0 = await app.OnDayAsync(0, s => s.TodayAsync(learner.Id, CancellationToken.None));
        day0.Due.ShouldBeEmpty(); // box 1 waits a day
        day0.Asked.ShouldBe(2);
        day0.NextDueOn.ShouldBe(day0.Today.AddDays(1));
        (await app.CardsAsync(learner.Id)).Select(x => x.QuestionId).Order().ShouldBe(missed.Order());

        var day1 = await app.OnDayAsync(1, s => s.TodayAsync(learner.Id, CancellationToken.None));
        day1.Due.Count.ShouldBe(2);
        var (a, b) = (day1.Due[0].CardId, day1.Due[1].CardId);
        await AnswerOnAsync(1, learner.Id, a, Right);
        await AnswerOnAsync(1, learner.Id, b, Wrong);
        var cards = await app.CardsAsync(learner.Id);
        cards.Single(x => x.Id == a).ShouldSatisfyAllConditions(x => x.Box.ShouldBe(2), x => x.DueOn.ShouldBe(day0.Today.AddDays(1 + 3)));
        cards.Single(x => x.Id == b).ShouldSatisfyAllConditions(x => x.Box.ShouldBe(1), x => x.DueOn.ShouldBe(day0.Today.AddDays(2)));

        (await app.OnDayAsync(2, s => s.TodayAsync(learner.Id, CancellationToken.None))).Due.Select(q => q.CardId).ShouldBe([b]);
        (await app.OnDayAsync(3, s => s.TodayAsync(learner.Id, CancellationToken.None))).Due.Select(q => q.CardId).ShouldBe([b]); // waits until answered; a waits for day 4

        // a, right every time it comes back: box 3 on day 4 (+7), box 4 on day 11 (+14), box 5 on day 25 (+30), out on day 55.
        foreach (var (day, box) in new[] { (4, 3), (11, 4), (25, 5) })
        {
            (await app.OnDayAsync(day - 1, s => s.TodayAsync(learner.Id, CancellationToken.None))).Due.ShouldNotContain(q => q.CardId == a);
            var result = await AnswerOnAsync(day, learner.Id, a, Right);
            result.Box.ShouldBe(box);
        }

        var last = await AnswerOnAsync(55, learner.Id, a, Right);
        last.Left.ShouldBeTrue();
        last.NextDueOn.ShouldBeNull();
        var left = (await app.CardsAsync(learner.Id)).Single(x => x.Id == a);
        left.LeftOn.ShouldBe(day0.Today.AddDays(55));
        left.HighestBox.ShouldBe(LeitnerBoxes.Last);
        (await app.OnDayAsync(120, s => s.TodayAsync(learner.Id, CancellationToken.None))).Due.Select(q => q.CardId).ShouldBe([b]);
    }

    [Fact]
    public async Task AtMostFiveQuestionsADay_AndTheRestComeTheNextDay()
    {
        var c = await app.CreateRefresherCourseAsync(questions: 8);
        var learner = c.People[0];
        (await app.CompleteAsync(c, learner, p => p == 1)).Count.ShouldBe(7);

        var day1 = await app.OnDayAsync(1, s => s.TodayAsync(learner.Id, CancellationToken.None));
        day1.Due.Count.ShouldBe(LeitnerBoxes.PerDay);
        (await app.OnDayAsync(1, s => s.DueCountAsync(learner.Id, CancellationToken.None))).ShouldBe(5);
        foreach (var q in day1.Due)
        {
            await AnswerOnAsync(1, learner.Id, q.CardId, Right);
        }

        var sixth = (await app.CardsAsync(learner.Id)).First(x => x.Box == 1).Id;
        var refused = await app.OnDayAsync(1, s => s.AnswerAsync(learner.Id, sixth, Right, Guid.NewGuid().ToString(), CancellationToken.None));
        var after = await app.OnDayAsync(1, s => s.TodayAsync(learner.Id, CancellationToken.None));
        var day2 = await app.OnDayAsync(2, s => s.TodayAsync(learner.Id, CancellationToken.None));

        refused.Outcome.ShouldBe(RefresherOutcome.NotDue);
        after.Due.ShouldBeEmpty();
        after.AnsweredToday.ShouldBe(5);
        after.NextDueOn.ShouldBe(after.Today.AddDays(1));
        day2.Due.Count.ShouldBe(2);
    }

    [Fact]
    public async Task OptOut_HidesTheHomeItemAndRefusesAnswers_UntilTheEmployeeOptsBackIn()
    {
        var c = await app.CreateRefresherCourseAsync(questions: 3);
        var learner = c.People[0];
        await app.CompleteAsync(c, learner, p => p == 1);
        await app.MakeDueTodayAsync(learner.Id);
        using var client = await app.SignInAsEmployeeAsync(learner);
        await client.SendAntiforgeryHeaderAsync();
        var card = (await app.CardsAsync(learner.Id))[0].Id;

        var homeBefore = await client.GetPageAsync("/");
        using var off = await client.Http.PutAsJsonAsync("/api/v1/learning/refreshers/opt-out", new { optedOut = true });
        var whileOff = await Json(await client.GetAsync("/api/v1/learning/refreshers"));
        var homeOff = await client.GetPageAsync("/");
        using var answerOff = await PostAnswerAsync(client, card, "k-" + Guid.NewGuid());
        using var on = await client.Http.PutAsJsonAsync("/api/v1/learning/refreshers/opt-out", new { optedOut = false });
        var whileOn = await Json(await client.GetAsync("/api/v1/learning/refreshers"));

        homeBefore.QuerySelector("[data-refreshers]")!.GetAttribute("data-refreshers").ShouldBe("2");
        off.StatusCode.ShouldBe(HttpStatusCode.OK);
        whileOff.GetProperty("optedOut").GetBoolean().ShouldBeTrue();
        whileOff.GetProperty("due").GetArrayLength().ShouldBe(0);
        homeOff.QuerySelector("[data-refreshers]").ShouldBeNull();
        answerOff.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        on.StatusCode.ShouldBe(HttpStatusCode.OK);
        whileOn.GetProperty("optedOut").GetBoolean().ShouldBeFalse();
        whileOn.GetProperty("due").GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public async Task Profile_TurnsRefreshersOffAndOn_AndComesBackToTheProfile()
    {
        var employee = await app.CreateEmployeeAsync((await app.CreateOrgUnitAsync("O-CIVIL")).Code);
        using var client = await app.SignInAsEmployeeAsync(employee);

        var profile = await client.GetPageAsync("/Accounts/Profile");
        using var off = await client.SubmitAsync(profile, "/Accounts/Profile", new Dictionary<string, string>(), "optedOut");
        var afterOff = await client.GetPageAsync("/Accounts/Profile");
        var optedOut = await app.UseAsync<RefresherSchedule, bool>(s => s.OptedOutAsync(employee.Id, CancellationToken.None));
        using var on = await client.SubmitAsync(afterOff, "/Accounts/Profile", new Dictionary<string, string>(), "optedOut");

        profile.QuerySelector("#refresher-choice-h").ShouldNotBeNull();
        off.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        off.Headers.Location!.OriginalString.ShouldBe("/Accounts/Profile");
        optedOut.ShouldBeTrue();
        afterOff.QuerySelector("[role=status]")!.TextContent.ShouldContain("Refreshers are off");
        afterOff.QuerySelector("input[name=optedOut]")!.GetAttribute("value").ShouldBe("false");
        on.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.UseAsync<RefresherSchedule, bool>(s => s.OptedOutAsync(employee.Id, CancellationToken.None))).ShouldBeFalse();
    }

    [Fact]
    public async Task Answer_IsIdempotentPerKey_AndAKeyServesOneQuestion()
    {
        var c = await app.CreateRefresherCourseAsync(questions: 3);
        var learner = c.People[0];
        await app.CompleteAsync(c, learner, p => p == 1);
        await app.MakeDueTodayAsync(learner.Id);
        using var client = await app.SignInAsEmployeeAsync(learner);
        await client.SendAntiforgeryHeaderAsync();
        var cards = await app.CardsAsync(learner.Id);
        var key = "answer-" + Guid.NewGuid();

        using var first = await PostAnswerAsync(client, cards[0].Id, key);
        using var again = await PostAnswerAsync(client, cards[0].Id, key);
        using var reused = await PostAnswerAsync(client, cards[1].Id, key);
        using var keyless = await client.Http.PostAsJsonAsync($"/api/v1/learning/refreshers/{cards[1].Id}/answers", new { chosen = new[] { 0 } });

        first.StatusCode.ShouldBe(HttpStatusCode.Created, await first.Content.ReadAsStringAsync());
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        var (one, two) = (await Json(first), await Json(again));
        two.GetProperty("answerId").GetInt64().ShouldBe(one.GetProperty("answerId").GetInt64());
        one.GetProperty("right").GetBoolean().ShouldBeTrue();
        one.GetProperty("box").GetInt32().ShouldBe(2);
        reused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        keyless.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await app.CardsAsync(learner.Id)).Single(x => x.Id == cards[0].Id).Box.ShouldBe(2); // moved once
        (await app.DbAsync(db => db.RefresherAnswers.CountAsync(a => a.EmployeeId == learner.Id))).ShouldBe(1);
    }

    [Fact]
    public async Task SomeoneElsesRefresher_Is404_AndTheListIsOnlyOwn()
    {
        var c = await app.CreateRefresherCourseAsync(questions: 3, people: 2);
        var (owner, other) = (c.People[0], c.People[1]);
        await app.CompleteAsync(c, owner, p => p == 1);
        await app.MakeDueTodayAsync(owner.Id);
        using var client = await app.SignInAsEmployeeAsync(other);
        await client.SendAntiforgeryHeaderAsync();
        var card = (await app.CardsAsync(owner.Id))[0].Id;

        using var answer = await PostAnswerAsync(client, card, "x-" + Guid.NewGuid());
        var mine = await Json(await client.GetAsync("/api/v1/learning/refreshers"));

        answer.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        mine.GetProperty("due").GetArrayLength().ShouldBe(0);
        mine.GetProperty("asked").GetInt32().ShouldBe(0);
        (await app.CardsAsync(owner.Id)).ShouldAllBe(x => x.Box == 1);
        (await app.DbAsync(db => db.RefresherAnswers.AnyAsync(a => a.CardId == card))).ShouldBeFalse();
    }

    [Fact]
    public async Task TwoNodes_EnteringTheSameCompletionAtOnce_MakeOneCardPerQuestion()
    {
        var second = app.StartInstance();
        var c = await app.CreateRefresherCourseAsync(questions: 4);
        var learner = c.People[0];
        var missed = await app.CompleteAsync(c, learner, p => p == 1);

        async Task<int> EnterOn(IServiceProvider node)
        {
            await using var scope = node.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<EnterMissedQuestions>().CatchUpAsync(learner.Id, CancellationToken.None);
        }

        var entered = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => EnterOn(i % 2 == 0 ? app.Services : second.Services)));

        entered.Sum().ShouldBeLessThanOrEqualTo(1);
        (await app.CardsAsync(learner.Id)).Select(x => x.QuestionId).Order().ShouldBe(missed.Order());
        (await app.DbAsync(db => db.RefresherIntakes.CountAsync(i => i.EmployeeId == learner.Id))).ShouldBe(1);
    }

    [Fact]
    public async Task Figures_ArePerCourse_AndWithheldBelowTheMinimumGroupSize()
    {
        var c = await app.CreateRefresherCourseAsync(questions: 2, people: 5);
        foreach (var person in c.People.Take(4))
        {
            await app.CompleteAsync(c, person, p => p == 1);
        }

        var four = await FiguresAsync(c.CourseId);
        await app.CompleteAsync(c, c.People[4], p => p == 1);
        var five = await FiguresAsync(c.CourseId);

        four.Withheld.ShouldBeTrue();
        four.Employees.ShouldBeNull();
        four.ReachedLastBoxPercent.ShouldBeNull();
        five.Withheld.ShouldBeFalse();
        five.Employees.ShouldBe(5);
        five.Questions.ShouldBe(5);
        five.ReachedLastBoxPercent.ShouldBe(0m);
    }

    /// <summary>The course's figures for a reader who sees the whole city, after the intake job's run.</summary>
    private async Task<RefresherCourseFigures> FiguresAsync(int courseId)
    {
        while (await app.UseAsync<EnterMissedQuestions, int>(i => i.CatchUpAsync(null, CancellationToken.None)) == EnterMissedQuestions.Batch)
        {
        }

        var figures = await app.UseAsync<RefresherFigures, IReadOnlyList<RefresherCourseFigures>>(f => f.ReadAsync(new ScopeFilter(true, null, null), CancellationToken.None));
        return figures.Single(f => f.CourseId == courseId);
    }

    private Task<RefresherResult> AnswerOnAsync(int day, int employeeId, long cardId, QuestionResponse response) =>
        app.OnDayAsync(day, async s =>
        {
            var result = await s.AnswerAsync(employeeId, cardId, response, Guid.NewGuid().ToString(), CancellationToken.None);
            result.Outcome.ShouldBe(RefresherOutcome.Answered);
            return result.Result!;
        });

    private static Task<HttpResponseMessage> PostAnswerAsync(StaffClient client, long cardId, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/learning/refreshers/{cardId}/answers") { Content = JsonContent.Create(new { chosen = new[] { 0 } }) };
        request.Headers.Add("Idempotency-Key", key);
        return client.Http.SendAsync(request);
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        using (response)
        {
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        }
    }
}

public sealed class RefresherSqliteTests(SqliteApp app) : RefresherTests(app), IClassFixture<SqliteApp>;

public sealed class RefresherPostgresTests(PostgresApp app) : RefresherTests(app), IClassFixture<PostgresApp>;
