using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Training;
using ServeWell.Web.Modules.Training.KnowledgeChecks;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.Demo;

/// <summary>
/// The demo programme "Considerate expressions toward complainants" is completed only with a passed knowledge check,
/// so it comes with a question set of its own, written as checks were before ADR-048; the seeder then converts it into
/// a quiz of the bank (a category named after the programme) with <see cref="Learning.Checks.KnowledgeCheckConversion"/>.
/// </summary>
internal static class DemoKnowledgeCheck
{
    public const string ProgrammeTitle = "Considerate expressions toward complainants";

    public static async Task SeedAsync(ServeWellDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var programmeId = await db.Programmes.Where(p => p.Title.En == ProgrammeTitle).Select(p => (int?)p.Id).FirstOrDefaultAsync(cancellationToken);
        if (programmeId is null || await db.KnowledgeChecks.AnyAsync(k => k.ProgrammeId == programmeId, cancellationToken))
        {
            return;
        }

        var check = new KnowledgeCheck { ProgrammeId = programmeId.Value, PassMarkPercent = 75, UpdatedAt = now };
        // Each question and option in both languages (ADR-030): the demo city reads Korean, its English readers English.
        (LocalText Text, LocalText[] Options, int Correct)[] questions =
        [
            (T("A citizen says: \"I have been waiting for an hour!\" What do you say first?", "민원인이 \"한 시간째 기다리고 있어요!\"라고 말합니다. 먼저 무엇이라고 말하겠습니까?"),
                [T("\"Everyone has to wait.\"", "\"다들 기다리십니다.\""), T("\"I am sorry you had to wait so long. Let me help you now.\"", "\"오래 기다리시게 해서 죄송합니다. 지금 바로 도와드리겠습니다.\""), T("\"That is not my counter's fault.\"", "\"저희 창구 잘못은 아닙니다.\"")], 1),
            (T("A request is against the rules. Which answer is considerate?", "요청이 규정에 맞지 않습니다. 어떤 답변이 배려 있는 답변입니까?"),
                [T("\"No, that is not allowed.\"", "\"안 됩니다. 허용되지 않습니다.\""), T("\"Rule 7 says no.\"", "\"규정 7조에 따라 안 됩니다.\""), T("\"I cannot do that, but here is what we can do instead.\"", "\"그렇게는 어렵지만, 대신 이렇게 해 드릴 수 있습니다.\"")], 2),
            (T("On the phone, the citizen is upset and speaks fast. What helps most?", "전화로 민원인이 화가 나서 빠르게 말합니다. 무엇이 가장 도움이 됩니까?"),
                [T("Interrupt to correct the facts", "말을 끊고 사실을 바로잡는다"), T("Listen, then repeat back what you understood", "끝까지 듣고, 이해한 내용을 다시 말해 확인한다"), T("Transfer the call at once", "즉시 전화를 돌린다")], 1),
            (T("Which word choice keeps the citizen's dignity?", "어떤 표현이 민원인의 존엄을 지켜 줍니까?"),
                [T("\"You did it wrong.\"", "\"잘못 작성하셨네요.\""), T("\"This part needs one more detail; let me show you.\"", "\"이 부분에 한 가지만 더 적어 주시면 됩니다. 보여 드릴게요.\""), T("\"Read the form properly.\"", "\"서식을 제대로 읽어 보세요.\"")], 1),
        ];
        for (var i = 0; i < questions.Length; i++)
        {
            check.Questions.Add(new KnowledgeQuestion { Text = questions[i].Text, Options = [.. questions[i].Options], CorrectOption = questions[i].Correct, Order = i });
        }

        db.KnowledgeChecks.Add(check);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static LocalText T(string en, string ko) => LocalText.Of(en, ko);
}
