using ServeWell.Web.Modules.Learning.Bank;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.Demo;

/// <summary>
/// The demo city's question bank for "Considerate responses to citizens": one category per competency the course trains,
/// under a top category named after the course, each question in Korean and English with feedback, in all six types
/// (ADR-041). A quiz can draw from these categories; the seed stores them and nothing else.
/// </summary>
internal static class DemoQuestionBank
{
    public sealed record Category(string CompetencyCode, LocalText Name, IReadOnlyList<BankQuestion> Questions);

    public static readonly LocalText Top = T("Considerate responses to citizens", "시민을 배려하는 민원 응대");

    public static IReadOnlyList<Category> Categories { get; } =
    [
        new("communication", T("Considerate expressions (communication)", "배려하는 표현(의사소통)"),
        [
            Single("expr-refusal", T("A request is against the rules. Which answer is the most considerate?", "요청이 규정에 맞지 않습니다. 가장 배려 있는 답변은 무엇입니까?"),
                T("Regret, reason, alternative: the citizen hears why and what they can do.", "유감, 이유, 대안 순서로 말하면 시민은 이유와 할 수 있는 일을 함께 듣게 됩니다."),
                (T("\"That's not possible.\"", "\"안 됩니다.\""), 0, T("A wall, with no reason and no way forward.", "이유도 대안도 없는 벽처럼 들립니다.")),
                (T("\"I'm sorry, I can't do it that way because the record must be checked first; I can send it to you within two days.\"", "\"죄송하지만 기록을 먼저 확인해야 해서 그렇게는 어렵습니다. 이틀 안에 보내 드리겠습니다.\""), 1, T("Regret, reason and an alternative.", "유감, 이유, 대안이 모두 있습니다.")),
                (T("\"Rules are rules.\"", "\"규정이 그렇습니다.\""), 0, T("It names no reason the citizen can understand.", "시민이 이해할 수 있는 이유가 없습니다."))),
            TrueFalse("expr-blame", T("\"You filled it in wrong\" and \"This box needs the date you moved in\" ask for the same correction, so they are equally considerate.", "\"잘못 쓰셨네요\"와 \"이 칸에는 전입하신 날짜를 적어 주시면 됩니다\"는 같은 수정을 요청하므로 똑같이 배려 있는 말이다."),
                false, T("The first blames the person; the second describes the task.", "앞의 말은 사람을 탓하고, 뒤의 말은 할 일을 설명합니다.")),
            Multiple("expr-plain", T("Which of these are plain-language ways to ask for a document? Choose all that apply.", "서류를 요청하는 쉬운 말은 어느 것입니까? 모두 고르세요."),
                T("Say what the document proves before its official name.", "서류의 공식 이름보다 무엇을 증명하는 서류인지 먼저 말합니다."),
                (T("\"The paper that proves where you live (a resident registration copy).\"", "\"사시는 곳을 증명하는 서류(주민등록등본)요.\""), 0.5m, T("Plain first, the official name after.", "쉬운 말 먼저, 공식 이름은 나중에.")),
                (T("\"Please send it again with the missing page.\"", "\"빠진 쪽을 넣어서 다시 보내 주세요.\""), 0.5m, T("Says exactly what to do.", "무엇을 하면 되는지 정확히 말합니다.")),
                (T("\"Submit the supplementary documentation.\"", "\"보완 서류를 제출하세요.\""), -0.5m, T("Administrative shorthand the citizen may not know.", "시민이 모를 수 있는 행정 용어입니다."))),
            Matching("expr-rewrite", T("Match each blunt phrase with its considerate version.", "딱딱한 말과 배려하는 말을 짝지으세요."),
                T("Each rewrite keeps the rule and adds a reason or a next step.", "고친 말은 규정은 그대로 두고 이유나 다음 할 일을 더합니다."),
                (T("\"It's not our department.\"", "\"저희 부서 일이 아닙니다.\""), T("\"The Tax Office handles that; I'll give you their number.\"", "\"세무과에서 담당합니다. 전화번호를 알려 드릴게요.\"")),
                (T("\"You should have brought it.\"", "\"가져오셨어야죠.\""), T("\"You can also apply online tonight instead of coming back.\"", "\"다시 오시기 번거로우면 오늘 저녁 온라인으로 신청하셔도 됩니다.\"")),
                (T("\"Wait your turn.\"", "\"순서 기다리세요.\""), T("\"Thank you for waiting; you are next after two people.\"", "\"기다려 주셔서 감사합니다. 두 분 다음 차례입니다.\""))),
        ]),
        new("empathy", T("Empathy", "공감"),
        [
            Single("emp-waiting", T("A citizen says: \"I have been waiting for an hour!\" What do you say first?", "민원인이 \"한 시간째 기다렸어요!\"라고 말합니다. 먼저 무엇이라고 말하겠습니까?"),
                T("Acknowledge the feeling first; explanations come after.", "감정을 먼저 알아주고, 설명은 그다음입니다."),
                (T("\"Everyone has to wait.\"", "\"다들 기다리십니다.\""), 0, T("True, but it dismisses the person.", "사실이지만 사람을 무시하는 말입니다.")),
                (T("\"I'm sorry you had to wait so long. Let me help you now.\"", "\"오래 기다리시게 해서 죄송합니다. 지금 바로 도와드리겠습니다.\""), 1, T("Acknowledges, then acts.", "알아주고, 바로 돕습니다.")),
                (T("\"That's not my counter's fault.\"", "\"저희 창구 잘못은 아닙니다.\""), 0, T("Defending yourself raises the temperature.", "변명은 감정을 더 끓게 합니다."))),
            TrueFalse("emp-agree", T("Naming a citizen's feeling (\"this has cost you a lot of time\") means agreeing that the city was wrong.", "시민의 감정을 말로 알아주는 것(\"시간을 많이 쓰셨겠습니다\")은 시의 잘못을 인정하는 것이다."),
                false, T("You can acknowledge a feeling without agreeing with an accusation.", "비난에 동의하지 않고도 감정은 알아줄 수 있습니다.")),
            ShortAnswer("emp-word", T("One word: the thing we acknowledge before the procedure, so the citizen feels seen. (Hint: not the form, the …)", "한 단어로 답하세요. 절차보다 먼저 알아봐야 하는 것은? (힌트: 서류가 아니라 ○○)"),
                T("Person first, procedure second.", "사람이 먼저, 절차는 그다음입니다."),
                T("person", "사람"), T("citizen", "시민")),
            Ordering("emp-steps", T("Put the steps of an empathetic answer in order.", "공감하는 답변의 순서를 맞추세요."),
                T("Feelings first, facts next, action last.", "감정, 사실, 행동 순서입니다."),
                T("Acknowledge the feeling", "감정을 알아준다"), T("Confirm the facts", "사실을 확인한다"), T("Offer the next step", "다음 할 일을 제안한다")),
        ]),
        new("active-listening", T("Active listening", "경청"),
        [
            Single("listen-fast", T("On the phone the citizen is upset and speaks fast. What helps most?", "전화로 민원인이 화가 나서 빠르게 말합니다. 무엇이 가장 도움이 됩니까?"),
                T("Let them finish, then repeat back what you understood.", "끝까지 듣고, 이해한 내용을 다시 말해 확인합니다."),
                (T("Interrupt to correct the facts", "말을 끊고 사실을 바로잡는다"), 0, T("Interrupting makes the caller start over, louder.", "말을 끊으면 더 큰 목소리로 처음부터 다시 말하게 됩니다.")),
                (T("Listen to the end, then repeat back what you understood", "끝까지 듣고, 이해한 내용을 다시 말해 확인한다"), 1, T("The caller hears they were understood.", "시민은 이해받았다고 느낍니다.")),
                (T("Transfer the call at once", "즉시 전화를 돌린다"), 0, T("Without the story, the next person starts from zero.", "내용 없이 돌리면 다음 사람이 처음부터 다시 듣습니다."))),
            Multiple("listen-notes", T("What should you note while a caller explains? Choose all that apply.", "시민이 설명하는 동안 무엇을 메모해야 합니까? 모두 고르세요."),
                T("Name, what happened and what they want: enough to repeat it back in one sentence.", "성함, 무슨 일이 있었는지, 원하시는 것. 한 문장으로 다시 확인할 수 있을 만큼입니다."),
                (T("Their name", "성함"), 0.3333333m, null), (T("What happened", "무슨 일이 있었는지"), 0.3333333m, null), (T("What they want", "원하시는 것"), 0.3333333m, null),
                (T("Their tone of voice, to report later", "나중에 보고할 목소리 톤"), -1m, T("Not needed to solve the request.", "요청을 해결하는 데 필요하지 않습니다."))),
            TrueFalse("listen-screen", T("At the counter, looking up from the screen while the citizen speaks is part of listening.", "창구에서 시민이 말할 때 화면에서 눈을 떼는 것도 경청의 일부다."),
                true, T("Eye contact shows you are listening; typing while they speak shows you are not.", "눈을 맞추면 듣고 있다는 것이 전해집니다. 말하는 중에 자판을 치면 그 반대입니다.")),
            ShortAnswer("listen-repeat", T("What do you do with the key facts once the caller has finished, before you solve anything? (one word)", "시민이 말을 마치면, 해결하기 전에 핵심 내용을 어떻게 합니까? (한 단어)"),
                T("Repeat them back in one sentence and ask if that is right.", "한 문장으로 다시 말하고 맞는지 묻습니다."),
                T("repeat", "확인"), T("summarise", "요약")),
        ]),
        new("telephone-on-site", T("Telephone response", "전화 응대"),
        [
            Ordering("phone-greeting", T("Put the parts of a good phone greeting in order.", "좋은 전화 인사말의 순서를 맞추세요."),
                T("Greeting, unit, name: the caller knows at once whom they reached.", "인사, 부서, 이름. 시민은 누구와 통화하는지 바로 압니다."),
                T("Greeting (\"Thank you for calling\")", "인사(\"감사합니다\")"), T("Your unit", "부서 이름"), T("Your name", "내 이름")),
            Single("phone-hold", T("You need a minute to check a file. What do you do?", "자료를 확인하는 데 1분이 필요합니다. 어떻게 하겠습니까?"),
                T("Ask first and say how long; come back if it takes longer.", "먼저 양해를 구하고 시간을 말합니다. 더 걸리면 다시 돌아와 알립니다."),
                (T("Put the caller on hold without a word", "말없이 대기 상태로 둔다"), 0, T("Silence feels like being dropped.", "말없이 두면 끊긴 것처럼 느낍니다.")),
                (T("Ask: \"May I put you on hold for about a minute while I check?\"", "\"확인하는 동안 1분 정도 기다려 주시겠습니까?\"라고 묻는다"), 1, T("The caller knows what is happening and for how long.", "시민은 무슨 일인지, 얼마나 걸리는지 압니다.")),
                (T("Ask them to call back later", "나중에 다시 전화하라고 한다"), 0, T("A minute's check is not worth a second call.", "1분 확인 때문에 다시 전화하게 할 일은 아닙니다."))),
            Matching("phone-transfer", T("Match each step of a transfer with why it matters.", "전화를 돌리는 각 단계와 그 이유를 짝지으세요."),
                T("A good transfer means the citizen never starts over.", "잘 돌린 전화는 시민이 처음부터 다시 말하지 않게 합니다."),
                (T("Check the colleague is there", "담당자가 자리에 있는지 확인"), T("The call does not ring out", "전화가 허공에 울리지 않는다")),
                (T("Tell the colleague the story", "담당자에게 내용을 전달"), T("The citizen need not repeat it", "시민이 같은 말을 반복하지 않는다")),
                (T("Give the direct number", "직통 번호 안내"), T("The citizen can call back if cut off", "끊겨도 다시 걸 수 있다"))),
            TrueFalse("phone-hangup", T("At the end of a call, you should let the citizen hang up first.", "통화를 마칠 때는 시민이 먼저 끊은 뒤에 끊는다."),
                true, T("A click in the middle of \"thank you\" undoes a good call.", "인사 도중의 '딸깍' 소리가 좋은 통화를 망칩니다.")),
        ]),
        new("difficult-situations", T("Repeated and malicious complaints", "반복·악성 민원"),
        [
            Single("mal-repeat", T("A citizen calls for the fifth time about the same decision. What is the most likely cause?", "같은 결정에 대해 다섯 번째 전화가 왔습니다. 가장 가능성이 높은 원인은?"),
                T("Most repeated complaints come from an answer that was unclear, late or never given.", "반복 민원 대부분은 답이 불분명했거나 늦었거나 없었던 데서 옵니다."),
                (T("The citizen is malicious", "민원인이 악의적이다"), 0, T("Repetition alone is not malice.", "반복만으로 악성이라 할 수 없습니다.")),
                (T("They have not had an answer they understand", "이해할 수 있는 답을 아직 듣지 못했다"), 1, T("One clear written answer with the reason and the way to appeal usually ends it.", "이유와 이의 신청 방법을 담은 분명한 서면 답변이 대개 해결합니다.")),
                (T("The phone system is broken", "전화 시스템이 고장 났다"), 0, null)),
            Multiple("mal-signs", T("Which behaviours make a complaint malicious? Choose all that apply.", "어떤 행동이 악성 민원에 해당합니까? 모두 고르세요."),
                T("The request may be legitimate; these behaviours are not acceptable.", "요청 자체는 정당할 수 있지만, 이런 행동은 받아들일 수 없습니다."),
                (T("Threats or insults", "협박이나 욕설"), 0.5m, null), (T("Filming staff without consent", "동의 없이 직원을 촬영"), 0.5m, null),
                (T("Asking the same question twice", "같은 질문을 두 번 함"), -1m, T("That is a repeated question, not malice.", "반복 질문이지 악성 행동이 아닙니다."))),
            Ordering("mal-limit", T("A caller keeps shouting. Put your responses in order.", "시민이 계속 소리를 지릅니다. 대응 순서를 맞추세요."),
                T("Calm first; one clear warning; then end the call and record it.", "먼저 진정시키고, 분명하게 한 번 경고하고, 그래도 계속되면 종료하고 기록합니다."),
                T("Lower your voice and name the feeling", "목소리를 낮추고 감정을 알아준다"), T("State the limit once, politely", "정중하게 한 번 선을 긋는다"),
                T("End the call and say they may call back", "통화를 종료하고 다시 연락해도 된다고 말한다"), T("Record the time and what was said", "시각과 오간 말을 기록한다")),
            ShortAnswer("mal-who", T("Who do you tell the same day after a malicious encounter at the counter? (two words)", "창구에서 악성 민원을 겪으면 당일에 누구에게 알립니까? (한 단어)"),
                T("Your team leader decides with you whether to move the case on; no one handles it alone.", "팀장과 함께 담당 부서로 넘길지 정합니다. 혼자 감당하지 않습니다."),
                T("team leader", "팀장"), T("my team leader", "팀장님")),
        ]),
        new("professionalism-integrity", T("Professionalism and follow-up", "전문성과 후속 조치"),
        [
            TrueFalse("pro-promise", T("Promising a callback you cannot keep is better than no promise at all.", "지킬 수 없는 회신 약속이라도 약속이 없는 것보다 낫다."),
                false, T("A promised call that does not come is a new complaint.", "약속한 전화가 오지 않으면 그것이 새 민원이 됩니다.")),
            Single("pro-record", T("When should a phone request be recorded in the complaint system?", "전화 민원은 언제 민원 시스템에 기록해야 합니까?"),
                T("The same day, so the next colleague does not have to ask again.", "당일에 기록해야 다음 동료가 다시 묻지 않습니다."),
                (T("The same day", "당일"), 1, null), (T("At the end of the week", "주말에 몰아서"), 0, T("Details are lost and colleagues are left guessing.", "내용을 잊고 동료는 짐작해야 합니다.")),
                (T("Only if the citizen complains again", "다시 민원이 들어올 때만"), 0, null)),
            Matching("pro-close", T("Match each closing phrase with what it does.", "마무리 말과 그 역할을 짝지으세요."),
                T("A good close says who does what by when, and leaves room for more.", "좋은 마무리는 누가 무엇을 언제까지 할지 말하고, 더 필요한 것을 묻습니다."),
                (T("\"You'll get a text by Thursday.\"", "\"목요일까지 문자로 알려 드리겠습니다.\""), T("Sets a time you will keep", "지킬 시한을 정한다")),
                (T("\"Is there anything else I can help with?\"", "\"더 도와드릴 일이 있으실까요?\""), T("Leaves room for more", "더 필요한 것을 묻는다")),
                (T("\"Thank you for calling.\"", "\"전화 주셔서 감사합니다.\""), T("Ends on respect", "존중으로 마무리한다"))),
            Multiple("pro-recover", T("After a hard encounter, what helps before the next citizen? Choose all that apply.", "힘든 민원을 겪은 뒤, 다음 민원인을 맞기 전에 도움이 되는 것은? 모두 고르세요."),
                T("Recovering is part of the job: a short break, a colleague, the free counselling service.", "회복도 업무의 일부입니다. 잠깐의 휴식, 동료, 무료 상담."),
                (T("A short break away from the counter", "창구를 떠나 잠깐 쉬기"), 0.5m, null), (T("Talking to a colleague", "동료와 이야기하기"), 0.5m, null),
                (T("Serving the next citizen at once to forget it", "잊으려고 바로 다음 민원인 맞기"), -0.5m, T("Carrying the tension to the next citizen helps no one.", "긴장을 다음 민원인에게 가져가면 누구에게도 도움이 되지 않습니다."))),
        ]),
    ];

