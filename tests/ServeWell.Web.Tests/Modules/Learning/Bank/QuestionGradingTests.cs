using ServeWell.Web.Modules.Learning.Bank;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Tests.Modules.Learning.Bank;

/// <summary>Grading per type, as Moodle grades: partial and negative credit, short-answer rules, matching and ordering shares.</summary>
public sealed class QuestionGradingTests
{
    private static BankQuestion Of(QuestionType type) => SampleBank.Questions.First(q => q.Type == type);

    [Fact]
    public void SingleChoice_TakesTheChosenFraction_NeverBelowZero()
    {
        var q = Of(QuestionType.SingleChoice);
        QuestionGrading.Grade(q, QuestionResponse.Choose(0)).Fraction.ShouldBe(1m);
        QuestionGrading.Grade(q, QuestionResponse.Choose(1)).Fraction.ShouldBe(0m);
        QuestionGrading.Grade(q, QuestionResponse.Choose()).Fraction.ShouldBe(0m);
        QuestionGrading.Grade(q, QuestionResponse.Choose(9)).Fraction.ShouldBe(0m);
    }

    [Fact]
    public void MultipleChoice_AddsFractions_NegativesSubtract_AndTheSumStaysWithinZeroAndOne()
    {
        var q = Of(QuestionType.MultipleChoice);
        QuestionGrading.Grade(q, QuestionResponse.Choose(0)).Fraction.ShouldBe(0.5m);
        QuestionGrading.Grade(q, QuestionResponse.Choose(0, 1)).Fraction.ShouldBe(1m);
        QuestionGrading.Grade(q, QuestionResponse.Choose(0, 1, 1)).Fraction.ShouldBe(1m);
        QuestionGrading.Grade(q, QuestionResponse.Choose(0, 1, 2)).Fraction.ShouldBe(0m);
        QuestionGrading.Grade(q, QuestionResponse.Choose(2)).Fraction.ShouldBe(0m);
        QuestionGrading.Grade(q, QuestionResponse.Choose(0, 2)).FeedbackOptions.ShouldBe([0, 2]);
    }

    [Fact]
    public void TrueFalse_RightOnlyForTheRightAnswer()
    {
        var q = Of(QuestionType.TrueFalse);
        QuestionGrading.Grade(q, QuestionResponse.Choose(1)).Right.ShouldBeTrue();
        QuestionGrading.Grade(q, QuestionResponse.Choose(0)).Fraction.ShouldBe(0m);
    }

    [Theory]
    [InlineData("민원처리법", 1)]
    [InlineData("  민원처리법  ", 1)]
    [InlineData("민원 신청", 0.5)]
    [InlineData("처리법", 0)]
    [InlineData("", 0)]
    public void ShortAnswer_NormalisesSpacing_AndTakesTheFirstMatchingAnswerWithWildcards(string given, double expected) =>
        QuestionGrading.Grade(Of(QuestionType.ShortAnswer), QuestionResponse.Answer(given)).Fraction.ShouldBe((decimal)expected);

    [Fact]
    public void ShortAnswer_CaseAsTheQuestionSays_AndSpacesInsideCollapse()
    {
        var q = new BankQuestion([], QuestionType.ShortAnswer, "q", LocalText.In("en", "Law?"), TextFormat.Moodle, LocalText.Empty, true, false,
            [BankOption.Of(LocalText.In("en", "Civil  Petitions Act"), 1m)]);
        QuestionGrading.Grade(q, QuestionResponse.Answer("civil petitions   act")).Fraction.ShouldBe(1m);
        QuestionGrading.Grade(q with { CaseSensitive = true }, QuestionResponse.Answer("civil petitions act")).Fraction.ShouldBe(0m);
        QuestionGrading.Grade(q with { CaseSensitive = true }, QuestionResponse.Answer("Civil Petitions Act")).Fraction.ShouldBe(1m);
        QuestionGrading.Grade(q, QuestionResponse.Answer("Civil.Petitions Act")).Fraction.ShouldBe(0m); // a regex character is a character
    }

    [Fact]
    public void Matching_GivesAShareForEachItemMatchedRight_DistractorsAreNotItems()
    {
        var q = Of(QuestionType.Matching);
        QuestionGrading.Grade(q, QuestionResponse.Choose(0, 1)).Fraction.ShouldBe(1m);
        QuestionGrading.Grade(q, QuestionResponse.Choose(0, 2)).Fraction.ShouldBe(0.5m);
        QuestionGrading.Grade(q, QuestionResponse.Choose(1, 0)).Fraction.ShouldBe(0m);
        QuestionGrading.Grade(q, QuestionResponse.Choose(0)).Fraction.ShouldBe(0.5m);
    }

    [Fact]
    public void Ordering_GivesAShareForEachItemInItsRightPlace()
    {
        var q = Of(QuestionType.Ordering);
        QuestionGrading.Grade(q, QuestionResponse.Ordered(0, 1, 2)).Fraction.ShouldBe(1m);
        QuestionGrading.Grade(q, QuestionResponse.Ordered(0, 2, 1)).Fraction.ShouldBe(0.3333333m);
        QuestionGrading.Grade(q, QuestionResponse.Ordered(2, 0, 1)).Fraction.ShouldBe(0m);
        QuestionGrading.Grade(q, QuestionResponse.Ordered(0, 0, 0)).Fraction.ShouldBe(0m);
    }
}
