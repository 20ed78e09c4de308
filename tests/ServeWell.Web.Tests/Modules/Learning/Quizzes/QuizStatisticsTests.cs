using ServeWell.Web.Modules.Learning.Quizzes;
using Shouldly;

namespace ServeWell.Web.Tests.Modules.Learning.Quizzes;

/// <summary>Moodle's facility and discrimination indexes on data worked out by hand (ADR-044).</summary>
public sealed class QuizStatisticsTests
{
    [Fact]
    public void Compute_GivesFacilityAsMeanMark_AndDiscriminationAsCorrelationWithTheRestOfTheQuiz()
    {
        // Question 1 is right exactly for those who do well on the rest (2 and 3 together); question 2 is right for
        // one strong and one weak learner; question 3 everyone gets right.
        GradedAttempt A(int id, decimal q1, decimal q2, decimal q3, decimal q4) => new(id, [(1, q1), (2, q2), (3, q3), (4, q4)]);
        var stats = QuizStatistics.Compute([A(1, 1, 1, 1, 1), A(2, 1, 0, 1, 1), A(3, 0, 1, 1, 0), A(4, 0, 0, 1, 0)]);

        var q1 = stats.Single(s => s.QuestionId == 1);
        q1.Attempts.ShouldBe(4);
        q1.Facility.ShouldBe(50, 1e-9);
        // rest of quiz for q1 (mean of q2..q4): 1, 2/3, 2/3, 1/3 → r = 0.7071068 (worked by hand: sxy = 1/3, sxx = 1, syy = 2/9)
        q1.Discrimination!.Value.ShouldBe(70.71068, 1e-4);
        var q2 = stats.Single(s => s.QuestionId == 2);
        q2.Facility.ShouldBe(50, 1e-9);
        q2.Discrimination!.Value.ShouldBe(0, 1e-9); // rest: 1, 1, 1/3, 1/3 against 1, 0, 1, 0
        stats.Single(s => s.QuestionId == 3).Discrimination.ShouldBeNull(); // no variation: undefined
        stats.Single(s => s.QuestionId == 3).Facility.ShouldBe(100, 1e-9);
    }

    [Fact]
    public void Compute_CountsOnlyTheAttemptsThatHadTheQuestion()
    {
        var stats = QuizStatistics.Compute([new GradedAttempt(1, [(7, 0.5m), (8, 1m)]), new GradedAttempt(2, [(8, 0m), (9, 1m)])]);

        stats.Single(s => s.QuestionId == 7).Attempts.ShouldBe(1);
        stats.Single(s => s.QuestionId == 7).Facility.ShouldBe(50, 1e-9);
        stats.Single(s => s.QuestionId == 7).Discrimination.ShouldBeNull();
        stats.Single(s => s.QuestionId == 8).Attempts.ShouldBe(2);
    }
}
