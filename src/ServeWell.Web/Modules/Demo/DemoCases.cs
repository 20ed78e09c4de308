using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Practice.Cases;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Demo;

/// <summary>
/// The demo city's case library (issue 15, ADR-053): 33 published cases told by Hanbit City's officials, already in the
/// shape the scrubber leaves (민원인 A, 직원 B), 30 in Korean and 3 in English, over every channel and kind.
/// </summary>
internal static class DemoCases
{
    private sealed record Seed(LocalText Title, LocalText Situation, LocalText Said, LocalText Did, LocalText Outcome, LocalText Lesson,
        CaseChannel Channel, CaseKind Kind, CaseTags Tags, string[] Competencies);

    public static async Task SeedAsync(IServiceProvider services, DateTime now, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<ServeWellDbContext>();
        if (await db.PracticeCases.AnyAsync(cancellationToken))
        {
            return;
        }

        var instructor = DemoModule.Accounts.First(a => a.Role == Roles.Instructor).Email;
        var author = await db.Users.Where(u => u.Email == instructor).Select(u => u.Id).FirstOrDefaultAsync(cancellationToken);
        if (author is null)
        {
            return;
        }

        var reviewer = DemoModule.Accounts.First(a => a.Role == Roles.TrainingOfficer).Email;
        var competencies = await db.Competencies.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Id, cancellationToken);
        var cases = Seeds.Select((s, i) =>
        {
            var published = now.AddDays(-3 - (i * 5));
            var c = new PracticeCase
            {
                Reference = $"CASE-DEMO{i + 1:D3}", AuthorUserId = author, Status = CaseStatus.Published, Channel = s.Channel, Kind = s.Kind, Tags = s.Tags,
                Title = s.Title, Situation = s.Situation, CitizenSaid = s.Said, OfficialDid = s.Did, Outcome = s.Outcome, Lesson = s.Lesson,
                ReviewedBy = reviewer, CreatedAtUtc = published.AddDays(-2), UpdatedAtUtc = published.AddDays(-1), SubmittedAtUtc = published.AddDays(-1), PublishedAtUtc = published,
            };
            c.Competencies.AddRange(s.Competencies.Where(competencies.ContainsKey).Select(code => new PracticeCaseCompetency { CompetencyId = competencies[code] }));
            return c;
        }).ToList();
        db.PracticeCases.AddRange(cases);
        await db.SaveChangesAsync(cancellationToken);
        db.PracticeCaseTerms.AddRange(cases.SelectMany(CaseTerms.OfCase));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static Seed K(string title, string situation, string said, string did, string outcome, string lesson,
        CaseChannel channel, CaseKind kind, CaseTags tags, params string[] competencies) =>
        new(LocalText.Of(null, title), LocalText.Of(null, situation), LocalText.Of(null, said), LocalText.Of(null, did), LocalText.Of(null, outcome), LocalText.Of(null, lesson), channel, kind, tags, competencies);

    private static Seed E(string title, string situation, string said, string did, string outcome, string lesson,
        CaseChannel channel, CaseKind kind, CaseTags tags, params string[] competencies) =>
        new(LocalText.Of(title, null), LocalText.Of(situation, null), LocalText.Of(said, null), LocalText.Of(did, null), LocalText.Of(outcome, null), LocalText.Of(lesson, null), channel, kind, tags, competencies);