    private static LocalText T(string en, string ko) => LocalText.Of(en, ko);

    private static BankQuestion Question(QuestionType type, string name, LocalText text, LocalText feedback, bool shuffle, IReadOnlyList<BankOption> options) =>
        new([], type, name, text, TextFormat.Plain, feedback, shuffle, false, options);

    private static BankQuestion Single(string name, LocalText text, LocalText feedback, params (LocalText Text, decimal Fraction, LocalText? Feedback)[] options) =>
        Question(QuestionType.SingleChoice, name, text, feedback, true, [.. options.Select(o => BankOption.Of(o.Text, o.Fraction, o.Feedback))]);

    private static BankQuestion Multiple(string name, LocalText text, LocalText feedback, params (LocalText Text, decimal Fraction, LocalText? Feedback)[] options) =>
        Question(QuestionType.MultipleChoice, name, text, feedback, true, [.. options.Select(o => BankOption.Of(o.Text, o.Fraction, o.Feedback))]);

    private static BankQuestion TrueFalse(string name, LocalText text, bool answer, LocalText feedback) =>
        Question(QuestionType.TrueFalse, name, text, feedback, false,
            [BankOption.Of(T("True", "참"), answer ? 1 : 0), BankOption.Of(T("False", "거짓"), answer ? 0 : 1)]);

    private static BankQuestion ShortAnswer(string name, LocalText text, LocalText feedback, params LocalText[] accepted) =>
        Question(QuestionType.ShortAnswer, name, text, feedback, false, [.. accepted.Select(a => BankOption.Of(a, 1))]);

    private static BankQuestion Matching(string name, LocalText text, LocalText feedback, params (LocalText Item, LocalText Match)[] pairs) =>
        Question(QuestionType.Matching, name, text, feedback, true, [.. pairs.Select(p => new BankOption(p.Item, 0, LocalText.Empty, p.Match))]);

    private static BankQuestion Ordering(string name, LocalText text, LocalText feedback, params LocalText[] items) =>
        Question(QuestionType.Ordering, name, text, feedback, true, [.. items.Select(i => BankOption.Of(i, 0))]);
}
