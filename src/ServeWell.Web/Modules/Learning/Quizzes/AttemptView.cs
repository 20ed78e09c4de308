using ServeWell.Web.Modules.Learning.Bank;

namespace ServeWell.Web.Modules.Learning.Quizzes;

/// <summary>An option as a learner sees it: its id (its index in the question, which answers name) and its text.</summary>
public sealed record OptionView(int Id, string Text);

/// <summary>
/// A question of an attempt as the learner sees it, options in this attempt's order. What grading reveals (right, mark,
/// feedback) is filled only after submission and only as far as the quiz's review setting allows.
/// </summary>
public sealed record SlotView(
    int Position, string Type, string Text, IReadOnlyList<OptionView> Options, IReadOnlyList<OptionView>? Choices,
    QuestionResponse? Answer, DateTime? SavedAtUtc, bool? Right, decimal? MarkPercent, IReadOnlyList<string>? Feedback);

/// <summary>An attempt for its learner (page and API).</summary>
public sealed record AttemptView(
    long Id, int QuizId, string QuizTitle, int Number, bool Open, DateTime StartedAtUtc, DateTime? DeadlineUtc, DateTime? SubmittedAtUtc,
    bool ClosedByDeadline, decimal? ScorePercent, bool? Passed, int PassPercent, string Review, IReadOnlyList<SlotView> Questions)
{
    public int Answered => Questions.Count(q => q.Answer is not null);

    public static AttemptView Of(QuizAttempt a, string quizTitle, string language)
    {
        var open = a.SubmittedAtUtc is null;
        var slots = a.Slots.OrderBy(s => s.Position).Select(s =>
        {
            var f = FrozenQuestion.Of(s);
            var q = f.Question;
            string Plain(Platform.Localization.LocalText t) => QuestionText.Plain(t.For(language));
            var options = q.Type == QuestionType.Matching
                ? f.MatchItems.Select(i => new OptionView(i, Plain(q.Options[i].Text))).ToList()
                : f.Order.Select(i => new OptionView(i, Plain(q.Options[i].Text))).ToList();
            var choices = q.Type == QuestionType.Matching ? f.MatchChoices.Select(i => new OptionView(i, Plain(q.Options[i].Match))).ToList() : null;
            if (q.Type == QuestionType.ShortAnswer)
            {
                options = []; // the accepted answers are the answer
            }

            var response = FrozenQuestion.ResponseOf(s.Response);
            bool? right = null;
            decimal? mark = null;
            List<string>? feedback = null;
            if (!open && a.Review >= QuizReview.RightOrWrong)
            {
                mark = Math.Round((s.Fraction ?? 0m) * 100m, 1);
                right = s.Fraction == 1m;
            }

            if (!open && a.Review == QuizReview.Feedback)
            {
                var grade = QuestionGrading.Grade(q, response ?? new QuestionResponse([]));
                feedback = [.. grade.FeedbackOptions.Select(i => Plain(q.Options[i].Feedback)).Append(Plain(q.GeneralFeedback)).Where(t => t.Length > 0)];
            }

            return new SlotView(s.Position, q.Type.ToString(), Plain(q.Text), options, choices, response, s.SavedAtUtc, right, mark, feedback);
        }).ToList();
        return new AttemptView(a.Id, a.QuizId, quizTitle, a.Number, open, a.StartedAtUtc, a.DeadlineUtc, a.SubmittedAtUtc, a.ClosedByDeadline,
            open ? null : a.ScorePercent, open ? null : a.Passed, a.PassPercent, a.Review.ToString(), slots);
    }
}
