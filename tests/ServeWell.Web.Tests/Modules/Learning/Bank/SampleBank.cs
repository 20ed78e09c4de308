using ServeWell.Web.Modules.Learning.Bank;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Tests.Modules.Learning.Bank;

/// <summary>A bank with every question type, tricky characters and texts in one and two languages, for round trips.</summary>
internal static class SampleBank
{
    public static readonly IReadOnlyList<LocalText> Phone = [LocalText.Of("Complaints", "민원"), LocalText.Of("Phone / counter", "전화")];

    public static readonly IReadOnlyList<LocalText> Empty = [LocalText.Of("", "빈 분류")];

    public static BankFile File => new([Phone, Empty], Questions);

    /// <summary>The same bank under a top category of its own, so tests on one database do not see each other's questions.</summary>
    public static BankFile Under(string root)
    {
        var top = LocalText.Of(root, root);
        IReadOnlyList<LocalText> Move(IReadOnlyList<LocalText> path) => [top, .. path];
        return new([[top], Move(Phone), Move(Empty)], [.. Questions.Select(q => q with { Category = Move(q.Category) })]);
    }

    public static IReadOnlyList<BankQuestion> Questions =>
    [
        Q(QuestionType.SingleChoice, "Greeting", LocalText.Of("What do you say first: {name} = ?", "먼저 무엇이라고 말합니까?"),
            [BankOption.Of(LocalText.Of("Hello", "안녕하세요"), 1m, LocalText.Of("Right: a greeting #1", "맞아요")),
             BankOption.Of(LocalText.Of("", "다음 분"), -0.5m, LocalText.In("ko", "무례해요")),
             BankOption.Of(LocalText.In("ko", "네~"), 0m)]),
        Q(QuestionType.MultipleChoice, "Calm words", LocalText.In("ko", "차분하게 하는 표현을 모두 고르세요."),
            [BankOption.Of(LocalText.In("ko", "불편을 드려 죄송합니다"), 0.5m), BankOption.Of(LocalText.In("ko", "확인해 드리겠습니다"), 0.5m),
             BankOption.Of(LocalText.In("ko", "규정이라서 안 됩니다"), -1m, LocalText.In("ko", "차단하는 말"))]) with { Shuffle = false },
        Q(QuestionType.TrueFalse, "Interrupt", LocalText.In("ko", "민원인의 말을 끊어도 된다."),
            [BankOption.Of(GiftReader.TrueText, 0m, LocalText.In("ko", "틀렸어요")), BankOption.Of(GiftReader.FalseText, 1m, LocalText.In("ko", "맞아요"))])
            with { GeneralFeedback = LocalText.Of("Listen to the end.", "끝까지 들으세요.") },
        Q(QuestionType.ShortAnswer, "Law", LocalText.In("ko", "민원 처리에 관한 법률의 약칭은?"),
            [BankOption.Of(LocalText.In("ko", "민원처리법"), 1m, LocalText.In("ko", "정답")), BankOption.Of(LocalText.In("ko", "민원*"), 0.5m)]) with { CaseSensitive = true },
        Q(QuestionType.Matching, "Match", LocalText.In("ko", "상황과 응대를 연결하세요."),
            [new BankOption(LocalText.In("ko", "욕설"), 0m, LocalText.Empty, LocalText.In("ko", "경고 후 종료")),
             new BankOption(LocalText.In("ko", "반복 민원"), 0m, LocalText.Empty, LocalText.In("ko", "종결 안내")),
             new BankOption(LocalText.Empty, 0m, LocalText.Empty, LocalText.In("ko", "즉시 신고"))]),
        Q(QuestionType.Ordering, "Steps", LocalText.Of("Put the steps in order.", "순서대로 놓으세요."),
            [BankOption.Of(LocalText.In("ko", "인사"), 0m), BankOption.Of(LocalText.In("ko", "경청"), 0m), BankOption.Of(LocalText.In("ko", "안내"), 0m)]) with { Format = TextFormat.Html },
    ];

    private static BankQuestion Q(QuestionType type, string name, LocalText text, IReadOnlyList<BankOption> options) =>
        new(Phone, type, name, text, TextFormat.Moodle, LocalText.Empty, true, false, options);
}
