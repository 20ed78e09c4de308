using ServeWell.Web.Modules.Learning.Bank;
using ServeWell.Web.Modules.Learning.Courses;
using ServeWell.Web.Modules.Learning.Quizzes;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.Demo;

/// <summary>
/// The demo course's quiz lesson (ADR-049): "Check yourself" at the end of the second section draws four questions from
/// each of the bank's six competency categories (24), untimed, pass mark 70 %, review with the right answers and
/// feedback. The learners who reached it in the seeded study plan have attempts: those past it passed (after zero to
/// two failed tries), those stopped at it failed. Answers follow a simple ability model (each learner an ability, each
/// question a difficulty, a logistic chance of answering right), so the results page shows facility and discrimination
/// that vary the way real ones do.
/// </summary>
internal static class DemoQuiz
{
    public static readonly LocalText Title = LocalText.Of("Check yourself: considerate responses", "스스로 점검: 시민을 배려하는 민원 응대");

    public static readonly LocalText LessonTitle = LocalText.Of("Check yourself (quiz)", "스스로 점검하기(퀴즈)");

    public const int PerCategory = 4;

    public const int PassPercent = 70;

    /// <summary>The section (0-based) whose last lesson is the quiz.</summary>
    public const int Section = 1;

    public static Quiz Create(IEnumerable<int> categoryIds, DateTime at)
    {
        var quiz = new Quiz
        {
            Title = Title, Owner = "demo seed", PassPercent = PassPercent, Review = QuizReview.Feedback, ShuffleOptions = true, CreatedAtUtc = at, UpdatedAtUtc = at,
        };
        quiz.Draws.AddRange(categoryIds.Select(id => new QuizDraw { CategoryId = id, Count = PerCategory }));
        return quiz;
    }

    public static CourseLesson Lesson(int quizId, int order) => new()
    {
        Title = LessonTitle, Body = LocalText.Empty, Minutes = 15, Order = order, Kind = LessonKind.Quiz, QuizId = quizId,
    };

    /// <summary>Writes attempts as the learners' steps on the quiz lesson say: a pass dated when the lesson was done, failures before.</summary>
    internal sealed class Attempts(int quizId, IReadOnlyList<(int CategoryId, IReadOnlyList<(int Id, BankQuestion Question)> Questions)> bank)
    {
        private readonly Random _random = new(20261208);
        private readonly Dictionary<int, double> _difficulty = bank.SelectMany(c => c.Questions).ToDictionary(q => q.Id, _ => 0.0);
        private readonly Dictionary<int, string> _json = bank.SelectMany(c => c.Questions).ToDictionary(q => q.Id, q => FrozenQuestion.ToJson(q.Question));

        public List<QuizAttempt> For(int employeeId, LessonStep step)
        {
            if (_difficulty.Values.All(d => d == 0))
            {
                foreach (var id in _difficulty.Keys.ToList())
                {
                    _difficulty[id] = -1.6 + 2.6 * _random.NextDouble();
                }
            }

            var ability = Normal() * 0.9 + 0.3;
            var result = new List<QuizAttempt>();
            var passedAt = step.DoneAtUtc;
            var fails = passedAt is null ? 1 : _random.NextDouble() < 0.55 ? 0 : _random.NextDouble() < 0.7 ? 1 : 2;
            var at = step.FirstOpenedAtUtc;
            for (var n = 1; n <= fails + (passedAt is null ? 0 : 1); n++)
            {
                var pass = passedAt is not null && n == fails + 1;
                var submitted = pass ? passedAt!.Value : at.AddMinutes(6 + _random.Next(0, 12));
                var minutes = 5 + _random.Next(0, 10);
                var started = submitted.AddMinutes(-minutes) < step.FirstOpenedAtUtc ? step.FirstOpenedAtUtc : submitted.AddMinutes(-minutes);
                result.Add(Attempt(employeeId, n, started, submitted, ability + 0.3 * (n - 1), pass));
                at = submitted.AddMinutes(2);
            }

            return result;
        }

