using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Learning.Bank;
using ServeWell.Web.Modules.Learning.Courses;
using ServeWell.Web.Modules.Learning.Quizzes;
using ServeWell.Web.Modules.Training.Competencies;
using ServeWell.Web.Modules.Training.Completions;
using ServeWell.Web.Modules.Training.Enrolments;
using ServeWell.Web.Modules.Training.Programmes;
using ServeWell.Web.Platform.City;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.Demo;

/// <summary>
/// The demo city's self-study programme (ADR-046): "Considerate responses to citizens" for every employee by an empty
/// audience rule, published two months ago and due a week ago, so the city has people who finished, people part-way
/// (overdue now) and people who never started. Its course is seeded as published version 1; about 300 learners have
/// lesson steps at plausible moments of the city's days; those who finished are completed through
/// <see cref="RecordSelfStudy"/>, the path a real last lesson takes, so their certificates exist. The question bank gets
/// the course's categories and questions for a quiz to draw from later.
/// </summary>
internal static class DemoSelfStudy
{
    public static readonly string ProgrammeTitle = DemoSelfStudyCourse.Title.En;

    /// <summary>How many learners started, and how many of them finished; the rest of the city has not started.</summary>
    public const int Starters = 300;

    public const int Finishers = 80;

    public const int DaysSincePublished = 60;

    public const int DaysOverdue = 7;

    public static async Task SeedAsync(IServiceProvider services, string demoEmployeeEmail, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<ServeWellDbContext>();
        if (await db.Programmes.AnyAsync(p => p.Title.En == ProgrammeTitle, cancellationToken))
        {
            return;
        }

        // One transaction: all or nothing, and one commit instead of one per save (each completion saves twice), which on
        // SQLite with synchronous=FULL was most of this seed's time.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var city = services.GetRequiredService<CityClock>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var today = city.Today;
        var published = city.StartOf(today.AddDays(-DaysSincePublished)).AddHours(9).UtcDateTime;

        await CompetencyCatalogue.EnsureAsync(db, cancellationToken);
        var competencies = await db.Competencies.ToDictionaryAsync(c => c.Code, cancellationToken);
        var programme = new Programme
        {
            Title = DemoSelfStudyCourse.Title, Description = DemoSelfStudyCourse.Description, Delivery = Delivery.SelfStudy,
            Hours = 1.5m, IsMandatory = true, DueDate = today.AddDays(-DaysOverdue), Completion = CompletionRules.For(Delivery.SelfStudy, true),
            Audience = new(), CreatedAt = published, UpdatedAt = published,
        };
        programme.Competencies.AddRange(new[] { "communication", "empathy", "telephone-on-site", "difficult-situations" }.Select(c => competencies[c]));
        db.Programmes.Add(programme);
        var bank = SeedQuestionBank(db, competencies);
        var course = new Course { ProgrammeId = 0, CreatedAt = published, DraftUpdatedAt = published };
        await db.SaveChangesAsync(cancellationToken);
        var quiz = DemoQuiz.Create(bank.Select(b => b.Category.Id), published);
        db.Quizzes.Add(quiz);
        await db.SaveChangesAsync(cancellationToken);
        course.ProgrammeId = programme.Id;
        var order = 0;
        foreach (var s in DemoSelfStudyCourse.Sections)
        {
            var section = new CourseSection { Title = s.Title, Order = ++order };
            section.Lessons.AddRange(s.Lessons.Select((l, i) => new CourseLesson { Title = l.Title, Body = l.Body, Minutes = l.Minutes, Order = i + 1 }));
            if (order - 1 == DemoQuiz.Section)
            {
                section.Lessons.Add(DemoQuiz.Lesson(quiz.Id, s.Lessons.Count + 1));
            }

            course.Sections.Add(section);
        }

        db.Courses.Add(course);
        await db.SaveChangesAsync(cancellationToken);
        var content = CourseContent.Of(course);
        var version = new CourseVersion
        {
            CourseId = course.Id, Number = 1, Content = content.ToJson(), LessonCount = content.Lessons.Count(), Minutes = content.Minutes,
            PublishedAtUtc = published, PublishedBy = "demo seed",
        };
        db.CourseVersions.Add(version);
        await db.SaveChangesAsync(cancellationToken);

        // Everyone is invited by the rule, as when the programme was published; they were told then, so no mail now.
        await services.GetRequiredService<SyncProgrammeAudience>().SyncAsync(programme.Id, EnrolmentReasons.ByRule, cancellationToken);
        var enrolments = db.Enrolments.Where(e => e.ProgrammeId == programme.Id);
        await enrolments.ExecuteUpdateAsync(s => s.SetProperty(e => e.InvitationMailedAt, published).SetProperty(e => e.CreatedAt, published).SetProperty(e => e.StateSince, published), cancellationToken);
        await db.EnrolmentChanges.Where(c => enrolments.Any(e => e.Id == c.EnrolmentId)).ExecuteUpdateAsync(s => s.SetProperty(c => c.At, published), cancellationToken);

        var record = services.GetRequiredService<RecordSelfStudy>();
        var cycle = await record.CurrentCycleAsync(programme.Id, cancellationToken) ?? 1;
        var demoEmployee = await db.Users.Where(u => u.Email == demoEmployeeEmail).Select(u => u.EmployeeId).FirstOrDefaultAsync(cancellationToken);
        var learners = await LearnersAsync(db, programme.Id, demoEmployee, cancellationToken);
        var plan = new StudyPlan(city, content.Lessons.ToList(), published, now.AddHours(-1));
        var finished = new List<(int EmployeeId, DateTime At)>();
        var attempts = new List<(CourseAttempt Attempt, List<LessonStep> Steps)>();
        for (var i = 0; i < learners.Count; i++)
        {
            var employeeId = learners[i];
            var (attempt, steps) = plan.Study(course.Id, version.Id, employeeId, cycle, employeeId == demoEmployee ? 3 : i < Finishers ? content.Lessons.Count() : null);
            if (steps.Count == 0)
            {
                continue; // an attempt starts when a lesson is opened
            }

            attempts.Add((attempt, steps));
            if (attempt.CompletedAtUtc is { } done)
            {
                finished.Add((employeeId, done));
            }
        }

        db.CourseAttempts.AddRange(attempts.Select(a => a.Attempt));
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (attempt, steps) in attempts)
        {
            steps.ForEach(s => s.AttemptId = attempt.Id);
        }

