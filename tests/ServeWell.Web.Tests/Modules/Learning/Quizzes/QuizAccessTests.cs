using System.Net;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Learning.Bank;
using ServeWell.Web.Modules.Learning.Courses;
using ServeWell.Web.Modules.Learning.Quizzes;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Tests.Fixtures;
using ServeWell.Web.Tests.Modules.Training.Record;
using Shouldly;

namespace ServeWell.Web.Tests.Modules.Learning.Quizzes;

/// <summary>Who may take a quiz, what the review shows, and credit for a pass before the quiz was a lesson (ADR-049).</summary>
public abstract class QuizAccessTests(AppHost app)
{
    [Fact]
    public async Task AQuiz_IsTakenOnlyByLearnersOfACourseWithIt_OthersGet404_AndOfficersPreviewWithoutAnAttempt()
    {
        var (category, _) = await app.CreateCategoryAsync(QuizTestData.Singles(2, "Access"));
        var quiz = await app.CreateQuizAsync([(category, 2)]);
        var learner = await app.LearnerOfAsync(quiz);
        var outsider = await app.CreateEmployeeAsync((await app.CreateOrgUnitAsync("O-CIVIL")).Code);
        using var mine = await app.SignInAsEmployeeAsync(learner);
        await mine.SendAntiforgeryHeaderAsync();
        using var theirs = await app.SignInAsEmployeeAsync(outsider);
        await theirs.SendAntiforgeryHeaderAsync();
        using var officer = await app.SignInAsRoleAsync(ServeWell.Web.Platform.Security.Roles.TrainingOfficer);

        using var outsiderMine = await theirs.GetAsync($"/api/v1/quizzes/{quiz}/mine");
        using var outsiderStart = await theirs.Http.PostAsync($"/api/v1/quizzes/{quiz}/attempts", null);
        using var outsiderPage = await theirs.GetAsync($"/Learning/Quiz/{quiz}");
        using var learnerMine = await mine.GetAsync($"/api/v1/quizzes/{quiz}/mine");
        using var learnerStart = await mine.Http.PostAsync($"/api/v1/quizzes/{quiz}/attempts", null);
        var learnerPage = await mine.GetPageAsync($"/Learning/Quiz/{quiz}?lang=en");
        var preview = await officer.GetPageAsync($"/Learning/Quizzes/{quiz}/Preview?lang=en");

        outsiderMine.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await outsiderMine.Content.ReadAsStringAsync()).ShouldContain("not a quiz of a course you are enrolled in");
        outsiderStart.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        outsiderStart.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        outsiderPage.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        learnerMine.StatusCode.ShouldBe(HttpStatusCode.OK);
        learnerStart.StatusCode.ShouldBe(HttpStatusCode.Created);
        learnerPage.QuerySelector("h1")!.TextContent.ShouldStartWith("Quiz ");
        preview.QuerySelectorAll("[data-testid^=review-]").Length.ShouldBe(2);
        preview.QuerySelector("[data-testid=review-1]")!.TextContent.ShouldContain("Right answer");
        (await app.DbAsync(db => db.QuizAttempts.Where(a => a.QuizId == quiz).Select(a => a.EmployeeId).ToListAsync())).ShouldBe([learner.Id]);
    }

    [Fact]
    public async Task AWithdrawnLearner_OrAQuizOnlyInAnotherCourse_IsNotOpen()
    {
        var (category, _) = await app.CreateCategoryAsync(QuizTestData.Singles(1, "Withdrawn"));
        var quiz = await app.CreateQuizAsync([(category, 1)]);
        var other = await app.CreateQuizAsync([(category, 1)]);
        var (training, _) = await app.QuizLessonAsync(quiz, people: 2);
        var (stays, leaves) = (training.People[0], training.People[1]);
        await app.DbAsync(db => db.Enrolments.Where(e => e.ProgrammeId == training.Programme.Id && e.EmployeeId == leaves.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.State, ServeWell.Web.Modules.Training.Enrolments.EnrolmentState.Withdrawn)));

        var access = await app.UseAsync<QuizAccess, bool[]>(async a =>
        [
            await a.CanTakeAsync(stays.Id, quiz, CancellationToken.None),
            await a.CanTakeAsync(leaves.Id, quiz, CancellationToken.None),
            await a.CanTakeAsync(stays.Id, other, CancellationToken.None),
        ]);

        access.ShouldBe([true, false, false]);
    }

    [Theory]
    [InlineData(QuizReview.ScoreOnly, false, false, false)]
    [InlineData(QuizReview.RightOrWrong, true, false, false)]
    [InlineData(QuizReview.RightAnswers, true, true, false)]
    [InlineData(QuizReview.Feedback, true, true, true)]
    public async Task TheReview_ShowsWhatItsSettingAllows_InTheLearnersLanguage(QuizReview review, bool whether, bool answers, bool feedback)
    {
        var (category, _) = await app.CreateCategoryAsync([
            new BankQuestion([], QuestionType.SingleChoice, "Greet", LocalText.Of("Greeting?", "처음에 무엇이라고 합니까?"), TextFormat.Plain, LocalText.Of("Greet first.", "먼저 인사합니다."), false, false,
                [BankOption.Of(LocalText.Of("Hello", "안녕하세요"), 1m, LocalText.Of("Yes.", "맞습니다.")), BankOption.Of(LocalText.Of("Next", "다음 분"), 0m, LocalText.Of("Not yet.", "아직 아닙니다."))]),
            new BankQuestion([], QuestionType.ShortAnswer, "Law", LocalText.Of("Which act?", "어느 법입니까?"), TextFormat.Plain, LocalText.Empty, false, false,
                [BankOption.Of(LocalText.Of("Civil Petitions Act", "민원처리법"), 1m)]),
        ]);
        var quiz = await app.CreateQuizAsync([(category, 2)], review: review);
        var learner = await app.LearnerOfAsync(quiz);
        var attempt = (await app.StartAsync(quiz, learner.Id)).Attempt!;
        int At(string name) => attempt.Slots.First(s => FrozenQuestion.Of(s).Question.Name == name).Position;
        await app.AnswerAsync(attempt.Id, learner.Id, At("Greet"), QuestionResponse.Choose(1));
        await app.AnswerAsync(attempt.Id, learner.Id, At("Law"), QuestionResponse.Answer("민원처리법"));
        await app.SubmitAsync(attempt.Id, learner.Id);
        using var client = await app.SignInAsEmployeeAsync(learner);

        using var api = await client.GetAsync($"/api/v1/quizzes/attempts/{attempt.Id}?lang=ko");
        var page = await client.GetPageAsync($"/Learning/Quiz/Attempts/{attempt.Id}/Result?lang=ko");

        var json = await api.ReadJsonAsync();
        var missed = json.GetProperty("questions").EnumerateArray().First(q => q.GetProperty("position").GetInt32() == At("Greet"));
        var hit = json.GetProperty("questions").EnumerateArray().First(q => q.GetProperty("position").GetInt32() == At("Law"));
        missed.GetProperty("text").GetString().ShouldBe("처음에 무엇이라고 합니까?");
        (missed.GetProperty("right").ValueKind == System.Text.Json.JsonValueKind.False).ShouldBe(whether);
        (missed.GetProperty("rightAnswer").ValueKind == System.Text.Json.JsonValueKind.Array).ShouldBe(answers);
        hit.GetProperty("rightAnswer").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null); // right already: nothing to correct
        var review1 = page.QuerySelector($"[data-testid=review-{At("Greet")}]");
        if (!whether)
        {
            review1.ShouldBeNull();
            page.Body!.TextContent.ShouldContain("점수만");
            return;
        }

        review1!.TextContent.Contains("정답", StringComparison.Ordinal).ShouldBe(answers);
        if (answers)
        {
            missed.GetProperty("rightAnswer")[0].GetString().ShouldBe("안녕하세요");
            missed.GetProperty("rightOptions").EnumerateArray().Select(o => o.GetInt32()).ShouldBe([0]);
        }

        review1.TextContent.Contains("아직 아닙니다.", StringComparison.Ordinal).ShouldBe(feedback); // the chosen option's feedback
        review1.TextContent.Contains("먼저 인사합니다.", StringComparison.Ordinal).ShouldBe(feedback); // the question's
    }

    [Fact]
    public async Task APassBeforeTheQuizWasALessonOfTheCourse_IsCreditedWhenTheLessonIsReached_DatedByThePass()
    {
        var (category, _) = await app.CreateCategoryAsync(QuizTestData.Singles(2, "Credit"));
        var quiz = await app.CreateQuizAsync([(category, 2)], pass: 100);
        QuizAttempt? failed = null, passed = null;
        var (training, lesson) = await app.QuizLessonAsync(quiz, before: async t =>
        {
            // Taken before the quiz was a lesson (through the service: the page would not offer it yet), failed then passed.
            failed = await app.TakeAsync(quiz, t.People[0].Id, _ => false);
            passed = await app.TakeAsync(quiz, t.People[0].Id, _ => true);
        });
        var learner = training.People[0];
        var before = await app.UseAsync<StudyCourse, StudyView?>(s => s.ReadAsync(training.Programme.Id, learner.Id, CancellationToken.None));

        var opened = await app.UseAsync<StudyCourse, StudyView?>(s => s.OpenLessonAsync(training.Programme.Id, learner.Id, lesson, CancellationToken.None));
        var again = await app.UseAsync<StudyCourse, StudyView?>(s => s.OpenLessonAsync(training.Programme.Id, learner.Id, lesson, CancellationToken.None));

        failed!.Passed.ShouldBe(false);
        before!.Progress.DoneKeys.ShouldNotContain(lesson);
        opened!.Progress.DoneKeys.ShouldContain(lesson);
        again!.Progress.Done.ShouldBe(1);
        var step = await app.DbAsync(db => db.LessonSteps.AsNoTracking().SingleAsync(s => s.LessonKey == lesson));
        step.DoneAtUtc!.Value.ShouldBe(passed!.SubmittedAtUtc!.Value, TimeSpan.FromMilliseconds(1));
        (await app.CompletionsAsync(training.Programme.Id)).ShouldBeEmpty(); // the text lesson is still to do
    }
}

public sealed class QuizAccessSqliteTests(SqliteApp app) : QuizAccessTests(app), IClassFixture<SqliteApp>;

public sealed class QuizAccessPostgresTests(PostgresApp app) : QuizAccessTests(app), IClassFixture<PostgresApp>;
