namespace ServeWell.Web.Modules.Learning.Quizzes;

/// <summary>One graded attempt as the statistics see it: each question's mark as a fraction 0..1.</summary>
public sealed record GradedAttempt(int EmployeeId, IReadOnlyList<(int QuestionId, decimal Fraction)> Marks);

/// <summary>A question's figures: how many attempts had it, its facility and discrimination indexes (percent; null when undefined).</summary>
public sealed record QuestionStatistic(int QuestionId, int Attempts, double Facility, double? Discrimination);

/// <summary>
/// Moodle's quiz statistics (ADR-044), over each learner's first graded attempt: the <b>facility index</b> of a question is
/// the mean mark on it as a share of its maximum; the <b>discrimination index</b> is the correlation (Pearson's r, shown
/// ×100) between the mark on the question and the mark on the rest of the quiz, over the attempts that had the question.
/// It is undefined when either varies not at all.
/// </summary>
public static class QuizStatistics
{
    public static IReadOnlyList<QuestionStatistic> Compute(IReadOnlyList<GradedAttempt> attempts)
    {
        var rows = attempts.SelectMany(a => a.Marks.Select(m => (m.QuestionId, Mark: (double)m.Fraction, Others: Rest(a, m))));
        return [.. rows.GroupBy(r => r.QuestionId).OrderBy(g => g.Key).Select(g =>
        {
            var marks = g.Select(r => r.Mark).ToList();
            var rest = g.Select(r => r.Others).ToList();
            return new QuestionStatistic(g.Key, marks.Count, 100 * marks.Average(), Correlation(marks, rest) is { } r ? 100 * r : null);
        })];
    }

    /// <summary>The rest of the quiz: the other questions' marks, as a share of their maximum.</summary>
    private static double Rest(GradedAttempt a, (int QuestionId, decimal Fraction) m) =>
        a.Marks.Count <= 1 ? 0 : (double)(a.Marks.Sum(x => x.Fraction) - m.Fraction) / (a.Marks.Count - 1);

    public static double? Correlation(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        if (x.Count < 2)
        {
            return null;
        }

        var mx = x.Average();
        var my = y.Average();
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Count; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }

        return sxx < 1e-12 || syy < 1e-12 ? null : sxy / Math.Sqrt(sxx * syy);
    }
}