        db.LessonSteps.AddRange(attempts.SelectMany(a => a.Steps));
        await db.SaveChangesAsync(cancellationToken);

        // The quiz lesson's attempts, as each learner's steps on it say (passed when done, failed when only opened).
        var quizKey = content.Lessons.First(l => l.Kind == LessonKind.Quiz).Key;
        var quizAttempts = new DemoQuiz.Attempts(quiz.Id, [.. bank.Select(b => (b.Category.Id, (IReadOnlyList<(int, BankQuestion)>)[.. b.Questions.Select(q => (q.Id, q.ToBank([])))]))]);
        db.QuizAttempts.AddRange(attempts.SelectMany(a => a.Steps.Where(s => s.LessonKey == quizKey).SelectMany(s => quizAttempts.For(a.Attempt.EmployeeId, s))));
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();

        // The same call the last lesson of a real attempt makes: evidence, completion dated by that lesson, certificate.
        foreach (var (employeeId, at) in finished)
        {
            await record.RecordAsync(programme.Id, employeeId, cycle, at, $"course {course.Id} version 1", cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The enrolled employees who started, in a fixed random order; the demo employee is always one of them.</summary>
    private static async Task<List<int>> LearnersAsync(ServeWellDbContext db, int programmeId, int? demoEmployee, CancellationToken cancellationToken)
    {
        var random = new Random(20261206);
        var enrolled = await db.Enrolments.AsNoTracking().Where(e => e.ProgrammeId == programmeId).OrderBy(e => e.EmployeeId).Select(e => e.EmployeeId).ToListAsync(cancellationToken);
        var learners = enrolled.Where(id => id != demoEmployee).OrderBy(_ => random.Next()).Take(Starters - 1).ToList();
        if (demoEmployee is { } demo && enrolled.Contains(demo))
        {
            learners.Add(demo);
        }

        return learners;
    }

    private static List<(QuestionCategory Category, List<Question> Questions)> SeedQuestionBank(ServeWellDbContext db, IReadOnlyDictionary<string, Competency> competencies)
    {
        var top = new QuestionCategory { Name = DemoQuestionBank.Top };
        db.Set<QuestionCategory>().Add(top);
        var bank = new List<(QuestionCategory, List<Question>)>();
        foreach (var c in DemoQuestionBank.Categories)
        {
            var category = new QuestionCategory { Name = c.Name, Parent = top, CompetencyId = competencies[c.CompetencyCode].Id };
            db.Set<QuestionCategory>().Add(category);
            var questions = c.Questions.Select(q => Question.From(q, category)).ToList();
            db.Set<Question>().AddRange(questions);
            bank.Add((category, questions));
        }

        return bank;
    }

    /// <summary>
    /// When one learner opened and finished lessons: sittings on the city's working days (and some evenings), one to four
    /// lessons a sitting, a few days between sittings, all before <c>until</c>.
    /// </summary>
    private sealed class StudyPlan(CityClock city, IReadOnlyList<LessonContent> lessons, DateTime published, DateTime until)
    {
        /// <summary>No one starts another lesson in the same sitting after this hour of the evening.</summary>
        private static readonly TimeSpan LastStart = TimeSpan.FromHours(22);

        private readonly Random _random = new(20261207);

        /// <param name="lessonsDone">How many lessons to finish (all: a finisher); null for a random part of the course.</param>
        public (CourseAttempt Attempt, List<LessonStep> Steps) Study(int courseId, int versionId, int employeeId, int cycle, int? lessonsDone)
        {
            var target = lessonsDone ?? _random.Next(1, lessons.Count);
            var days = Math.Max(1, (int)(until - published).TotalDays - 2);
            var at = Sitting(published.AddDays(_random.Next(0, lessonsDone == lessons.Count ? days / 2 : days)));
            var steps = new List<LessonStep>();
            for (var i = 0; i < lessons.Count && at < until; i++)
            {
                var opened = at;
                if (i == target)
                {
                    // Part-way learners often left the next lesson open without finishing it.
                    if (_random.NextDouble() < 0.5)
                    {
                        steps.Add(new LessonStep { LessonKey = lessons[i].Key, FirstOpenedAtUtc = opened });
                    }

                    break;
                }

                var done = opened.AddSeconds(lessons[i].Minutes * 60 * (0.7 + _random.NextDouble()));
                if (done >= until)
                {
                    break;
                }

                steps.Add(new LessonStep { LessonKey = lessons[i].Key, FirstOpenedAtUtc = opened, DoneAtUtc = done, SecondsSpent = (int)(done - opened).TotalSeconds });
                var next = done.AddMinutes(_random.Next(1, 5));
                at = _random.NextDouble() < 0.6 && city.Local(new DateTimeOffset(next, TimeSpan.Zero)).TimeOfDay < LastStart ? next : Sitting(done.AddDays(_random.Next(1, 6)));
            }

            var last = steps.Count == 0 ? null : steps[^1];
            var started = steps.Count == 0 ? Sitting(published) : steps[0].FirstOpenedAtUtc;
            var complete = steps.Count(s => s.DoneAtUtc is not null) == lessons.Count;
            return (new CourseAttempt
            {
                CourseId = courseId, CourseVersionId = versionId, EmployeeId = employeeId, Cycle = cycle, StartedAtUtc = started,
                CompletedAtUtc = complete ? last!.DoneAtUtc : null, LastLessonKey = last?.LessonKey, LastOpenedAtUtc = last?.FirstOpenedAtUtc ?? started,
            }, steps);
        }

        /// <summary>A plausible moment on or after <paramref name="day"/>'s city date: a weekday, office hours or an evening.</summary>
        private DateTime Sitting(DateTime day)
        {
            var date = city.DateOf(new DateTimeOffset(DateTime.SpecifyKind(day, DateTimeKind.Utc)));
            while (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday && _random.NextDouble() < 0.85)
            {
                date = date.AddDays(1);
            }

            var minutes = _random.NextDouble() < 0.75 ? _random.Next(9 * 60, 17 * 60 + 30) : _random.Next(19 * 60, 22 * 60);
            var moment = city.StartOf(date).AddMinutes(minutes).UtcDateTime;
            while (moment >= until)
            {
                moment = moment.AddDays(-1); // not in the future: the same hour a day earlier
            }

            return moment;
        }
    }
}
