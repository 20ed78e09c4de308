using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.People.Employees;
using ServeWell.Web.Modules.Training.Audiences;
using ServeWell.Web.Modules.Training.Competencies;
using ServeWell.Web.Modules.Training.Programmes;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.Demo;

/// <summary>
/// Programmes that real local governments ran, expressed as audience rules over Hanbit City: Dongducheon's
/// complaint handling for grade 5 and above and its considerate expressions for grade 6 and below, Yongsan-gu's
/// visiting courtesy training for community-centre staff under ten years of service, and Himamaylan's customer
/// service excellence for two offices with an outside expert.
/// </summary>
internal static class DemoProgrammes
{
    public static async Task SeedAsync(ServeWellDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        if (await db.Programmes.AnyAsync(cancellationToken))
        {
            return;
        }

        await CompetencyCatalogue.EnsureAsync(db, cancellationToken);
        var competencies = await db.Competencies.ToDictionaryAsync(c => c.Code, cancellationToken);
        var today = DateOnly.FromDateTime(now);

        var complaints = Programme(
            new("Handling civil complaints from the moment of receipt", "접수부터 시작하는 민원 처리"),
            new(
                "From receipt to reply: registering a complaint, keeping the citizen informed, handling malicious and unusual complaints, and closing it. For team leaders and above, who decide how complaints are handled.",
                "접수에서 회신까지: 민원 등록, 처리 상황 안내, 악성·특이 민원 대응, 종결까지 다룹니다. 민원 처리 방향을 정하는 팀장급 이상이 대상입니다."),
            Delivery.InPerson, 4, mandatory: true, today.AddMonths(3), recurrenceMonths: null, CompletionRequirements.Attended | CompletionRequirements.EvaluationSubmitted,
            new AudienceRule { AtOrAboveGrade = 5 }, now);
        complaints.Instructors.Add(await HeadOfAsync(db, "O-CIVIL", 0, cancellationToken));

        var expressions = Programme(
            new("Considerate expressions toward complainants", "민원인을 배려하는 표현"),
            new(
                "Words and tone that respect the citizen, on the phone and at the counter, with examples from our own complaints.",
                "전화와 창구에서 시민을 존중하는 말과 어조를 우리 시의 실제 민원 사례로 익힙니다."),
            Delivery.LiveOnline, 2, mandatory: true, today.AddMonths(2), recurrenceMonths: 12, CompletionRequirements.Attended | CompletionRequirements.KnowledgeCheckPassed,
            new AudienceRule { AtOrBelowGrade = 6 }, now);

        var visiting = Programme(
            new("Visiting Courtesy Training", "찾아가는 친절 교육"),
            new(
                "Senior officials teach from real cases how to greet, listen to and help citizens who come to the community service centres.",
                "선배 공무원이 실제 사례로 행정복지센터를 찾은 시민을 맞이하고, 경청하고, 돕는 방법을 가르칩니다."),
            Delivery.InPerson, 3, mandatory: true, today.AddMonths(4), recurrenceMonths: null, CompletionRequirements.Attended,
            new AudienceRule { MaxServiceYearsExclusive = 10, OrgUnitCodes = ["D-COM"] }, now);
        visiting.Instructors.Add(await HeadOfAsync(db, "C-JUNGANG", 0, cancellationToken));
        visiting.Instructors.Add(await HeadOfAsync(db, "C-HANNAM", 1, cancellationToken));

        var excellence = Programme(
            new("Customer service excellence", "고객 서비스 역량 향상"),
            new(
                "A day on what citizens expect, first impressions, handling complaints and keeping service promises, for everyone in the two busiest offices.",
                "시민이 기대하는 것, 첫인상, 불만 응대, 서비스 약속 지키기를 하루 동안 다룹니다. 가장 붐비는 두 부서의 전 직원이 대상입니다."),
            Delivery.InPerson, 8, mandatory: false, today.AddMonths(1), recurrenceMonths: null, CompletionRequirements.Attended | CompletionRequirements.EvaluationSubmitted,
            new AudienceRule { OrgUnitCodes = ["O-CIVIL", "O-TAX"] }, now);
        excellence.Instructors.Add(new ProgrammeInstructor
        {
            Kind = InstructorKind.External, Name = "Paul Joseph A. Mijares", Organisation = "Customer experience consultant",
            Credentials = "11 years in customer experience, Lean Six Sigma Yellow Belt",
        });

        Cover(complaints, competencies, "difficult-situations", "communication", "problem-solving", "professionalism-integrity");
        Cover(expressions, competencies, "communication", "empathy", "non-verbal");
        Cover(visiting, competencies, "telephone-on-site", "active-listening", "empathy", "difficult-situations");
        Cover(excellence, competencies, "communication", "empathy", "active-listening", "problem-solving", "professionalism-integrity");
        db.Programmes.AddRange(complaints, expressions, visiting, excellence);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static Programme Programme(
        LocalText title, LocalText description, Delivery delivery, decimal hours, bool mandatory, DateOnly due, int? recurrenceMonths,
        CompletionRequirements completion, AudienceRule audience, DateTime now) => new()
        {
            Title = title, Description = description, Delivery = delivery, Hours = hours, IsMandatory = mandatory, DueDate = due,
            RecurrenceMonths = recurrenceMonths, Completion = completion, Audience = audience, CreatedAt = now, UpdatedAt = now,
        };

    private static void Cover(Programme programme, Dictionary<string, Competency> competencies, params string[] codes) =>
        programme.Competencies.AddRange(codes.Select(c => competencies[c]));

    /// <summary>The head of a unit (its most senior employee) as an internal instructor.</summary>
    private static async Task<ProgrammeInstructor> HeadOfAsync(ServeWellDbContext db, string unitCode, int order, CancellationToken cancellationToken)
    {
        var head = await db.Employees.AsNoTracking()
            .Where(e => e.OrgUnit!.Code == unitCode && e.Status != EmployeeStatus.Left)
            .OrderBy(e => e.Grade).ThenBy(e => e.EmployeeNumber)
            .Select(e => new { e.Id, e.Name })
            .FirstAsync(cancellationToken);
        return new ProgrammeInstructor { Kind = InstructorKind.Internal, EmployeeId = head.Id, Name = head.Name, Order = order };
    }
}
