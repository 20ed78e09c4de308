using Microsoft.Extensions.Localization;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.Learning.Bank;

/// <summary>The bank's words on pages: question types and import problems in the reader's language.</summary>
public static class BankWords
{
    public static string TypeName(this IStringLocalizer l, QuestionType type) => type switch
    {
        QuestionType.SingleChoice => l["Single choice"],
        QuestionType.MultipleChoice => l["Multiple choice"],
        QuestionType.TrueFalse => l["True/false"],
        QuestionType.ShortAnswer => l["Short answer"],
        QuestionType.Matching => l["Matching"],
        _ => l["Ordering"],
    };

    /// <summary>"줄 12: …" — the problem's templates come from the readers in English and are looked up like any UI text.</summary>
    public static string Describe(this IStringLocalizer l, ImportProblem problem) =>
        problem.Describe((template, args) => string.Format(System.Globalization.CultureInfo.CurrentCulture, l[template].Value, args));

    public static string[] Languages(LocalText text) => QuestionBankApi.Languages(text);
}
