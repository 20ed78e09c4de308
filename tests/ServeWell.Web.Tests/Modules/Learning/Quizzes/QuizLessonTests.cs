using ServeWell.Web.Modules.Learning.Courses;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Tests.Fixtures;
using ServeWell.Web.Tests.Modules.Training.Record;
using Shouldly;

namespace ServeWell.Web.Tests.Modules.Learning.Quizzes;

/// <summary>A course lesson that is a quiz: done when the learner passes it, so the course and the programme complete (ADR-044).</summary>
public abstract class QuizLessonTests(AppHost app)
{
    [Fact]
    public async Task PassingTheQuiz_MarksTheLessonDone_AndCompletesTheProgramme_WhileFailingDoesNot()
    {
        var (category, _) = await app.CreateCategoryAsync(QuizTestData.Singles(2));
        var quiz = await app.CreateQuizAsync([(category, 2)], pass: 100);
        var training = await app.CreateTrainingCaseAsync(people: 1, configure: r => r.Delivery = "SelfStudy");
        var learner = training.People[0];
        var lesson = await app.UseAsync<EditCourse, int>(async edit =>
        {
            var course = (await edit.EnsureAsync(training.Programme.Id, CancellationToken.None))!;
            course = (await edit.LoadAsync(course.Id, CancellationToken.None))!;
            var (saved, problems) = await edit.SaveLessonAsync(course, course.Sections[0].Id, null,
                new LessonForm { Title = new LocalTextForm { En = "Check yourself" }, Minutes = 10, QuizId = quiz }, CancellationToken.None);
            problems.ShouldBeEmpty();
            saved!.Kind.ShouldBe(LessonKind.Quiz);
            var (_, publish) = await edit.PublishAsync((await edit.LoadAsync(course.Id, CancellationToken.None))!, "test", CancellationToken.None);
            publish.ShouldBeEmpty();
            return saved.Id;
        });

        var byHand = await app.UseAsync<StudyCourse, MarkDoneOutcome>(s => s.MarkDoneAsync(training.Programme.Id, learner.Id, lesson, null, null, null, CancellationToken.None));
        var failed = await app.TakeAsync(quiz, learner.Id, p => p == 1);
        var afterFail = await app.CompletionsAsync(training.Programme.Id);
        var passed = await app.TakeAsync(quiz, learner.Id, _ => true);

        byHand.ShouldBe(MarkDoneOutcome.DoneByQuiz);
        failed.Passed.ShouldBe(false);
        afterFail.ShouldBeEmpty();
        passed.Passed.ShouldBe(true);
        var completion = (await app.CompletionsAsync(training.Programme.Id)).ShouldHaveSingleItem();
        completion.EmployeeId.ShouldBe(learner.Id);
        completion.CompletedAtUtc!.Value.ShouldBe(passed.SubmittedAtUtc!.Value, TimeSpan.FromSeconds(1));
        var study = await app.UseAsync<StudyCourse, StudyView?>(s => s.ReadAsync(training.Programme.Id, learner.Id, CancellationToken.None));
        study!.Progress.DoneKeys.ShouldContain(lesson);
    }

    [Fact]
    public async Task TheLessonEditor_RefusesAQuizThatDoesNotExist()
    {
        var training = await app.CreateTrainingCaseAsync(people: 1, configure: r => r.Delivery = "SelfStudy");
        var problems = await app.UseAsync<EditCourse, IReadOnlyList<EditCourse.Problem>>(async edit =>
        {
            var course = (await edit.EnsureAsync(training.Programme.Id, CancellationToken.None))!;
            course = (await edit.LoadAsync(course.Id, CancellationToken.None))!;
            return (await edit.SaveLessonAsync(course, course.Sections[0].Id, null,
                new LessonForm { Title = new LocalTextForm { En = "Check" }, Minutes = 10, QuizId = int.MaxValue }, CancellationToken.None)).Problems;
        });

        problems.ShouldHaveSingleItem().Field.ShouldBe("quizId");
    }
}

public sealed class QuizLessonSqliteTests(SqliteApp app) : QuizLessonTests(app), IClassFixture<SqliteApp>;

public sealed class QuizLessonPostgresTests(PostgresApp app) : QuizLessonTests(app), IClassFixture<PostgresApp>;