    private static readonly Seed[] Seeds =
    [
        K("같은 답을 요구하며 매일 걸려 오는 전화", "민원인 A는 주차 과태료 감면이 안 된다는 답을 들은 뒤 석 달 동안 거의 매일 같은 내용으로 전화했다. 통화는 매번 30분을 넘겼다.",
            "\"어제 그 직원 말고 다른 사람한테 다시 듣고 싶다. 감면해 줄 때까지 계속 전화하겠다.\"",
            "직원 B는 통화 기록을 확인한 뒤 이미 안내한 내용을 짧게 요약하고, 이의신청 절차와 기한을 문자로 보냈다. 같은 내용의 반복 민원은 종결 처리될 수 있다는 규정도 차분히 알렸다.",
            "민원인 A는 이의신청서를 냈고 전화는 주 1회로 줄었다. 팀은 응대 기록을 공유해 누가 받아도 같은 답을 했다.",
            "반복 민원에는 '같은 답, 같은 근거, 다음 단계'를 팀 전체가 한목소리로 안내하는 것이 가장 효과적이다.",
            CaseChannel.Phone, CaseKind.Inquiry, CaseTags.Repeated, "telephone-on-site", "difficult-situations", "communication"),
        K("\"인터넷에 이름을 올리겠다\"는 위협", "건축 허가 서류 보완 요청을 받은 민원인 A가 창구에서 담당 직원 B의 명찰을 사진으로 찍었다.",
            "\"당신 이름이랑 사진을 인터넷에 올려서 망신을 주겠다. 오늘 안에 허가해 줘라.\"",
            "직원 B는 목소리를 낮추고 보완이 필요한 서류 두 가지를 종이에 적어 건넸다. 촬영과 게시는 명예훼손이 될 수 있다고 알리고, 팀장에게 상황을 공유해 함께 응대했다.",
            "민원인 A는 사진을 지웠고, 일주일 뒤 서류를 보완해 허가를 받았다. 기관은 직원 보호 절차에 따라 사건을 기록했다.",
            "위협 앞에서는 혼자 버티지 말고 즉시 보고하며, 민원의 핵심 요구와 위협 행위를 분리해 다룬다.",
            CaseChannel.Visit, CaseKind.Statutory, CaseTags.Threatening | CaseTags.Malicious, "difficult-situations", "professionalism-integrity"),
        K("영업 허가가 거부된 음식점 사장님의 항의", "민원인 A는 일반음식점 영업 신고가 시설 기준 미달로 반려되자 서류를 창구에 던지며 큰 소리로 항의했다.",
            "\"인테리어에 전 재산을 넣었다. 공무원이 서민 장사를 막는 거냐.\"",
            "직원 B는 먼저 \"많이 당황하셨겠습니다\"라고 감정을 인정했다. 이어 반려 사유인 환기 시설 기준을 도면으로 보여 주고, 보완 후 다시 신고하는 절차와 예상 기간을 설명했다.",
            "민원인 A는 보완 공사를 마치고 2주 뒤 영업 신고가 수리되었다. 나중에 감사 인사를 전해 왔다.",
            "거부 통지는 '안 된다'로 끝내지 말고, 무엇을 하면 되는지까지 함께 전해야 분노가 해결로 바뀐다.",
            CaseChannel.Visit, CaseKind.Statutory, CaseTags.None, "empathy", "problem-solving", "communication"),
        K("온라인 신청 화면에서 길을 잃은 어르신", "80대 민원인 A가 기초연금 신청을 온라인으로 하라는 말을 듣고 휴대전화를 들고 주민센터를 찾았다.",
            "\"아들이 인터넷으로 하라는데 글씨도 안 보이고 뭘 눌러야 할지 모르겠다.\"",
            "직원 B는 옆자리에 앉아 화면 글씨를 키우고, 한 단계씩 직접 누르게 하며 안내했다. 어려운 단계는 창구에서 대신 접수할 수 있다고 알렸다.",
            "신청은 창구 대리 접수로 마쳤고, 민원인 A는 다음에는 혼자 해 보겠다며 안내문을 받아 갔다.",
            "디지털 취약계층에게는 '온라인으로 하세요'가 아니라 '같이 해 보실까요'가 응대의 시작이다.",
            CaseChannel.Visit, CaseKind.Statutory, CaseTags.Vulnerable, "empathy", "active-listening"),
        K("한국어가 서툰 외국인 주민의 체류지 변경 신고", "최근 이사한 외국인 주민 A가 체류지 변경 신고를 하러 왔지만 한국어로 의사소통이 거의 되지 않았다.",
            "주민 A는 휴대전화 번역기로 '주소 바꾸다, 회사 서류'라는 말만 반복했다.",
            "직원 B는 쉬운 한국어와 짧은 문장을 쓰고, 다국어 안내문과 통역 상담 전화를 연결했다. 필요한 서류를 그림이 있는 안내문에 표시해 주었다.",
            "통역 연결 후 10분 만에 신고를 마쳤다. 주민 A는 고향 친구들에게 안내문을 보내 주었다.",
            "언어 장벽은 통역 연결과 쉬운 말, 시각 자료 세 가지를 함께 쓰면 대부분 넘을 수 있다.",
            CaseChannel.Visit, CaseKind.Statutory, CaseTags.LanguageBarrier, "communication", "non-verbal"),
        K("불법 주정차 단속에 대한 반복 서면 민원", "민원인 A는 집 앞 단속이 부당하다며 같은 내용의 서면 민원을 한 달에 열두 번 보냈다.",
            "\"단속 카메라를 당장 철거하라. 답변이 마음에 들 때까지 계속 보내겠다.\"",
            "직원 B는 앞선 답변을 묶어 한 번에 정리한 종합 답변을 보내고, 동일 민원 반복 시 종결 처리 기준을 안내했다.",
            "이후 두 건은 종결 처리되었고, 민원인 A는 구의회 청원으로 방향을 바꾸었다.",
            "반복 서면 민원은 흩어진 답변을 하나로 정리해 근거를 명확히 하는 것이 핵심이다.",
            CaseChannel.Written, CaseKind.Other, CaseTags.Repeated, "problem-solving", "professionalism-integrity"),
        K("상수도 요금 폭탄 고지서", "민원인 A는 평소의 다섯 배가 넘는 수도 요금 고지서를 받고 화가 나서 전화했다.",
            "\"내가 물을 이렇게 쓸 리가 없다. 계량기가 고장 난 거 아니냐.\"",
            "직원 B는 요금 내역을 함께 확인하며 누수 가능성을 설명하고, 현장 점검 일정을 그 자리에서 잡아 주었다.",
            "점검 결과 마당 배관 누수가 확인되어 누수 감면을 받았다.",
            "숫자에 놀란 민원인에게는 원인을 같이 찾아가는 태도가 신뢰를 만든다.",
            CaseChannel.Phone, CaseKind.Inquiry, CaseTags.None, "active-listening", "problem-solving"),
        K("놀이터 그늘막 설치 건의", "주민 A가 온라인 신문고에 어린이 놀이터에 그늘막을 설치해 달라는 건의를 올렸다.",
            "\"여름에 미끄럼틀이 너무 뜨거워 아이들이 화상을 입을 뻔했다.\"",
            "직원 B는 현장 사진을 찍어 건의 내용을 확인하고, 예산 반영 일정과 임시 조치를 답변에 담았다.",
            "임시 차광막이 2주 안에 설치되었고, 다음 해 예산에 그늘막이 반영되었다.",
            "건의 민원은 '검토하겠다'보다 언제 무엇을 하는지 구체적으로 답할 때 만족도가 높다.",
            CaseChannel.Online, CaseKind.Suggestion, CaseTags.None, "problem-solving", "communication"),
        K("세 번이나 부서를 옮겨 다닌 전화", "민원인 A는 도로 파손 신고를 하려다 세 번이나 다른 부서로 연결되어 몹시 화가 난 상태였다.",
            "\"도대체 몇 번을 말해야 하냐. 전화 돌리기만 하는 게 공무원 일이냐.\"",
            "직원 B는 다시 돌리지 않고 내용을 직접 받아 적은 뒤, 담당 부서에 넘기고 처리 결과를 자신이 다시 알려 주겠다고 약속했다.",
            "다음 날 보수가 끝났고 직원 B가 직접 결과를 전했다.",
            "'제가 끝까지 챙기겠습니다'라는 한마디가 전화 돌리기로 쌓인 불만을 풀어 준다.",
            CaseChannel.Phone, CaseKind.Other, CaseTags.None, "telephone-on-site", "empathy"),
        K("술에 취해 창구에서 소란을 피운 민원인", "오후 늦게 술에 취한 민원인 A가 주민센터에 들어와 대기 중인 다른 주민에게 시비를 걸었다.",
            "\"내 기초수급비를 왜 깎았냐. 담당자 나와라.\"",
            "직원 B는 다른 주민을 먼저 안전한 곳으로 안내하고, 민원인 A를 상담실 대신 열린 공간에서 응대했다. 폭언이 계속되자 절차에 따라 경찰에 도움을 요청했다.",
            "민원인 A는 귀가했고, 다음 날 맑은 정신으로 다시 와서 상담을 받았다.",
            "안전이 먼저다. 취한 민원인과는 단둘이 닫힌 공간에 들어가지 않는다.",
            CaseChannel.Visit, CaseKind.Grievance, CaseTags.Malicious | CaseTags.Unusual, "difficult-situations", "professionalism-integrity"),
        K("청각장애인의 민원 상담", "청각장애가 있는 민원인 A가 장애인 주차표지 재발급을 위해 창구를 찾았다.",
            "민원인 A는 메모지에 '재발급, 분실'이라고 적어 보여 주었다.",
            "직원 B는 마스크를 내려 입 모양이 보이게 하고, 필담과 태블릿 화면으로 절차를 안내했다. 수어 통역 화상 서비스도 안내했다.",
            "재발급은 그 자리에서 끝났고, 민원인 A는 화상 통역 서비스를 저장해 갔다.",
            "의사소통 방식은 민원인에게 물어보고 맞추는 것이 배려의 시작이다.",
            CaseChannel.Visit, CaseKind.Statutory, CaseTags.Vulnerable, "non-verbal", "empathy"),
        K("층간소음 해결을 요구하는 반복 방문", "민원인 A는 위층 소음 문제로 한 달에 네 번 구청을 찾아와 강제 조치를 요구했다.",
            "\"구청이 나서서 위층 사람을 혼내 줘야 하는 거 아니냐.\"",
            "직원 B는 구청이 강제할 수 없는 범위를 솔직히 설명하고, 층간소음 이웃사이센터 상담과 공동주택 관리규약 절차를 연결해 주었다.",
            "이웃사이센터 중재로 양측이 생활 시간을 조정하기로 합의했다.",
            "할 수 없는 것은 분명히, 할 수 있는 길은 구체적으로 안내한다.",
            CaseChannel.Visit, CaseKind.Grievance, CaseTags.Repeated, "problem-solving", "communication"),
        K("복지 급여 탈락 통보에 울먹인 전화", "민원인 A가 긴급복지 지원 대상에서 제외되었다는 문자를 받고 울먹이며 전화했다.",
            "\"이번 달 월세를 못 내면 쫓겨난다. 어떻게 살라는 거냐.\"",
            "직원 B는 말을 끊지 않고 끝까지 들은 뒤, 탈락 사유를 설명하고 다른 지원 제도 두 가지와 상담 예약을 연결했다.",
            "민원인 A는 주거급여를 새로 신청해 다음 달부터 지원을 받았다.",
            "위기에 놓인 민원인에게는 규정 설명보다 먼저 다음 길을 함께 찾는 것이 필요하다.",
            CaseChannel.Phone, CaseKind.Grievance, CaseTags.Vulnerable, "empathy", "active-listening", "problem-solving"),
        K("공무원 실명을 요구하는 온라인 민원", "민원인 A는 온라인 민원 답변이 마음에 들지 않는다며 답변한 직원의 실명과 직통 번호를 요구했다.",
            "\"이름도 못 밝히는 답변은 믿을 수 없다. 실명을 공개하라.\"",
            "직원 B는 기관의 담당 부서와 대표 연락처를 안내하고, 추가 질의는 같은 창구로 받겠다고 답했다. 감정적 표현에는 대응하지 않았다.",
            "민원인 A는 재질의를 했고, 부서 명의 답변으로 종결되었다.",
            "직원 보호와 책임 있는 답변은 함께 갈 수 있다. 답변의 주체는 부서다.",
            CaseChannel.Online, CaseKind.Other, CaseTags.Malicious, "professionalism-integrity", "communication"),
        K("여권 발급 기한을 놓친 출장자", "다음 날 해외 출장을 앞둔 민원인 A가 여권 만료를 뒤늦게 알고 마감 직전 창구를 찾았다.",
            "\"내일 비행기다. 무조건 오늘 해 달라.\"",
            "직원 B는 긴급 여권 발급 요건과 필요한 증빙을 바로 안내하고, 공항 긴급 발급 창구 정보도 함께 주었다.",
            "민원인 A는 출장 확인서를 받아 긴급 여권을 발급받았다.",
            "시간에 쫓기는 민원인에게는 가능한 방법을 빠르게 선택지로 보여 주는 것이 최선이다.",
            CaseChannel.Visit, CaseKind.Statutory, CaseTags.None, "problem-solving", "communication"),
        K("쓰레기 무단투기 신고자의 익명 보장 요구", "주민 A가 이웃의 무단투기를 신고하면서 자신의 신원이 알려질까 크게 걱정했다.",
            "\"내가 신고한 게 알려지면 이 동네에서 못 산다.\"",
            "직원 B는 신고자 정보 보호 규정을 설명하고, 현장 확인은 정기 순찰 형태로 진행하겠다고 안내했다.",
            "단속은 순찰 중 적발로 처리되었고 신고자는 드러나지 않았다.",
            "신고자의 불안을 덜어 주는 구체적 절차 설명이 신고를 지킨다.",
            CaseChannel.Phone, CaseKind.Other, CaseTags.None, "professionalism-integrity", "active-listening"),
        K("재개발 보상에 불만을 품은 장기 민원", "민원인 A는 재개발 보상액이 부당하다며 2년 동안 여러 기관에 같은 민원을 제기해 왔다.",
            "\"보상이 바로잡힐 때까지 매주 오겠다. 시장을 만나게 해 달라.\"",
            "직원 B는 지금까지의 처리 경과를 표로 정리해 보여 주고, 남은 법적 구제 절차인 행정심판과 소송 기한을 안내했다.",
            "민원인 A는 행정심판을 청구했고 방문은 줄었다.",
            "오래된 민원일수록 경과를 한눈에 정리해 주면 감정보다 절차로 대화를 옮길 수 있다.",
            CaseChannel.Visit, CaseKind.Grievance, CaseTags.Repeated | CaseTags.Unusual, "problem-solving", "difficult-situations"),
        K("전화로 욕설을 퍼부은 민원인", "민원인 A는 자동차 등록 업무가 늦어진다며 전화 연결 직후부터 욕설을 했다.",
            "\"(욕설) 일을 이따위로 하냐.\"",
            "직원 B는 '욕설이 계속되면 통화를 종료할 수 있습니다'라고 두 번 안내한 뒤, 계속되자 규정에 따라 통화를 끝내고 기록을 남겼다.",
            "민원인 A는 한 시간 뒤 다시 전화해 정중하게 문의했고, 업무는 정상 처리되었다.",
            "폭언 종료 안내는 벌이 아니라 대화를 다시 시작하기 위한 약속이다.",
            CaseChannel.Phone, CaseKind.Statutory, CaseTags.Malicious, "telephone-on-site", "difficult-situations"),
        K("가로등 고장 신고에 대한 답변 지연", "주민 A가 온라인으로 가로등 고장을 신고했지만 답변이 열흘 넘게 오지 않았다.",
            "\"밤길이 무서운데 신고해도 아무 소식이 없다.\"",
            "직원 B는 지연을 먼저 사과하고 수리 업체 일정을 확인해 정확한 날짜를 안내했다.",
            "사흘 뒤 수리가 끝났고, 부서는 처리 기한 알림을 설정했다.",
            "늦어진 답변은 변명보다 사과와 정확한 일정이 먼저다.",
            CaseChannel.Online, CaseKind.Other, CaseTags.None, "communication", "professionalism-integrity"),
        K("치매가 의심되는 어르신의 반복 방문", "민원인 A가 같은 서류를 떼러 하루에 세 번 주민센터를 찾았다.",
            "\"아까 왔었다고? 나는 처음 왔는데.\"",
            "직원 B는 정중히 응대하면서 보호자 연락처를 확인하고, 동의를 받아 치매안심센터에 연계했다.",
            "보호자가 상황을 알게 되었고 민원인 A는 치매안심센터 상담을 받기 시작했다.",
            "반복 방문이 언제나 악성 민원은 아니다. 도움이 필요한 신호일 수 있다.",
            CaseChannel.Visit, CaseKind.Other, CaseTags.Vulnerable | CaseTags.Repeated, "empathy", "active-listening"),
        K("불친절 신고 뒤 다시 찾아온 민원인", "직원 B의 응대가 불친절했다고 신고한 민원인 A가 다른 용무로 다시 같은 창구를 찾았다.",
            "\"또 그 사람이냐. 다른 사람한테 받겠다.\"",
            "직원 B는 지난번 응대에 대해 먼저 사과하고, 원하면 다른 직원이 도울 수 있다고 안내했다. 민원인 A는 직원 B에게 그대로 받기로 했다.",
            "업무는 5분 만에 끝났고, 민원인 A는 만족 응답을 남겼다.",
            "지난 잘못을 먼저 인정하는 것이 관계를 다시 세우는 가장 빠른 길이다.",
            CaseChannel.Visit, CaseKind.Statutory, CaseTags.None, "empathy", "professionalism-integrity"),
        K("외국인 근로자의 임금 체불 상담 문의", "외국인 근로자 A가 임금을 받지 못했다며 구청 다문화 창구에 전화했다.",
            "근로자 A는 서툰 한국어로 '돈 안 줘요, 사장님'을 반복했다.",
            "직원 B는 통역 지원 전화를 3자 통화로 연결하고, 관할 고용노동 기관과 외국인노동자센터를 안내했다.",
            "근로자 A는 진정을 접수했고 센터의 도움을 받았다.",
            "구청 업무가 아니더라도 맞는 기관까지 연결하는 것이 좋은 응대다.",
            CaseChannel.Phone, CaseKind.Inquiry, CaseTags.LanguageBarrier | CaseTags.Vulnerable, "communication", "problem-solving"),
        K("SNS에 응대 영상을 올린 민원인", "민원인 A가 창구 응대 장면을 몰래 촬영해 SNS에 올리고 직원 B를 비난하는 글을 썼다.",
            "\"공무원 갑질 영상. 이 직원을 징계하라.\"",
            "기관은 영상 전체 맥락을 확인하고, 직원 B에게 심리 지원을 제공했다. 공식 계정으로 사실관계를 차분히 안내하고, 영상 속 직원 얼굴의 게시 중단을 요청했다.",
            "게시물은 내려갔고, 기관은 직원 보호 매뉴얼을 보완했다.",
            "온라인 공격에는 개인이 아니라 기관이 대응하고, 직원의 회복을 먼저 챙긴다.",
            CaseChannel.Online, CaseKind.Grievance, CaseTags.Threatening | CaseTags.Unusual, "professionalism-integrity", "difficult-situations"),
        K("인감증명 대리 발급을 거절당한 자녀", "민원인 A가 입원한 아버지의 인감증명서를 대신 발급받으려 했으나 위임장이 없어 거절되었다.",
            "\"가족인데 왜 안 되냐. 아버지가 병원에 있는데 어떻게 오라는 거냐.\"",
            "직원 B는 인감증명 대리 발급의 엄격한 요건이 재산 보호를 위한 것임을 설명하고, 병원 방문 확인 제도를 안내했다.",
            "담당자가 병원을 방문해 본인 확인을 거친 뒤 발급이 이루어졌다.",
            "규정의 이유를 설명하면 거절도 보호로 이해될 수 있다.",
            CaseChannel.Visit, CaseKind.Statutory, CaseTags.None, "communication", "empathy"),
        K("민원 답변서의 어려운 행정 용어", "민원인 A가 답변서를 받고 '무슨 말인지 하나도 모르겠다'며 서면으로 다시 질의했다.",
            "\"'기속행위', '처분의 적법성' 같은 말 말고 그래서 되는 건지 안 되는 건지만 알려 달라.\"",
            "직원 B는 결론을 첫 문장에 쓰고, 용어를 쉬운 말로 바꾼 답변서를 다시 보냈다.",
            "민원인 A는 추가 질의 없이 답변을 받아들였다.",
            "답변서는 결론부터, 쉬운 말로 쓴다.",
            CaseChannel.Written, CaseKind.Inquiry, CaseTags.None, "communication"),
        K("소상공인 지원금 신청 마감 직후 항의", "민원인 A가 소상공인 지원금 온라인 신청 마감 10분 뒤에 접속해 신청하지 못했다며 전화했다.",
            "\"시스템이 느려서 늦은 거다. 책임져라.\"",
            "직원 B는 접속 기록 확인을 요청하고, 시스템 장애 여부를 전산 부서에 확인했다. 장애 시간이 확인되어 추가 접수 대상임을 안내했다.",
            "민원인 A는 추가 접수로 지원금을 받았다.",
            "민원인의 주장을 확인 가능한 사실로 바꾸어 검토하면 공정한 결론에 닿는다.",
            CaseChannel.Phone, CaseKind.Grievance, CaseTags.None, "problem-solving", "active-listening"),
        K("주민센터 시설 개선 건의 편지", "어르신 A가 손글씨 편지로 주민센터 계단에 손잡이를 달아 달라고 건의했다.",
            "\"계단을 오를 때마다 넘어질까 무섭다.\"",
            "직원 B는 손글씨 답장을 직접 써서 설치 일정을 알리고, 그동안 1층 상담 창구를 이용하도록 안내했다.",
            "한 달 뒤 손잡이가 설치되었고, 어르신 A는 감사 편지를 보내왔다.",
            "민원인이 택한 방식으로 답하는 것도 배려다.",
            CaseChannel.Written, CaseKind.Suggestion, CaseTags.Vulnerable, "empathy", "communication"),
        K("자정 넘어 걸려 온 당직실 전화", "자정이 넘은 시간, 민원인 A가 당직실에 전화해 옆집 공사 소음을 당장 멈추게 하라고 요구했다.",
            "\"지금 당장 사람을 보내라. 안 그러면 시장실에 전화하겠다.\"",
            "당직 직원 B는 야간 공사 허가 여부를 확인하고, 허가가 없음을 확인해 경찰 협조를 요청했다. 다음 날 담당 부서의 후속 조치도 약속했다.",
            "공사는 중단되었고 다음 날 과태료 처분이 내려졌다.",
            "야간 당직에서도 확인, 연계, 후속 약속의 순서를 지키면 불안이 가라앉는다.",
            CaseChannel.Phone, CaseKind.Other, CaseTags.Unusual, "telephone-on-site", "problem-solving"),
        K("세금 체납 안내에 '죽어 버리겠다'고 한 민원인", "지방세 체납 안내 전화 중 민원인 A가 '다 포기하고 죽어 버리겠다'고 말했다.",
            "\"더는 살 이유가 없다.\"",
            "직원 B는 체납 이야기를 멈추고 민원인 A의 안부를 물으며 이야기를 들었다. 동의를 받아 자살예방 상담 전화와 복지 상담을 연결하고, 분납 제도도 안내했다.",
            "민원인 A는 상담을 받았고 분납 계획을 세웠다. 팀은 위기 대응 절차를 다시 교육했다.",
            "위기 신호가 들리면 업무보다 사람을 먼저 챙기고, 전문 기관에 바로 연결한다.",
            CaseChannel.Phone, CaseKind.Grievance, CaseTags.Vulnerable | CaseTags.Unusual, "empathy", "active-listening", "difficult-situations"),
        K("공원 반려견 출입 제한 건의와 반대", "온라인 게시판에 공원 반려견 출입을 막아 달라는 건의와 반대 의견이 동시에 수십 건 올라왔다.",
            "\"아이들이 물릴까 무섭다.\" \"반려인도 세금 내는 주민이다.\"",
            "직원 B는 양측 의견을 모아 주민 설명회를 열고, 시간대별 출입 구역 조정안을 제시했다.",
            "설명회에서 조정안이 받아들여져 시범 운영에 들어갔다.",
            "갈등 민원은 한쪽 편을 들기보다 양쪽이 함께 볼 수 있는 자리를 만드는 것이 해법이다.",
            CaseChannel.Online, CaseKind.Suggestion, CaseTags.None, "problem-solving", "communication"),
        K("민원 서류를 대신 써 달라는 요청", "글을 읽기 어려운 민원인 A가 전입신고서를 대신 작성해 달라고 부탁했다.",
            "\"눈이 어두워서 글씨를 못 쓰겠다. 좀 써 주면 안 되냐.\"",
            "직원 B는 내용을 하나씩 묻고 대신 적은 뒤, 소리 내어 읽어 확인받고 서명만 직접 하게 했다.",
            "신고는 바로 처리되었다.",
            "대신 써 줄 때는 반드시 읽어 드리고 확인받는다. 배려와 정확성을 함께 지킨다.",
            CaseChannel.Visit, CaseKind.Statutory, CaseTags.Vulnerable, "empathy", "professionalism-integrity"),
        E("A resident who could not read the Korean tax notice", "Resident A, who moved to the city from abroad last year, came to the counter holding a local tax notice in Korean only.",
            "\"I do not understand this letter. Am I in trouble? Will I be deported?\"",
            "Employee B first reassured Resident A that a tax notice has nothing to do with their visa, then walked through the notice line by line in simple English and showed how to pay at a bank or online.",
            "Resident A paid the same day and asked for the city's multilingual tax guide for friends.",
            "Fear often hides behind a simple question. Answer the fear first, then the paperwork.",
            CaseChannel.Visit, CaseKind.Inquiry, CaseTags.LanguageBarrier, "communication", "empathy"),
        E("A caller who demanded the same answer from every officer", "Citizen A called the permits team five times in one afternoon, each time asking a different officer whether a fence needed a permit.",
            "\"The last person said something else. I want a yes from someone.\"",
            "Employee B read the call notes, gave the same answer with the same rule, and emailed the rule with the page number so Citizen A had it in writing.",
            "The calls stopped. The team added the fence rule to its shared answer sheet.",
            "With repeated calls, consistency across the team matters more than any single perfect answer.",
            CaseChannel.Phone, CaseKind.Inquiry, CaseTags.Repeated, "telephone-on-site", "communication"),
        E("An online complaint threatening to name an officer", "Citizen A posted on the city's online petition board that they would publish an officer's full name and photo unless a parking fine was cancelled.",
            "\"Cancel it by Friday or everyone will know who this officer is.\"",
            "Employee B answered in the name of the department, explained the appeal route and deadline, and reported the threat under the staff protection procedure.",
            "Citizen A filed an appeal. Nothing was published, and the officer was offered support.",
            "Answer as an institution, protect the person, and keep the door to the real remedy open.",
            CaseChannel.Online, CaseKind.Grievance, CaseTags.Threatening, "professionalism-integrity", "difficult-situations"),
    ];
}
