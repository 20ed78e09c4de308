using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.Demo;

/// <summary>
/// The demo city's self-study course "Considerate responses to citizens": three sections of short lessons in Korean and
/// English (ADR-030), written for Hanbit City's counters and phones. Pure content; <see cref="DemoSelfStudy"/> stores it.
/// </summary>
internal static class DemoSelfStudyCourse
{
    public sealed record Lesson(LocalText Title, LocalText Body, int Minutes);

    public sealed record Section(LocalText Title, IReadOnlyList<Lesson> Lessons);

    public static readonly LocalText Title = T("Considerate responses to citizens", "시민을 배려하는 민원 응대");

    public static readonly LocalText Description = T(
        "A self-study course for every Hanbit City employee: considerate expressions toward complainants, courtesy on the telephone, and how to handle repeated and malicious complaints while protecting yourself. About 80 minutes, in short lessons you can take on a phone.",
        "한빛시 전 직원을 위한 자율학습 과정입니다. 민원인을 배려하는 표현, 전화 응대 예절, 반복·악성 민원에 대응하면서 나를 보호하는 방법을 다룹니다. 휴대전화로도 들을 수 있는 짧은 강의로 약 80분이 걸립니다.");

    public static IReadOnlyList<Section> Sections { get; } =
    [
        new(T("Considerate expressions toward complainants", "민원인을 배려하는 표현"),
        [
            new(T("Why the words we choose matter", "왜 말 한마디가 중요한가"), T(
                """
                A citizen who comes to a counter or calls us is usually not here by choice. They need a certificate, a
                payment sorted out or a problem solved, and they often arrive worried or short of time. **What they remember
                afterwards is less the outcome than how they were spoken to.**

                ## Three things a considerate sentence does
                1. **It acknowledges the person** before the procedure: "Thank you for waiting" comes before "Your number, please".
                2. **It explains instead of ruling**: the reason for a rule, not just its number.
                3. **It offers a next step**, even when the answer is no.

                ## A quick check before you answer
                - Would I be comfortable if this sentence were quoted in a complaint?
                - Does it blame the citizen ("you did it wrong") or describe the task ("one more field is needed")?
                - Does it end with something the citizen can do?

                > Courtesy is not softness. You can keep every rule and still speak so the citizen leaves with their dignity.
                """,
                """
                창구를 찾거나 전화를 거는 시민은 대부분 원해서 온 것이 아닙니다. 증명서가 필요하거나, 납부 문제를 해결하거나,
                불편을 덜고 싶어서 오며, 걱정스럽거나 시간에 쫓기는 경우가 많습니다. **시민이 나중에 기억하는 것은 처리 결과보다
                어떤 말을 들었는가입니다.**

                ## 배려하는 말이 하는 세 가지 일
                1. **절차보다 사람을 먼저 알아봅니다**: "번호표 주세요"보다 "기다려 주셔서 감사합니다"가 먼저입니다.
                2. **통보하지 않고 설명합니다**: 규정의 조항 번호가 아니라 그 이유를 말합니다.
                3. **다음에 할 수 있는 일을 알려 줍니다**: 답이 "어렵습니다"일 때도 마찬가지입니다.

                ## 답하기 전에 스스로 점검하기
                - 이 문장이 민원 글에 그대로 인용되어도 괜찮은가?
                - 시민을 탓하는가("잘못 쓰셨네요"), 아니면 할 일을 설명하는가("한 칸만 더 채우시면 됩니다")?
                - 시민이 할 수 있는 일로 말을 맺는가?

                > 친절은 물러서는 것이 아닙니다. 규정은 그대로 지키면서도 시민이 존중받았다고 느끼며 돌아가게 할 수 있습니다.
                """), 8),
            new(T("Saying no without closing the door", "거절하되 문은 닫지 않기"), T(
                """
                Many complaints begin with a refusal that sounded like a wall. The rule may be right; the sentence was not.

                | Instead of | Say |
                |---|---|
                | "That's not possible." | "I can't do it that way, but here is what we can do." |
                | "It's not our department." | "That is handled by the Local Tax Office. I'll give you their number and tell them you are calling." |
                | "You should have brought it." | "This needs your ID card. If it helps, you can apply online tonight instead of coming back." |
                | "Rules are rules." | "The law asks us to check this so no one can apply in your name." |

                ## The pattern
                **Regret → reason → alternative.** "I'm sorry, I can't issue it today (regret), because the record has to
                be checked by the registry first (reason). I can send it to your phone as soon as it arrives — usually
                within two days (alternative)."

                ## Try it
                Write down the refusal you give most often at your desk, and rewrite it with the pattern. Keep the new
                version where you can see it.
                """,
                """
                많은 민원은 벽처럼 들린 거절 한마디에서 시작됩니다. 규정이 옳았더라도 말이 옳지 않았던 것입니다.

                | 이렇게 말하는 대신 | 이렇게 말해 보세요 |
                |---|---|
                | "안 됩니다." | "그렇게는 어렵지만, 이렇게는 해 드릴 수 있습니다." |
                | "저희 부서 일이 아닙니다." | "그 일은 세무과에서 담당합니다. 전화번호를 알려 드리고, 연락드린다고 미리 전해 두겠습니다." |
                | "가져오셨어야죠." | "신분증이 필요합니다. 다시 오시기 번거로우시면 오늘 저녁 온라인으로 신청하실 수도 있습니다." |
                | "규정이 그렇습니다." | "다른 사람이 선생님 명의로 신청하지 못하도록 법에서 확인하게 되어 있습니다." |

                ## 말의 순서
                **유감 → 이유 → 대안.** "죄송하지만 오늘은 발급이 어렵습니다(유감). 등기소에서 먼저 기록을 확인해야 하기
                때문입니다(이유). 도착하는 대로 휴대전화로 보내 드리겠습니다. 보통 이틀 안에 옵니다(대안)."

                ## 해 보기
                내 자리에서 가장 자주 하는 거절의 말을 적어 보고, 위 순서로 다시 써 보세요. 새로 쓴 문장은 잘 보이는 곳에 두세요.
                """), 10),
            new(T("Words that respect: titles, plain language, no blame", "존중하는 말: 호칭, 쉬운 말, 탓하지 않기"), T(
                """
                ## Titles
                Address citizens as **"선생님"** or **"고객님"**, or by name with **"님"** once you know it. Avoid "아저씨",
                "아주머니", "어머님" or "아버님" for strangers: they guess at age and family role, and many people
                dislike it.

                ## Plain language
                Administrative words are our shorthand, not the citizen's. Say "the paper that proves where you live"
                before "주민등록등본", and "send it again" rather than "보완 제출". When you must use the official
                word, explain it once.

                ## No blame
                Describe the task, not the person's mistake:
                - Not "You filled it in wrong" but "This box needs the date you moved in."
                - Not "Didn't you read the notice?" but "The notice is easy to miss — here is the part that matters."

                ## Tone and body
                At the counter, stand or turn toward the citizen, look up from the screen when they speak, and keep your
                hands still. Your words carry further when your face agrees with them.
                """,
                """
                ## 호칭
                시민은 **"선생님"**이나 **"고객님"**으로, 성함을 알면 **"○○○ 님"**으로 부릅니다. 처음 보는 분께
                "아저씨", "아주머니", "어머님", "아버님"은 피합니다. 나이와 가족 관계를 짐작하는 말이라 불편해하는 분이 많습니다.

                ## 쉬운 말
                행정 용어는 우리끼리의 줄임말입니다. "주민등록등본"보다 "사시는 곳을 증명하는 서류"를 먼저 말하고, "보완 제출"
                대신 "다시 보내 주세요"라고 말합니다. 공식 용어를 꼭 써야 한다면 한 번은 풀어서 설명합니다.

                ## 탓하지 않기
                사람의 실수가 아니라 할 일을 말합니다.
                - "잘못 쓰셨네요" 대신 "이 칸에는 전입하신 날짜를 적어 주시면 됩니다."
                - "안내문 안 읽으셨어요?" 대신 "안내문에서 놓치기 쉬운 부분인데요, 중요한 건 여기입니다."

                ## 어조와 몸짓
                창구에서는 시민 쪽으로 몸을 돌리고, 시민이 말할 때는 화면에서 눈을 떼고, 손은 가만히 둡니다. 표정이 말과
                같을 때 말이 더 멀리 전해집니다.
                """), 9),
        ]),
        new(T("Telephone response", "전화 응대"), [
            new(T("Answering: the first ten seconds", "전화 받기: 처음 10초"), T(
                """
                On the phone the citizen cannot see your face, so your first words carry everything.

                ## Answer within three rings, and say who you are
                > "Thank you for calling. Wonhyo-dong Community Service Centre, this is Kim Minseo."

                Unit, name, and a greeting — in that order or close to it. A citizen who knows whom they reached is calmer and
                more precise.

                ## Listen before you solve
                Let the caller finish the first explanation. Write down the key facts (name, what happened, what they want)
                and **repeat them back** in one sentence: "So the parking notice arrived after you had already paid, and
                you would like it cancelled — is that right?"

                ## Your voice
                - Speak a little slower than usual and smile: it is audible.
                - Avoid long silences; say what you are doing ("I'm looking up your file now, one moment").
                - Never eat, type loudly or talk to a colleague with the caller on the line.
                """,
                """
                전화로는 시민이 내 얼굴을 볼 수 없으니, 첫마디가 모든 것을 전합니다.

                ## 세 번 울리기 전에 받고, 누구인지 밝히기
                > "감사합니다. 원효동 행정복지센터 김민서입니다."

                인사, 부서, 이름을 순서대로 말합니다. 누구와 통화하는지 아는 시민은 더 차분하고 정확하게 말합니다.

                ## 해결하기 전에 듣기
                처음 설명은 끝까지 듣습니다. 핵심(성함, 무슨 일이 있었는지, 원하시는 것)을 메모하고 **한 문장으로 다시
                확인**합니다. "이미 납부하셨는데 주차 과태료 고지서가 왔고, 취소를 원하신다는 말씀이시죠?"

                ## 목소리
                - 평소보다 조금 천천히, 미소를 띠고 말합니다. 미소는 목소리에 실립니다.
                - 오래 말없이 있지 않습니다. 무엇을 하는지 말합니다("지금 자료를 찾아보고 있습니다. 잠시만 기다려 주세요").
                - 통화 중에 음식을 먹거나, 자판을 세게 두드리거나, 동료와 이야기하지 않습니다.
                """), 8),
            new(T("Holding and transferring a call", "통화 대기와 전화 돌려주기"), T(
                """
                Nothing makes a caller angrier than being passed from desk to desk and starting over each time.

                ## Before you put someone on hold
                Ask first and say how long: "May I put you on hold for about a minute while I check?" If it takes longer,
                come back and say so.

                ## Transferring well
                1. Make sure the colleague is the right person and is there.
                2. **Tell the colleague the story** so the citizen does not have to repeat it.
                3. Give the caller the colleague's name and direct number in case the line drops.

                > "I'm putting you through to Mr Park in the Local Tax Office, who handles refunds. I've told him about the
                > notice. If we get cut off, his direct number is 031-000-1234."

                ## When no one can answer now
                Take a message with a **callback time you can keep**, and keep it. A promised call that does not come
                is a new complaint.
                """,
                """
                이 자리 저 자리로 돌려지며 처음부터 다시 설명하는 것만큼 시민을 화나게 하는 일은 없습니다.

                ## 대기시키기 전에
                먼저 양해를 구하고 얼마나 걸리는지 말합니다. "확인하는 동안 1분 정도 기다려 주시겠습니까?" 더 걸리면 다시
                돌아와 그렇게 말씀드립니다.

                ## 제대로 돌려 드리기
                1. 담당자가 맞는지, 자리에 있는지 먼저 확인합니다.
                2. **담당자에게 내용을 전해** 시민이 같은 말을 되풀이하지 않게 합니다.
                3. 전화가 끊길 때를 대비해 담당자 이름과 직통 번호를 알려 드립니다.

                > "환급을 담당하는 세무과 박 주무관께 연결해 드리겠습니다. 고지서 내용은 미리 전해 두었습니다. 혹시 끊기면
                > 직통 번호 031-000-1234로 거시면 됩니다."

                ## 지금 답할 사람이 없을 때
                **지킬 수 있는 회신 시각**을 정해 메모를 남기고, 반드시 지킵니다. 약속한 전화가 오지 않으면 그것이 새로운
                민원이 됩니다.
                """), 8),
            new(T("Closing the call and following up", "통화 마무리와 후속 안내"), T(
                """
                The end of a call is what the citizen remembers best.

                ## Summarise what happens next
                Who will do what, and by when: "I'll cancel the notice today; you'll get a text message when it's done,
                by Thursday at the latest."

                ## Ask if anything else is needed
                "Is there anything else I can help you with?" — and mean it: wait for the answer.

                ## Let the citizen hang up first
                Thank them for calling and put the receiver down only after they have. A click in the middle of "thank you"
                undoes a good call.

                ## Record it
                Note the call in the complaint system the same day: what was asked, what you promised, and the callback
                time. A colleague who picks up the next call should not have to ask the citizen again.
                """,
                """
                통화의 마지막은 시민이 가장 오래 기억하는 부분입니다.

                ## 다음에 일어날 일을 정리하기
                누가, 무엇을, 언제까지 할지 말합니다. "오늘 고지서를 취소하고, 처리되면 늦어도 목요일까지 문자로 알려
                드리겠습니다."

                ## 더 필요한 것이 있는지 묻기
                "더 도와드릴 일이 있으실까요?" 그리고 정말로 대답을 기다립니다.

                ## 시민이 먼저 끊은 뒤에 끊기
                전화 주셔서 감사하다고 인사하고, 시민이 끊은 뒤에 수화기를 내려놓습니다. "감사합니다" 도중에 들리는 '딸깍'
                소리가 좋은 통화를 망칩니다.

                ## 기록하기
                당일에 민원 시스템에 통화 내용을 남깁니다. 문의 내용, 약속한 일, 회신 시각. 다음 전화를 받는 동료가 시민에게
                같은 질문을 다시 하지 않아도 되게 합니다.
                """), 7),
        ]),
        new(T("Handling repeated and malicious complaints", "반복·악성 민원 대응"), [
            new(T("Telling a repeated complaint from a malicious one", "반복 민원과 악성 민원 구별하기"), T(
                """
                Not every difficult citizen is a malicious one. Most people who call again and again **have not had an
                answer they understand**.

                ## A repeated complaint
                The same request, made several times, often because the first reply was unclear, late or never came.
                - Look for the gap: was the decision explained? was the promised call made?
                - One clear written answer, with the reason and the way to appeal, usually ends it.

                ## A malicious complaint
                Behaviour that goes beyond the request: **insults, threats, sexual remarks, filming staff without consent,
                refusing to leave, or dozens of identical requests meant to obstruct work.** The content of the request
                may still be legitimate; the behaviour is not acceptable.

                ## Why the difference matters
                A repeated complaint needs better service. A malicious one needs a **protective procedure** — and it is
                not your job to endure it alone.
                """,
                """
                어려운 민원인이 모두 악성 민원인은 아닙니다. 같은 일로 여러 번 연락하는 사람 대부분은 **이해할 수 있는 답을
                아직 듣지 못한** 경우입니다.

                ## 반복 민원
                같은 요청을 여러 번 하는 것으로, 첫 답변이 불분명했거나 늦었거나 아예 없었던 경우가 많습니다.
                - 빈틈을 찾습니다. 결정의 이유를 설명했는가? 약속한 전화를 했는가?
                - 이유와 이의 신청 방법을 담은 분명한 서면 답변 한 번으로 대개 끝납니다.

                ## 악성 민원
                요청의 범위를 넘는 행동입니다. **욕설, 협박, 성적인 발언, 동의 없는 촬영, 퇴거 거부, 업무를 방해하려는 수십 건의
                같은 신청** 등이 해당합니다. 요청 내용 자체는 정당할 수 있어도, 그 행동은 받아들일 수 없습니다.

                ## 구별이 중요한 이유
                반복 민원에는 더 나은 서비스가 필요합니다. 악성 민원에는 **보호 절차**가 필요하며, 혼자 견디는 것은 여러분의
                일이 아닙니다.
                """), 9),
            new(T("De-escalating at the counter and on the phone", "창구와 전화에서 감정 가라앉히기"), T(
                """
                ## Stay calm and lower the temperature
                - Keep your voice lower and slower than the citizen's.
                - Name the feeling without agreeing with the accusation: "I can see this has cost you a lot of time."
                - Move from the past to the next step: "Let's see what we can do today."

                ## Set a clear, polite limit
                When the behaviour crosses a line, say so once, calmly, and say what will happen:
                > "I want to help you, but I can't continue while you are shouting at me. If it goes on, I will end this
                > conversation."

                ## End it if it continues
                On the phone: "As I said, I'm ending the call now. You are welcome to call back or write to us." Then hang up
                and note the time. At the counter: call your team leader; do not argue alone.

                ## Never
                Raise your voice, mock, threaten, or promise what you cannot deliver just to make it stop.
                """,
                """
                ## 차분하게, 온도를 낮추기
                - 시민보다 낮고 느린 목소리를 유지합니다.
                - 비난에 동의하지 않으면서 감정은 알아줍니다. "시간을 많이 쓰셔서 속상하셨겠습니다."
                - 지난 일에서 다음 할 일로 넘어갑니다. "오늘 해 드릴 수 있는 것부터 보겠습니다."

                ## 분명하고 정중하게 선 긋기
                행동이 선을 넘으면 한 번, 차분하게, 앞으로 어떻게 될지 말합니다.
                > "도와드리고 싶지만, 계속 소리를 지르시면 상담을 이어 가기 어렵습니다. 계속되면 상담을 종료하겠습니다."

                ## 계속되면 끝내기
                전화에서는 "말씀드린 대로 지금 통화를 종료하겠습니다. 다시 전화하시거나 서면으로 문의하셔도 됩니다"라고 말하고
                끊은 뒤 시각을 기록합니다. 창구에서는 팀장을 부르고, 혼자 맞서지 않습니다.

                ## 절대 하지 않을 것
                목소리를 높이거나, 비꼬거나, 위협하거나, 그 순간을 넘기려고 지킬 수 없는 약속을 하지 않습니다.
                """), 10),
            new(T("Protecting yourself: record, report, recover", "나를 지키기: 기록, 보고, 회복"), T(
                """
                The city has a duty to protect staff who face abusive complainants. Use it.

                ## Record
                Write down the date, time, place, what was said and done, and who saw it — the same day. Counters with
                wearable cameras or call recording: tell the citizen before you start recording, as the notice says.

                ## Report
                - Tell your team leader the same day; they decide with you whether to move the case to the office that
                  handles malicious complaints.
                - Threats, violence or sexual harassment are reported to the police; the city supports you in doing so.
                - Repeated identical requests may be closed after a written answer, under the Civil Petitions Act.

                ## Recover
                After a hard encounter, take a short break away from the counter before the next citizen. Talk to a
                colleague. Counselling through the employee assistance programme is free and confidential.

                > Handling a malicious complaint well is not about being tougher. It is about following the procedure so
                > that no one faces it alone.
                """,
                """
                시는 폭언·폭행을 당한 직원을 보호할 책임이 있습니다. 그 제도를 활용하세요.

                ## 기록
                날짜, 시각, 장소, 오간 말과 행동, 목격한 사람을 당일에 적어 둡니다. 웨어러블 캠이나 통화 녹음이 있는 곳에서는
                안내문대로 녹음·녹화를 시작한다고 먼저 알립니다.

                ## 보고
                - 당일에 팀장에게 알립니다. 팀장은 악성 민원 담당 부서로 넘길지 함께 정합니다.
                - 협박, 폭행, 성희롱은 경찰에 신고하며, 시가 그 과정을 지원합니다.
                - 같은 내용의 반복 신청은 서면 답변 후 「민원 처리에 관한 법률」에 따라 종결할 수 있습니다.

                ## 회복
                힘든 일을 겪은 뒤에는 다음 민원인을 맞기 전에 잠시 창구를 떠나 쉽니다. 동료와 이야기하세요. 직원 상담 프로그램은
                무료이며 비밀이 보장됩니다.

                > 악성 민원을 잘 대응한다는 것은 더 독해지는 것이 아닙니다. 누구도 혼자 감당하지 않도록 절차를 따르는 것입니다.
                """), 10),
        ]),
    ];

    private static LocalText T(string en, string ko) => LocalText.Of(en, ko);
}