        private QuizAttempt Attempt(int employeeId, int number, DateTime started, DateTime submitted, double ability, bool pass)
        {
            var attempt = new QuizAttempt
            {
                QuizId = quizId, EmployeeId = employeeId, Number = number, StartedAtUtc = started, SubmittedAtUtc = submitted,
                PassPercent = PassPercent, Review = QuizReview.Feedback,
            };
            var drawn = bank.SelectMany(c => c.Questions.OrderBy(_ => _random.Next()).Take(PerCategory)).ToList();
            var right = drawn.Select(q => _random.NextDouble() < 1 / (1 + Math.Exp(-1.7 * (ability - _difficulty[q.Id])))).ToArray();
            var responses = drawn.Select((q, i) => right[i] ? RightResponse(q.Question) : WrongResponse(q.Question)).ToArray();
            var marks = drawn.Select((q, i) => QuestionGrading.Grade(q.Question, responses[i]).Fraction).ToArray();
            // Held to the outcome the study plan says (passed past the lesson, failed when stopped at it): the easiest
            // misses put right (or the hardest hits wrong) until the score holds, as a luckier or unluckier learner would.
            var byDifficulty = Enumerable.Range(0, drawn.Count).OrderBy(i => _difficulty[drawn[i].Id]).ToList();
            foreach (var i in pass ? byDifficulty : Enumerable.Reverse(byDifficulty))
            {
                var score = marks.Sum() * 100m / drawn.Count;
                if (pass ? score >= PassPercent : score < PassPercent - 0.01m)
                {
                    break;
                }

                responses[i] = pass ? RightResponse(drawn[i].Question) : NoResponse;
                marks[i] = QuestionGrading.Grade(drawn[i].Question, responses[i]).Fraction;
            }

            for (var i = 0; i < drawn.Count; i++)
            {
                var (id, q) = drawn[i];
                attempt.Slots.Add(new QuizSlot
                {
                    Position = i + 1, QuestionId = id, Question = _json[id],
                    OptionOrder = FrozenQuestion.OrderText(FrozenQuestion.OrderFor(q, true, _random)),
                    Response = FrozenQuestion.ToJson(responses[i]), SavedAtUtc = submitted, Fraction = marks[i],
                });
            }

            attempt.ScorePercent = Math.Round(attempt.Slots.Sum(s => s.Fraction!.Value) * 100m / attempt.Slots.Count, 4);
            attempt.Passed = attempt.ScorePercent >= PassPercent;
            return attempt;
        }

        /// <summary>Left unanswered (time ran short): no marks.</summary>
        private static readonly QuestionResponse NoResponse = new([]);

        private static QuestionResponse RightResponse(BankQuestion q)
        {
            var o = q.Options;
            return q.Type switch
            {
                QuestionType.SingleChoice or QuestionType.TrueFalse => QuestionResponse.Choose(Enumerable.Range(0, o.Count).MaxBy(i => o[i].Fraction)),
                QuestionType.MultipleChoice => new QuestionResponse([.. Enumerable.Range(0, o.Count).Where(i => o[i].Fraction > 0)]),
                QuestionType.ShortAnswer => QuestionResponse.Answer(o[0].Text.Ko.Length > 0 ? o[0].Text.Ko : o[0].Text.En),
                QuestionType.Matching => new QuestionResponse([.. Enumerable.Range(0, o.Count).Where(i => !o[i].Text.IsEmpty)
                    .Select(i => Enumerable.Range(0, o.Count).First(j => o[j].Match == o[i].Match))]),
                _ => QuestionResponse.Ordered([.. Enumerable.Range(0, o.Count)]),
            };
        }

        /// <summary>A plausible mistake: a wrong choice, half the choices, a near miss, two answers or items swapped.</summary>
        private static QuestionResponse WrongResponse(BankQuestion q)
        {
            var o = q.Options;
            var right = RightResponse(q);
            switch (q.Type)
            {
                case QuestionType.SingleChoice or QuestionType.TrueFalse:
                    return QuestionResponse.Choose(Enumerable.Range(0, o.Count).First(i => o[i].Fraction <= 0));
                case QuestionType.MultipleChoice:
                    return new QuestionResponse([.. Enumerable.Range(0, o.Count).Where(i => o[i].Fraction <= 0).Concat(right.Chosen.Take(1))]);
                case QuestionType.ShortAnswer:
                    return QuestionResponse.Answer("잘 모르겠습니다");
                case QuestionType.Matching:
                    var chosen = right.Chosen.ToArray();
                    (chosen[0], chosen[^1]) = (chosen[^1], chosen[0]);
                    return new QuestionResponse(chosen);
                default:
                    var order = right.Order!.ToArray();
                    (order[0], order[1]) = (order[1], order[0]);
                    return QuestionResponse.Ordered(order);
            }
        }

        private double Normal() => Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());
    }
}
