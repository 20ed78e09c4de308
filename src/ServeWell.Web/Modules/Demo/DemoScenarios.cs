using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.People.Employees;
using ServeWell.Web.Modules.Practice.Scenarios;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Demo;

/// <summary>
/// Three published branching scenarios of the demo city (issue 15), each built from a library case (the repeated caller,
/// the threat to post an official's name, the older resident lost in an online application), thirteen nodes and three
/// endings in Korean and English; and nine months of plays by frontline employees (300 by default, DemoOptions.ScenarioPlayers), in which the
/// centres that took the courtesy training choose the better replies more often after it (demo data, like the
/// feedback's training effect). Deterministic: the same seed gives the same plays.
/// </summary>
internal static class DemoScenarios
{
    private const int Months = 9;

    public static async Task SeedAsync(IServiceProvider services, DateTime now, int players, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<ServeWellDbContext>();
        if (await db.Scenarios.AnyAsync(cancellationToken))
        {
            return;
        }

        var trainer = DemoModule.Accounts.First(a => a.Role == Roles.Instructor).Email;
        var cases = await db.PracticeCases.AsNoTracking().Where(c => c.Reference.StartsWith("CASE-DEMO"))
            .ToDictionaryAsync(c => c.Reference, c => c.Id, cancellationToken);
        var frontline = await db.Employees.AsNoTracking()
            .Where(e => e.IsFrontline && e.Status == EmployeeStatus.Active)
            .OrderBy(e => e.Id).Select(e => new { e.Id, Unit = e.OrgUnit!.Code }).ToListAsync(cancellationToken);
        if (frontline.Count == 0)
        {
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var built = new List<(ScenarioContent Content, ScenarioVersion Version)>();
        foreach (var (reference, content, daysAgo) in new[]
                 {
                     ("CASE-DEMO001", RepeatedCaller(), 290),
                     ("CASE-DEMO002", NameOnline(), 280),
                     ("CASE-DEMO004", LostOnline(), 270),
                 })
        {
            var published = now.AddDays(-daysAgo);
            var scenario = new Scenario
            {
                CaseId = cases.TryGetValue(reference, out var caseId) ? caseId : null, CreatedBy = trainer,
                CreatedAtUtc = published.AddDays(-6), DraftUpdatedAtUtc = published.AddDays(-1), Draft = content.ToJson(),
            };
            db.Scenarios.Add(scenario);
            await db.SaveChangesAsync(cancellationToken);
            var version = new ScenarioVersion
            {
                ScenarioId = scenario.Id, Number = 1, Content = content.ToJson(), NodeCount = content.Nodes.Count,
                PublishedAtUtc = published, PublishedBy = trainer,
            };
            db.ScenarioVersions.Add(version);
            await db.SaveChangesAsync(cancellationToken);
            built.Add((content, version));
        }

        var random = new Random(20261207);
        var trainedSince = now.AddMonths(-DemoCity.CourtesyRoundMonthsAgo);
        var demoEmail = DemoModule.Accounts.First(a => a.Role == Roles.Employee).Email;
        var demoEmployee = await db.Users.Where(u => u.Email == demoEmail).Select(u => u.EmployeeId).FirstOrDefaultAsync(cancellationToken);
        foreach (var player in frontline.Where(e => e.Id != demoEmployee).OrderBy(_ => random.Next()).Take(players).ToList())
        {
            var trained = DemoCity.CourtesyTrainedCentres.Contains(player.Unit);
            var scenarios = built.OrderBy(_ => random.Next()).Take(random.NextDouble() < 0.5 ? 2 : 1);
            foreach (var (content, version) in scenarios)
            {
                var first = version.PublishedAtUtc.AddDays(3 + random.Next((int)(now - version.PublishedAtUtc).TotalDays - 10));
                var plays = random.NextDouble() < 0.35 ? 2 : 1;
                var at = first;
                for (var number = 1; number <= plays && at < now; number++)
                {
                    db.ScenarioAttempts.Add(Play(content, version, player.Id, number, at, Skill(trained, number, at, trainedSince, now), random));
                    at = at.AddDays(7 + random.Next(40));
                }
            }
        }

        // The demo employee played the first scenario once, half-way well: "Play again" shows first against latest.
        if (frontline.FirstOrDefault(e => e.Id == demoEmployee) is { } own)
        {
            db.ScenarioAttempts.Add(Play(built[0].Content, built[0].Version, own.Id, 1, now.AddDays(-20), 0.4, new Random(7)));
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// How likely a player picks the best reply: about half at first; a second play a little better; at the trained
    /// centres, rising over the months after the courtesy round.
    /// </summary>
    private static double Skill(bool trained, int number, DateTime at, DateTime trainedSince, DateTime now)
    {
        var skill = 0.45 + (number > 1 ? 0.12 : 0);
        if (trained && at > trainedSince)
        {
            skill += 0.3 * Math.Min(1, (at - trainedSince).TotalDays / (now - trainedSince).TotalDays * 1.5);
        }

        return Math.Min(0.9, skill);
    }

    /// <summary>A walk through the graph from the start: the best reply with probability <paramref name="skill"/>, else another; a few plays are left unfinished.</summary>
    private static ScenarioAttempt Play(ScenarioContent content, ScenarioVersion version, int employeeId, int number, DateTime startedAt, double skill, Random random)
    {
        var attempt = new ScenarioAttempt
        {
            ScenarioId = version.ScenarioId, ScenarioVersionId = version.Id, EmployeeId = employeeId, Number = number,
            StartedAtUtc = startedAt, CurrentNode = content.Start,
        };
        var stopAfter = random.NextDouble() < 0.06 ? 2 + random.Next(3) : int.MaxValue;
        var node = content.Find(content.Start)!;
        var at = startedAt;
        for (var step = 1; !node.IsEnding && step <= 30 && step <= stopAfter; step++)
        {
            var best = node.Choices.Select((c, i) => (Sum: c.Scores.Values.Sum(), i)).MaxBy(x => x.Sum).i;
            var choice = node.Choices.Count == 1 || random.NextDouble() < skill
                ? best
                : Enumerable.Range(0, node.Choices.Count).Where(i => i != best).ElementAt(random.Next(node.Choices.Count - 1));
            at = at.AddSeconds(20 + random.Next(70));
            attempt.Moves.Add(new ScenarioMove { Step = step, Node = node.Key, Choice = choice, ChosenAtUtc = at });
            node = content.Find(node.Choices[choice].Target)!;
            attempt.CurrentNode = node.Key;
        }

        if (node.IsEnding)
        {
            attempt.CompletedAtUtc = at;
        }

        return attempt;
    }

    private static LocalText T(string ko, string en) => new(en, ko);

    /// <summary>The scenario's nodes written with its competencies in order: a choice's scores are given in that order.</summary>
    private sealed class Writer(params string[] competencies)
    {
        public string[] Competencies => competencies;

        public ScenarioChoice C(string target, int[] scores, string ko, string en, string feedbackKo, string feedbackEn) =>
            new(T(ko, en), target, competencies.Select((c, i) => (c, scores[i])).Where(x => x.Item2 != 0).ToDictionary(x => x.c, x => x.Item2), T(feedbackKo, feedbackEn));

        public static ScenarioNode Say(string key, string ko, string en, params ScenarioChoice[] choices) => new(key, NodeKind.Citizen, T(ko, en), choices);

        public static ScenarioNode Scene(string key, string ko, string en, params ScenarioChoice[] choices) => new(key, NodeKind.Scene, T(ko, en), choices);

        public static ScenarioNode End(string key, string ko, string en, string debriefKo, string debriefEn, string expertKo, string expertEn) =>
            new(key, NodeKind.Scene, T(ko, en), [], true, T(debriefKo, debriefEn), T(expertKo, expertEn));
    }

    private static ScenarioContent RepeatedCaller()
    {
        var w = new Writer("telephone-on-site", "difficult-situations", "communication");
        return new ScenarioContent(
            T("같은 답을 요구하며 매일 걸려 오는 전화", "The caller who rings every day for the same answer"),
            T("석 달째 같은 요구로 전화하는 민원인과의 통화입니다. 규정은 바뀌지 않습니다. 통화를 어떻게 이끌지 고르세요.",
                "A caller has rung about the same demand for three months. The rules will not change. Choose how you lead the call."),
            w.Competencies, "start",
            [
                Writer.Scene("start", "월요일 오전 9시 5분, 교통행정팀 전화가 울립니다. 석 달째 주차 과태료 감면을 요구하며 거의 매일 전화하는 민원인 A의 번호입니다. 지난주에만 네 번, 매번 30분이 넘게 통화했습니다.",
                    "Monday, 9:05 a.m. The traffic team's phone rings. It is Citizen A, who has called almost every day for three months asking for a parking fine to be waived. Last week alone: four calls, each over half an hour.",
                    w.C("c1", [0, 0, 0], "전화를 받는다", "Answer the call", "", "")),
                Writer.Say("c1", "\"또 나예요. 어제 그 직원 말고 다른 사람한테 다시 듣고 싶어요. 감면해 줄 때까지 계속 전화할 거예요.\"",
                    "\"It's me again. I want to hear it from someone other than yesterday's officer. I'll keep calling until you waive it.\"",
                    w.C("r1", [0, 0, 1], "어제 안내드린 것과 답은 같습니다.", "The answer is the same as yesterday.",
                        "사실이지만 인사 없이 결론부터 말하면 민원인은 무시당했다고 느끼기 쉽습니다.", "True, but leading with the verdict and no greeting makes the caller feel dismissed."),
                    w.C("c2", [2, 1, 1], "네, 교통행정팀 ○○○입니다. 지난번 안내 내용을 확인하면서 말씀 듣겠습니다.", "Good morning, this is [name] from the traffic team. Let me pull up what we told you while I listen.",
                        "이름과 소속을 밝히고 기록을 확인하겠다고 하면 '처음부터 다시'가 아니라는 신호가 됩니다.", "Giving your name and team and checking the record tells the caller this is not starting from scratch."),
                    w.C("x1", [-2, -2, -1], "계속 전화하시면 업무 방해입니다. 끊겠습니다.", "Calling again and again obstructs our work. I'm hanging up.",
                        "경고 없이 통화를 끊으면 규정상으로도 정당화되기 어렵고 갈등만 키웁니다.", "Ending the call without a warning is hard to justify under the rules and only raises the conflict.")),
                Writer.Say("r1", "\"그러니까 또 안 된다는 거죠? 당신들은 매번 똑같은 소리만 해!\"", "\"So it's no again? You people always say the same thing!\"",
                    w.C("c2", [1, 2, 2], "답답하셨겠습니다. 같은 답을 드리는 이유와, 아직 가능한 절차가 있는지 함께 보겠습니다.", "That must be frustrating. Let me explain why the answer is the same, and look with you at what is still possible.",
                        "감정을 먼저 인정하고 '다음에 할 수 있는 것'으로 옮겨 가면 대화가 다시 열립니다.", "Acknowledging the feeling first and moving to what can still be done reopens the conversation."),
                    w.C("x1", [-1, -1, -1], "규정이 그래서 어쩔 수 없습니다.", "Those are the rules; there's nothing I can do.",
                        "규정만 되풀이하면 민원인은 벽에 대고 말한다고 느낍니다.", "Repeating the rules makes the caller feel they are talking to a wall.")),
                Writer.Say("c2", "\"그날 차를 잠깐 세운 건 아이가 아파서였다고요. 사정도 안 봐주는 게 무슨 행정이에요?\"", "\"I only stopped for a moment because my child was ill. What kind of administration ignores that?\"",
                    w.C("c3", [1, 1, 2], "아이가 아파서 급하셨군요. 그런 사정은 이의신청서에 적어 내시면 심의위원회가 직접 검토합니다.", "So your child was ill and you were in a hurry. Circumstances like that go in an objection, and the review committee weighs them.",
                        "사정을 들어 주고, 그 사정이 실제로 반영될 수 있는 통로(이의신청)를 알려 주었습니다.", "You heard the circumstance and pointed to the channel where it can actually count: an objection."),
                    w.C("x1", [-2, -1, -2], "그건 선생님 사정이고요, 위반은 위반입니다.", "That's your business; a violation is a violation.",
                        "민원인의 사정을 깎아내리면 반복 민원이 악성 민원으로 번지기 쉽습니다.", "Belittling the caller's circumstances is how repeated complaints turn abusive."),
                    w.C("r2", [0, 0, 0], "사정은 알겠지만 제가 감면해 드릴 권한은 없습니다.", "I understand, but I have no authority to waive it.",
                        "정확하지만 민원인에게 남는 것은 '안 된다'뿐입니다. 다음 단계가 빠졌습니다.", "Accurate, but all the caller takes away is 'no'. The next step is missing.")),
                Writer.Say("r2", "\"권한이 없으면 권한 있는 사람을 바꿔요. 과장 바꿔!\"", "\"Then put on someone who has the authority. Get me the head of the office!\"",
                    w.C("x2", [-1, -2, -1], "과장님은 바쁘셔서 통화가 안 됩니다.", "The head of the office is too busy to talk.",
                        "사실과 다를 수 있는 핑계는 신뢰를 무너뜨립니다.", "An excuse that may not be true destroys trust."),
                    w.C("c3", [1, 1, 2], "결정은 과장님이 아니라 이의신청 심의에서 합니다. 신청 방법을 지금 문자로 보내 드려도 될까요?", "The decision is not the office head's; the objection review makes it. May I text you how to apply right now?",
                        "책임을 떠넘기지 않고 실제 결정 경로를 설명했습니다.", "You did not pass the buck; you explained where the decision is really made.")),
                Writer.Say("c3", "\"이의신청? 해 봤자 안 될 거 아니에요. 당신 이름 뭐예요? 민원 넣을 거예요.\"", "\"An objection? It won't work anyway. What's your name? I'm filing a complaint about you.\"",
                    w.C("c4", [2, 2, 2], "교통행정팀 ○○○입니다. 민원은 언제든 내실 수 있습니다. 이의신청은 고지서를 받은 날부터 60일 안에 하셔야 하니 기한부터 확인해 드릴게요.", "I'm [name], traffic team. You may complain at any time. An objection must be made within 60 days of the notice, so let me check your deadline first.",
                        "위협에 흔들리지 않고 이름을 밝힌 뒤, 민원인에게 실제로 중요한 기한으로 대화를 돌렸습니다.", "Unshaken by the threat, you gave your name and brought the talk back to what matters to the caller: the deadline."),
                    w.C("r3", [0, -1, 0], "제 이름은 말씀드릴 수 없습니다.", "I can't give you my name.",
                        "공무원은 소속과 이름을 밝히는 것이 원칙입니다. 숨기면 민원인은 더 의심합니다.", "Officials give their team and name; withholding it makes the caller more suspicious."),
                    w.C("x2", [-2, -2, -1], "마음대로 하세요. 저도 할 만큼 했습니다.", "Do what you like. I've done all I can.",
                        "대화를 포기하는 말은 민원인을 자극하고 다음 통화를 더 길게 만듭니다.", "Giving up on the conversation provokes the caller and makes the next call longer.")),
                Writer.Say("r3", "\"이름도 못 대는 걸 보니 뭔가 켕기는 게 있나 보네.\"", "\"Can't even give your name? You must be hiding something.\"",
                    w.C("c4", [1, 1, 1], "죄송합니다. 교통행정팀 ○○○입니다. 이제 이의신청 기한을 확인해 드리겠습니다.", "I'm sorry. I'm [name] from the traffic team. Now let me check your objection deadline.",
                        "실수를 바로잡고 통화의 목적으로 돌아갔습니다.", "You corrected the slip and went back to the purpose of the call."),
                    w.C("x2", [-1, -2, -1], "더 하실 말씀 없으시면 끊겠습니다.", "If there's nothing else, I'm ending the call.",
                        "경고와 안내 없이 통화를 끝내려 하면 갈등이 커집니다.", "Ending the call without a warning or guidance escalates the conflict.")),
                Writer.Say("x1", "\"(소리를 지르며) 지금 나 무시하는 거야? 당장 시장실에 전화할 거야!\"", "\"(shouting) Are you ignoring me? I'm calling the mayor's office right now!\"",
                    w.C("c2", [1, 2, 1], "큰 소리로 말씀하시면 제대로 도와드리기 어렵습니다. 차분히 말씀해 주시면 끝까지 듣겠습니다.", "When you shout I can't help you properly. If you speak calmly, I'll hear you out.",
                        "행동의 선을 분명히 하되 대화를 이어 갈 길을 열어 두었습니다.", "You set a clear limit on the behaviour and kept the way open to go on."),
                    w.C("end-bad", [-2, -2, -2], "그러시든지요. (전화를 끊는다)", "Go ahead. (hang up)",
                        "감정이 격해진 순간 통화를 끊으면 민원이 다른 곳에서 더 크게 돌아옵니다.", "Hanging up at the peak of anger sends the complaint back, bigger, through another door.")),
                Writer.Say("x2", "\"좋아, 당신 같은 공무원은 처음 본다. 오늘 안에 인터넷에 다 올릴 거야.\"", "\"Fine. I've never met an official like you. I'll post all of this online today.\"",
                    w.C("end-bad", [-2, -2, -2], "(말없이 전화를 끊는다)", "(hang up without a word)",
                        "말없이 끊으면 위협에 대한 안내도, 민원의 다음 단계도 남지 않습니다.", "Hanging up in silence leaves neither a word on the threat nor a next step."),
                    w.C("c4", [1, 2, 1], "불편을 드렸다면 죄송합니다. 다만 직원에 대한 허위 게시는 법적 문제가 될 수 있습니다. 지금 가능한 절차부터 안내해 드리겠습니다.", "I'm sorry for the trouble. But false posts about staff can become a legal matter. Let me first explain the procedure open to you now.",
                        "사과와 경고를 함께 하고, 곧바로 해결의 길로 돌아왔습니다.", "You apologised and warned in one breath, then went straight back to a way forward.")),
                Writer.Say("c4", "\"...그럼 이의신청하면 정말 다시 봐 주는 거예요?\"", "\"...So if I object, someone will really look at it again?\"",
                    w.C("end-partial", [0, 0, 0], "네, 홈페이지에서 양식을 찾아보세요.", "Yes, you can find the form on the website.",
                        "맞는 안내지만, 양식을 찾는 일을 민원인에게 맡겼습니다.", "Right, but finding the form is left to the caller."),
                    w.C("end-good", [2, 2, 2], "네. 위원회가 사정을 검토하고 결과를 서면으로 알려 드립니다. 양식과 기한을 문자로 보내 드리고, 제 이름도 함께 적어 두겠습니다.", "Yes. The committee weighs the circumstances and replies in writing. I'll text you the form and the deadline, with my name.",
                        "구체적인 다음 단계와 연락할 사람을 남겼습니다.", "You left a concrete next step and a person to contact."),
                    w.C("end-bad", [-1, -1, -2], "해 보시든지요. 결과는 장담 못 합니다.", "Try if you want. No promises.",
                        "냉소적인 말 한마디가 그때까지의 응대를 무너뜨립니다.", "One cynical remark undoes everything before it.")),
                Writer.End("end-good", "민원인 A는 이의신청서를 냈고, 전화는 주 1회로 줄었습니다. 팀은 통화 요약을 공유해 누가 받아도 같은 답을 합니다.",
                    "Citizen A filed an objection and now calls once a week. The team shares a call summary so whoever answers gives the same answer.",
                    "반복 민원에는 '같은 답, 같은 근거, 다음 단계'가 통합니다. 이름을 밝히고, 사정을 인정하고, 실제로 결정이 이루어지는 경로로 안내했습니다.",
                    "Repeated calls yield to the same answer, the same grounds and a next step. You gave your name, acknowledged the circumstance and led to where the decision is really made.",
                    "\"어제와 같은 답이라 답답하시죠. 대신 사정을 직접 적어 내실 수 있는 이의신청이 있습니다. 기한과 양식을 지금 문자로 보내 드릴게요.\"",
                    "\"I know the same answer as yesterday is frustrating. But there is an objection where you can set out your circumstances yourself. I'll text you the deadline and the form now.\""),
                Writer.End("end-partial", "민원인 A는 통화를 끝냈지만 양식을 찾지 못해 이튿날 다시 전화했습니다.", "Citizen A ended the call but could not find the form and rang again the next day.",
                    "결론은 맞았지만 '다음 단계'를 민원인에게 맡겼습니다. 반복 전화를 줄이는 것은 구체적인 안내입니다.",
                    "The answer was right, but the next step was left to the caller. Concrete guidance is what cuts repeated calls.",
                    "\"양식은 제가 지금 문자로 보내 드릴게요. 60일 기한은 고지서를 받은 날부터 셉니다.\"", "\"I'll text you the form now. The 60 days run from the day you received the notice.\""),
                Writer.End("end-bad", "통화는 고성 속에 끊겼고, 민원인 A는 시장실과 국민신문고에 직원 불친절 민원을 냈습니다.",
                    "The call ended in shouting; Citizen A complained of rudeness to the mayor's office and the national e-petition portal.",
                    "격해진 민원인에게 규정만 되풀이하거나 경고 없이 통화를 끊으면 갈등이 커집니다. 행동의 선은 분명히 하되, 먼저 경고하고 다음 단계를 안내하세요.",
                    "Repeating the rules to an angry caller, or hanging up without a warning, escalates. Set a clear limit, warn first, and give the next step.",
                    "\"계속 큰 소리를 내시면 통화를 종료할 수 있음을 안내드립니다. 차분히 말씀해 주시면 끝까지 듣고 이의신청 방법을 알려 드리겠습니다.\"",
                    "\"If the shouting goes on, I may end this call. If you speak calmly, I'll hear you out and tell you how to object.\""),
            ]);
    }

    private static ScenarioContent NameOnline()
    {
        var w = new Writer("difficult-situations", "professionalism-integrity", "empathy");
        return new ScenarioContent(
            T("\"인터넷에 이름을 올리겠다\"는 위협", "\"I'll put your name online\""),
            T("건축 허가 서류 보완을 요구받은 민원인이 창구에서 직원의 명찰을 촬영하며 위협합니다. 민원과 위협을 어떻게 나누어 다룰지 고르세요.",
                "Asked for more documents for a building permit, an applicant photographs your name badge at the counter and threatens you. Choose how you separate the request from the threat."),
            w.Competencies, "start",
            [
                Writer.Scene("start", "오후 3시, 건축과 창구. 서류 보완 요청을 받은 민원인 A가 휴대전화를 들어 담당 직원 B의 명찰을 찍습니다. 뒤에는 대기 민원인 세 명이 서 있습니다.",
                    "3 p.m. at the building permits counter. Told that documents are missing, Citizen A raises a phone and photographs Officer B's name badge. Three people wait behind.",
                    w.C("c1", [0, 0, 0], "민원인을 바라본다", "Look up at the applicant", "", "")),
                Writer.Say("c1", "\"당신 이름이랑 사진을 인터넷에 올려서 망신을 주겠어. 오늘 안에 허가해 줘.\"", "\"I'll put your name and photo online and shame you. Approve it today.\"",
                    w.C("x1", [-2, -1, -1], "찍지 마세요! 당장 지우세요!", "Stop filming! Delete that now!",
                        "큰 소리로 맞서면 대기 중인 민원인 앞에서 갈등이 커지고 촬영은 계속됩니다.", "Shouting back escalates the conflict in front of the queue, and the filming goes on."),
                    w.C("c2", [2, 1, 1], "(목소리를 낮추어) 오늘 허가가 급하시군요. 무엇이 부족한지부터 정확히 말씀드리겠습니다.", "(lowering your voice) You need the permit today. Let me first tell you exactly what is missing.",
                        "위협에 반응하기 전에 민원의 핵심 요구를 먼저 짚었습니다.", "Before reacting to the threat, you named the core of the request."),
                    w.C("r1", [0, 0, -1], "그러셔도 규정상 오늘은 안 됩니다.", "Even so, the rules say not today.",
                        "규정은 맞지만 위협과 요구를 한꺼번에 밀어내 민원인을 더 몰아붙입니다.", "The rule is right, but pushing back on the threat and the request at once corners the applicant.")),
                Writer.Say("r1", "\"규정, 규정! 그 규정 때문에 공사가 한 달째 멈췄다고!\"", "\"Rules, rules! Because of those rules my building work has stopped for a month!\"",
                    w.C("c2", [1, 0, 2], "한 달이나 멈췄다니 손해가 크시겠습니다. 오늘 보완하실 수 있는 것이 있는지 함께 보겠습니다.", "A month's stoppage must be costly. Let's see what you could complete today.",
                        "피해를 인정하고 할 수 있는 일로 대화를 옮겼습니다.", "You acknowledged the loss and moved to what can be done."),
                    w.C("x1", [-1, -1, -2], "공사가 멈춘 건 제 책임이 아닙니다.", "The stoppage is not my fault.",
                        "방어적인 말은 사실이어도 민원인의 분노를 직원 개인에게 향하게 합니다.", "A defensive remark, even if true, turns the anger on you personally.")),
                Writer.Say("c2", "\"부족한 게 뭔데? 지난번엔 그런 말 없었잖아.\"", "\"What's missing? Nobody said so last time.\"",
                    w.C("c3", [1, 2, 1], "구조 안전 확인서와 배치도 두 가지입니다. 종이에 적어 드리고, 지난번 안내 기록도 확인해 보겠습니다.", "Two things: the structural safety check and the site plan. I'll write them down for you and check what you were told last time.",
                        "요구 사항을 글로 건네면 오해가 줄고, 기록 확인은 공정함을 보여 줍니다.", "Written requirements prevent misunderstandings; checking the record shows fairness."),
                    w.C("r2", [0, 0, 0], "지난번 담당자가 누구였는지는 모르겠습니다.", "I don't know who dealt with you last time.",
                        "사실일 수 있지만 민원인에게는 책임 회피로 들립니다.", "It may be true, but to the applicant it sounds like dodging responsibility.")),
                Writer.Say("r2", "\"모르면 다야? 내가 두 번이나 왔는데!\"", "\"Not knowing is your excuse? I've come twice already!\"",
                    w.C("c3", [1, 2, 1], "두 번 걸음 하시게 해서 죄송합니다. 필요한 서류를 지금 적어 드리고, 다시 오실 때 바로 처리되게 메모를 남기겠습니다.", "I'm sorry you've had to come twice. I'll write down what's needed now and leave a note so it goes straight through next time.",
                        "기관의 잘못을 사과하고 재방문 부담을 줄이는 약속을 했습니다.", "You apologised for the office and promised to spare the applicant a third wasted trip."),
                    w.C("x1", [-1, -1, -1], "저도 오늘 처음 보는 서류입니다.", "It's the first time I've seen this file too.",
                        "직원 개인의 입장만 말하면 민원인은 더 답답해집니다.", "Speaking only for yourself leaves the applicant more frustrated.")),
                Writer.Say("c3", "\"(휴대전화를 흔들며) 그래도 이 사진은 올릴 거야. 당신 같은 사람은 알려져야 해.\"", "\"(waving the phone) I'm still posting this photo. People like you should be exposed.\"",
                    w.C("c4", [2, 2, 1], "민원 처리는 끝까지 돕겠습니다. 다만 직원을 촬영해 게시하는 것은 명예훼손이 될 수 있다는 점을 안내드립니다. 팀장님과 함께 말씀 나누겠습니다.", "I'll see your application through. But filming and posting staff can be defamation, and I must tell you so. I'll ask my team leader to join us.",
                        "요구와 위협을 분리해, 민원은 돕고 위협에는 분명히 선을 그었습니다. 혼자 버티지 않고 도움을 요청했습니다.", "You separated the request from the threat: help with one, a clear line on the other; and you did not stand alone."),
                    w.C("r3", [0, 0, 0], "(못 들은 척하고 서류만 정리한다)", "(pretend not to hear and sort the papers)",
                        "위협을 못 본 척하면 당장은 조용하지만 기록도 보호 조치도 남지 않습니다.", "Ignoring the threat keeps things quiet for now, but leaves no record and no protection."),
                    w.C("x2", [-2, -1, -1], "올리세요. 저도 고소하겠습니다.", "Go ahead. I'll sue you too.",
                        "맞대응하는 위협은 상황을 개인 간 싸움으로 바꿉니다. 법적 대응은 기관이 합니다.", "Threatening back turns it into a personal fight. Legal action is the institution's job.")),
                Writer.Say("r3", "\"대답도 안 해? 진짜 올린다?\"", "\"Not even answering? I really will post it.\"",
                    w.C("c4", [1, 2, 1], "들었습니다. 촬영과 게시는 법적 문제가 될 수 있습니다. 서류는 끝까지 안내해 드리겠습니다.", "I heard you. Filming and posting can be a legal matter. I'll still guide you through the documents.",
                        "늦었지만 위협에 분명히 답하고 민원으로 돌아왔습니다.", "Late, but you answered the threat clearly and returned to the request."),
                    w.C("x2", [-1, -1, -1], "마음대로 하세요.", "Do as you please.",
                        "체념하는 말은 위협을 인정하는 것처럼 들립니다.", "Resignation sounds like accepting the threat.")),
                Writer.Say("x1", "\"(더 크게) 봐, 이게 공무원 태도야! 다들 찍어!\"", "\"(louder) Look, this is how officials behave! Everyone, film this!\"",
                    w.C("c2", [1, 1, 1], "(숨을 고르고) 제가 목소리를 높였습니다. 서류 이야기로 돌아가겠습니다.", "(taking a breath) I raised my voice. Let's go back to your documents.",
                        "자신의 반응을 먼저 바로잡으면 상대도 진정할 여지가 생깁니다.", "Correcting your own reaction first gives the other person room to calm down."),
                    w.C("end-bad", [-2, -2, -2], "(창구를 떠난다)", "(leave the counter)",
                        "말없이 자리를 뜨면 대기 민원인도 방치되고 사건 기록도 남지 않습니다.", "Walking away abandons the queue and leaves nothing on record.")),
                Writer.Say("x2", "\"좋아, 지금 바로 올린다. 구청 홈페이지에도 쓸 거야.\"", "\"Right, I'm posting it now. And on the district website.\"",
                    w.C("c4", [1, 1, 1], "말씀 잘 알겠습니다. 팀장님과 함께 서류 이야기를 마무리하겠습니다.", "Understood. Let me finish your documents with my team leader.",
                        "한발 물러서 도움을 청하고 민원으로 돌아갔습니다.", "You stepped back, asked for help, and returned to the request."),
                    w.C("end-bad", [-2, -2, -1], "그러든지 말든지요.", "Whatever.",
                        "무시하는 말은 게시물의 내용이 됩니다.", "A dismissive word becomes the content of the post.")),
                Writer.Say("c4", "\"...(휴대전화를 내리며) 그럼 그 두 가지만 내면 되는 거죠?\"", "\"...(lowering the phone) So if I bring those two, that's it?\"",
                    w.C("end-good", [2, 2, 2], "네. 내일 오전에 가져오시면 바로 검토하겠습니다. 그리고 사진은 지워 주시면 감사하겠습니다.", "Yes. Bring them tomorrow morning and I'll review them at once. And I'd be grateful if you deleted the photo.",
                        "다음 단계를 분명히 하고 촬영물 삭제를 정중히 요청했습니다.", "You set the next step and politely asked for the photo to be deleted."),
                    w.C("end-partial", [0, 1, 0], "네, 보완되면 처리됩니다.", "Yes, once complete it will be processed.",
                        "정확하지만 촬영물과 사건 기록은 남겨 둔 채 끝났습니다.", "Accurate, but the photo and the incident were left behind."),
                    w.C("end-bad", [-1, -1, -2], "그건 내셔 봐야 압니다.", "We'll see when you bring them.",
                        "모호한 답은 방금 낮아진 긴장을 다시 올립니다.", "A vague answer raises the tension that had just come down.")),
                Writer.End("end-good", "민원인 A는 사진을 지웠고, 일주일 뒤 서류를 보완해 허가를 받았습니다. 기관은 직원 보호 절차에 따라 사건을 기록했습니다.",
                    "Citizen A deleted the photo and got the permit a week later. The office logged the incident under its staff protection procedure.",
                    "위협 앞에서 민원의 핵심 요구와 위협 행위를 분리했습니다. 요구는 끝까지 돕고, 위협에는 법적 선을 알리고, 혼자 버티지 않았습니다.",
                    "You separated the request from the threat: full help with one, the legal line on the other, and you did not stand alone.",
                    "\"서류 두 가지만 보완되면 바로 처리해 드리겠습니다. 다만 직원 촬영과 게시는 명예훼손이 될 수 있어 안내드립니다. 팀장님도 함께하겠습니다.\"",
                    "\"Once those two documents are in, I'll process it at once. I must tell you that filming and posting staff can be defamation. My team leader will join us.\""),
                Writer.End("end-partial", "민원인 A는 서류를 가지고 돌아갔지만, 사진은 그날 밤 지역 커뮤니티에 올라왔습니다. 사건 기록이 없어 기관의 대응이 늦었습니다.",
                    "Citizen A left to get the documents, but the photo appeared on a local forum that night. With no record of the incident, the office was slow to act.",
                    "민원은 해결로 향했지만 위협은 다루지 않았습니다. 위협은 그 자리에서 안내하고 보고해야 기관이 직원을 보호할 수 있습니다.",
                    "The request moved towards a solution, but the threat was left alone. A threat must be answered and reported on the spot so the institution can protect you.",
                    "\"사진은 지워 주시길 부탁드립니다. 오늘 일은 절차에 따라 기록하겠습니다.\"", "\"Please delete the photo. I will record today's events as our procedure requires.\""),
                Writer.End("end-bad", "창구 앞은 고성으로 번졌고, 편집된 영상이 SNS에 퍼졌습니다. 직원 B는 이튿날 병가를 냈습니다.",
                    "The counter turned into a shouting match, and an edited video spread on social media. Officer B called in sick the next day.",
                    "맞대응과 회피 모두 위협을 키웠습니다. 목소리를 낮추고, 요구와 위협을 나누고, 곧바로 도움을 요청하세요. 이런 일은 직원 보호 기록으로 남겨야 합니다.",
                    "Fighting back and walking away both fed the threat. Lower your voice, separate request from threat, and call for help at once. Log it for staff protection.",
                    "\"지금 촬영하신 것은 게시하시면 법적 문제가 될 수 있습니다. 서류 이야기는 팀장님과 함께 계속하겠습니다.\"",
                    "\"Posting what you have filmed may be a legal matter. We'll carry on with your documents together with my team leader.\""),
            ]);
    }

    private static ScenarioContent LostOnline()
    {
        var w = new Writer("empathy", "active-listening", "problem-solving");
        return new ScenarioContent(
            T("온라인 신청 화면에서 길을 잃은 어르신", "An older resident lost in an online application"),
            T("기초연금을 온라인으로 신청하다 막힌 80대 어르신이 주민센터를 찾았습니다. 무엇이 필요한지 듣고, 끝까지 도울 방법을 고르세요.",
                "A resident in their eighties, stuck applying for the basic pension online, comes to the community centre. Listen for what is needed and choose how to see it through."),
            w.Competencies, "start",
            [
                Writer.Scene("start", "오전 10시, 주민센터 복지 창구. 민원인 A(82세)가 휴대전화를 꼭 쥐고 서 있습니다. 화면에는 본인 인증 오류 메시지가 떠 있습니다.",
                    "10 a.m., the welfare counter of a community centre. Citizen A, 82, stands clutching a phone showing an identity-check error.",
                    w.C("c1", [0, 0, 0], "인사를 건넨다", "Greet the resident", "", "")),
                Writer.Say("c1", "\"아들이 이걸로 하면 된다는데... 세 번이나 해도 안 돼요. 나 같은 늙은이는 이제 연금도 못 받나 봐요.\"", "\"My son said I could do it on this... I tried three times and it won't work. I suppose old people like me can't even get a pension now.\"",
                    w.C("r1", [0, -1, 1], "휴대전화 주시면 제가 해 드릴게요.", "Give me the phone and I'll do it.",
                        "빠르지만 어르신의 이야기를 듣기 전에 손부터 나갔습니다.", "Quick, but your hands moved before you had listened."),
                    w.C("c2", [2, 2, 0], "세 번이나 하셨으면 많이 속상하셨겠어요. 어디에서 막히셨는지 천천히 보여 주시겠어요?", "Three tries — that must have been upsetting. Could you show me, slowly, where it got stuck?",
                        "마음을 먼저 알아주고, 어르신이 직접 설명하게 했습니다.", "You acknowledged the feeling and let the resident explain in their own way."),
                    w.C("x1", [-2, -2, -1], "온라인 신청은 여기서 도와드리는 업무가 아닙니다.", "We don't help with online applications here.",
                        "절차상 맞더라도 찾아온 어르신을 돌려보내면 신청 자체를 포기할 수 있습니다.", "Even if procedurally true, turning the resident away may make them give up on the pension altogether.")),
                Writer.Say("r1", "\"(휴대전화를 건네며) 근데 거기 우리 아들 사진도 있고... 뭐가 뭔지 모르겠어.\"", "\"(handing it over) But my son's photos are on there... I don't understand any of it.\"",
                    w.C("c2", [1, 2, 1], "아, 죄송해요. 제가 먼저 여쭤봤어야 했네요. 화면은 어르신이 보시는 앞에서만 만질게요.", "Oh, I'm sorry, I should have asked first. I'll only touch the screen where you can see.",
                        "개인 기기를 다룰 때는 동의와 투명함이 먼저입니다.", "With someone's own phone, consent and openness come first."),
                    w.C("x1", [-1, -2, 0], "잠깐만 기다리세요. (혼자 화면을 넘긴다)", "Just a moment. (scroll through alone)",
                        "어르신 모르게 기기를 다루면 불안과 불신이 커집니다.", "Handling the phone out of the resident's sight breeds worry and distrust.")),
                Writer.Say("c2", "\"여기서 인증하라는데, 문자가 안 와요. 번호는 맞게 넣었는데.\"", "\"It says to verify here, but no text arrives. I typed the number right.\"",
                    w.C("c3", [1, 2, 1], "번호를 같이 확인해 볼게요. 혹시 휴대전화가 아드님 명의인가요?", "Let's check the number together. Is the phone perhaps in your son's name?",
                        "원인을 짐작하기 전에 한 가지씩 확인하는 질문을 했습니다.", "Instead of guessing, you asked one checking question at a time."),
                    w.C("r2", [0, 0, 0], "문자 인증은 통신사 문제라 저희가 어쩔 수 없어요.", "Text verification is the phone company's problem; we can't do anything.",
                        "책임의 경계는 맞지만 어르신에게 남는 길이 없습니다.", "The boundary is right, but it leaves the resident with nowhere to go.")),
                Writer.Say("r2", "\"그럼 나는 어디 가서 물어봐요... (한숨)\"", "\"Then where am I supposed to ask... (sighs)\"",
                    w.C("c3", [2, 1, 1], "제가 같이 방법을 찾아볼게요. 먼저 휴대전화 명의부터 확인해 볼까요?", "I'll find a way with you. Shall we first check whose name the phone is in?",
                        "한숨을 놓치지 않고 '같이'라는 말로 다시 붙잡았습니다.", "You caught the sigh and held on with 'together'."),
                    w.C("x1", [-1, -1, -1], "통신사 고객센터에 전화해 보세요.", "Call the phone company's helpline.",
                        "전화 안내만 남기면 어르신은 같은 벽에 다시 부딪힙니다.", "Only passing on a helpline number sends the resident back into the same wall.")),
                Writer.Say("c3", "\"맞아요, 아들 이름으로 돼 있어요. 그럼 안 되는 거예요?\"", "\"Yes, it's in my son's name. So it won't work?\"",
                    w.C("c4", [1, 1, 2], "그래서 인증이 안 됐던 거예요. 온라인 말고 여기서 서면으로 바로 신청하실 수 있어요. 신분증 가져오셨어요?", "That's why the check failed. Instead of online, you can apply right here on paper. Did you bring your ID card?",
                        "원인을 쉬운 말로 설명하고, 가장 간단한 대안을 바로 제시했습니다.", "You explained the cause plainly and offered the simplest alternative at once."),
                    w.C("r3", [0, 0, 1], "공동인증서를 새로 발급받으시면 됩니다.", "You just need to get a new digital certificate.",
                        "기술적으로 맞지만 어르신에게는 더 어려운 과제가 하나 늘었습니다.", "Technically right, but it hands the resident a harder task."),
                    w.C("x2", [-1, -1, -2], "아드님께 다시 해 달라고 하세요.", "Ask your son to do it again.",
                        "어르신의 신청을 다시 가족에게 떠넘겼습니다.", "You handed the resident's application back to the family.")),
                Writer.Say("r3", "\"공동... 뭐요? 그게 뭔데요?\"", "\"Digital... what? What's that?\"",
                    w.C("c4", [2, 1, 2], "어려운 말을 써서 죄송해요. 더 쉬운 방법이 있어요. 여기서 종이로 신청하시면 돼요.", "Sorry, that was jargon. There's an easier way: you can apply here on paper.",
                        "어려운 말을 알아차리고 쉬운 길로 바꿨습니다.", "You noticed the jargon and switched to the easy route."),
                    w.C("x2", [-1, -1, -1], "인터넷에 검색해 보시면 나와요.", "You'll find it if you search online.",
                        "온라인에서 길을 잃은 분에게 온라인 검색을 권했습니다.", "You sent someone lost online to search online.")),
                Writer.Say("x1", "\"(작은 목소리로) ...그냥 안 받고 말지요.\"", "\"(quietly) ...I'll just do without it, then.\"",
                    w.C("c2", [2, 1, 1], "아니에요, 받으셔야 할 연금이에요. 제가 처음부터 같이 볼게요. 어디서 막히셨어요?", "No — it's a pension you are owed. I'll go through it with you from the start. Where did it stop?",
                        "포기하려는 순간을 붙잡아 다시 시작했습니다.", "You caught the moment of giving up and started again."),
                    w.C("end-bad", [-2, -2, -2], "네, 나중에 다시 오세요.", "All right, come back another time.",
                        "포기하겠다는 말을 그대로 받아들였습니다.", "You took 'I'll do without' at its word.")),
                Writer.Say("x2", "\"아들은 지방에 있어서 한 달에 한 번 와요...\"", "\"My son lives far away; he comes once a month...\"",
                    w.C("c4", [2, 1, 2], "그러시군요. 그럼 기다리실 필요 없이 오늘 여기서 서면으로 신청해 드릴게요.", "I see. Then there's no need to wait: let's apply on paper here today.",
                        "어르신의 사정을 듣고 오늘 끝낼 수 있는 방법으로 바꿨습니다.", "You heard the situation and changed to a way to finish today."),
                    w.C("end-bad", [-1, -1, -2], "그럼 다음 달에 오셔서 하세요.", "Then come back next month and do it.",
                        "한 달의 지연은 한 달 치 연금을 늦춥니다.", "A month's delay is a month's pension delayed.")),
                Writer.Say("c4", "\"신분증은 있어요. 근데 다음 달부터 받을 수 있는 거 맞아요?\"", "\"I have my ID card. But will I really get it from next month?\"",
                    w.C("end-good", [2, 2, 2], "오늘 신청하시면 이번 달분부터 계산돼요. 결과는 문자와 우편으로 알려 드리고, 제 이름과 전화번호도 적어 드릴게요.", "If you apply today it counts from this month. You'll hear by text and by post, and I'll write down my name and number for you.",
                        "가장 궁금한 '언제'에 답하고, 결과를 알 길과 연락처를 남겼습니다.", "You answered the real question, 'when', and left a way to hear back and someone to call."),
                    w.C("end-partial", [0, 0, 1], "네, 심사 결과에 따라 달라요.", "Yes, it depends on the assessment.",
                        "정확하지만 어르신은 불안한 채로 돌아갑니다.", "Accurate, but the resident goes home anxious."),
                    w.C("end-bad", [-1, -1, -1], "그건 국민연금공단에 물어보세요.", "Ask the National Pension Service about that.",
                        "마지막 질문을 다른 기관으로 돌려 신뢰를 잃었습니다.", "Sending the last question elsewhere lost the trust you had built.")),
                Writer.End("end-good", "민원인 A는 그 자리에서 서면 신청을 마쳤고, 다음 달부터 연금을 받았습니다. 센터는 같은 어려움을 겪는 분을 위해 창구 안내문을 만들었습니다.",
                    "Citizen A applied on paper there and then, and the pension started the next month. The centre made a counter leaflet for others in the same spot.",
                    "공감으로 시작해 질문으로 원인을 찾고, 가장 쉬운 대안으로 끝까지 처리했습니다.",
                    "You started with empathy, found the cause by asking, and saw it through by the simplest route.",
                    "\"휴대전화가 아드님 명의라서 인증이 안 됐던 거예요. 오늘 여기서 종이로 신청하시면 이번 달분부터 받으실 수 있어요.\"",
                    "\"The check failed because the phone is in your son's name. Apply here on paper today and it counts from this month.\""),
                Writer.End("end-partial", "민원인 A는 신청서를 냈지만 언제 받게 되는지 몰라 일주일 동안 세 번 전화했습니다.",
                    "Citizen A applied, but not knowing when the pension would come, phoned three times that week.",
                    "문제는 해결했지만 마지막 불안을 남겼습니다. 끝맺음에는 '언제, 어떻게 알게 되는지'를 말해 주세요.",
                    "The problem was solved, but the last worry was left. End with when and how they will hear.",
                    "\"결과는 2주 안에 문자로 알려 드려요. 궁금하시면 이 번호로 저를 찾으세요.\"", "\"You'll get the result by text within two weeks. If you have questions, ask for me at this number.\""),
                Writer.End("end-bad", "민원인 A는 신청하지 못한 채 돌아갔고, 석 달 뒤 아들이 올 때까지 연금을 받지 못했습니다.",
                    "Citizen A went home without applying and got no pension until the son visited three months later.",
                    "디지털 절차에서 막힌 어르신은 한 번 돌아가면 다시 오지 않는 경우가 많습니다. 그 자리에서 쉬운 대안을 찾아 끝까지 도와야 합니다.",
                    "An older resident stuck in a digital procedure often does not come back. Find the easy alternative on the spot and see it through.",
                    "\"온라인이 어려우시면 여기서 종이로 바로 신청하실 수 있어요. 같이 해요.\"", "\"If online is hard, you can apply here on paper right now. Let's do it together.\""),
            ]);
    }
}
