using ServeWell.Web.Modules.Learning.Bank;

namespace ServeWell.Web.Modules.Learning.Quizzes;

/// <summary>An option as a learner sees it: its id (its index in the question, which answers name) and its text.</summary>
public sealed record OptionView(int Id, string Text);

/// <summary>
/// A question of an attempt as the learner sees it, options in this attempt's order. What grading reveals (right, mark,
/// the right answer, feedback) is filled only after submission and only as far as the quiz's review setting allows:
/// <see cref="RightOptions"/> names the options that earn marks (choices), <see cref="RightAnswer"/> says the right
/// answer in words, only for a question not fully right.
/// </summary>
public sealed record SlotView(
    int Position, string Type, string Text, IReadOnlyList<OptionView> Options, IReadOnlyList<OptionView>? Choices,
    QuestionResponse? Answer, DateTime? SavedAtUtc, bool? Right, decimal? MarkPercent, IReadOnlyList<string>? Feedback,
    IReadOnlyList<int>? RightOptions = null, IReadOnlyList<string>? RightAnswer = null);

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
            IReadOnlyList<int>? rightOptions = null;
            IReadOnlyList<string>? rightAnswer = null;
            if (!open && a.Review.ShowsWhetherRight())
            {
                mark = Math.Round((s.Fraction ?? 0m) * 100m, 1);
                right = s.Fraction == 1m;
            }

            if (!open && a.Review.ShowsRightAnswers())
            {
                rightOptions = q.Type is QuestionType.SingleChoice or QuestionType.TrueFalse or QuestionType.MultipleChoice
                    ? [.. f.Order.Where(i => q.Options[i].Fraction > 0m)]
                    : null;
                rightAnswer = right == true ? null : RightAnswerOf(q, Plain);
            }

            if (!open && a.Review.ShowsFeedback())
            {
                var grade = QuestionGrading.Grade(q, response ?? new QuestionResponse([]));
                feedback = [.. grade.FeedbackOptions.Select(i => Plain(q.Options[i].Feedback)).Append(Plain(q.GeneralFeedback)).Where(t => t.Length > 0)];
            }

            return new SlotView(s.Position, q.Type.ToString(), Plain(q.Text), options, choices, response, s.SavedAtUtc, right, mark, feedback, rightOptions, rightAnswer);
        }).ToList();
        return new AttemptView(a.Id, a.QuizId, quizTitle, a.Number, open, a.StartedAtUtc, a.DeadlineUtc, a.SubmittedAtUtc, a.ClosedByDeadline,
            open ? null : a.ScorePercent, open ? null : a.Passed, a.PassPercent, a.Review.ToString(), slots);
    }

    /// <summary>
    /// The right answer in words, one line each: the best choice (single, true/false), every choice that earns marks
    /// (multiple), the first full-mark accepted answer (short answer), "item → answer" per item (matching), the items in
    /// their order (ordering).
    /// </summary>
    public static IReadOnlyList<string> RightAnswerOf(BankQuestion q, Func<Platform.Localization.LocalText, string> plain)
    {
        var options = q.Options;
        switch (q.Type)
        {
            case QuestionType.SingleChoice or QuestionType.TrueFalse:
                var best = options.Count == 0 ? 0m : options.Max(o => o.Fraction);
                return [.. options.Where(o => o.Fraction == best && best > 0m).Select(o => plain(o.Text))];
            case QuestionType.MultipleChoice:
                return [.. options.Where(o => o.Fraction > 0m).Select(o => plain(o.Text))];
            case QuestionType.ShortAnswer:
                var top = options.Count == 0 ? 0m : options.Max(o => o.Fraction);
                return [.. options.Where(o => o.Fraction == top && top > 0m).Take(1).Select(o => plain(o.Text))];
            case QuestionType.Matching:
                return [.. options.Where(o => !o.Text.IsEmpty).Select(o => plain(o.Text) + " → " + plain(o.Match))];
            default:
                return [.. options.Select((o, i) => (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + ". " + plain(o.Text))];
        }
    }
}

/// <summary>What the review partial shows: the questions, and whether they are an officer's preview (no answers, no marks).</summary>
public sealed record QuizReviewModel(IReadOnlyList<SlotView> Questions, bool Preview);
