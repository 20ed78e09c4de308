using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.People.Employees;
using ServeWell.Web.Modules.Training.Audiences;
using ServeWell.Web.Modules.Training.Competencies;
using ServeWell.Web.Modules.Training.Programmes;
using ServeWell.Web.Platform.Data;

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

        var complaints = Programme("Handling civil complaints from the moment of receipt",
            "From receipt to reply: registering a complaint, keeping the citizen informed, handling malicious and unusual complaints, and closing it. For team leaders and above, who decide how complaints are handled.",
            Delivery.InPerson, 4, mandatory: true, today.AddMonths(3), recurrenceMonths: null, CompletionRequirements.Attended | CompletionRequirements.EvaluationSubmitted,
            new AudienceRule { AtOrAboveGrade = 5 }, now);
        complaints.Instructors.Add(await HeadOfAsync(db, "O-CIVIL", 0, cancellationToken));

        var expressions = Programme("Considerate expressions toward complainants",
            "Words and tone that respect the citizen, on the phone and at the counter, with examples from our own complaints.",
            Delivery.LiveOnline, 2, mandatory: true, today.AddMonths(2), recurrenceMonths: 12, CompletionRequirements.Attended | CompletionRequirements.KnowledgeCheckPassed,
            new AudienceRule { AtOrBelowGrade = 6 }, now);

        var visiting = Programme("Visiting Courtesy Training",
            "Senior officials teach from real cases how to greet, listen to and help citizens who come to the community service centres.",
            Delivery.InPerson, 3, mandatory: true, today.AddMonths(4), recurrenceMonths: null, CompletionRequirements.Attended,
            new AudienceRule { MaxServiceYearsExclusive = 10, OrgUnitCodes = ["D-COM"] }, now);
        visiting.Instructors.Add(await HeadOfAsync(db, "C-JUNGANG", 0, cancellationToken));
        visiting.Instructors.Add(await HeadOfAsync(db, "C-HANNAM", 1, cancellationToken));

        var excellence = Programme("Customer service excellence",
            "A day on what citizens expect, first impressions, handling complaints and keeping service promises, for everyone in the two busiest offices.",
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
        string title, string description, Delivery delivery, decimal hours, bool mandatory, DateOnly due, int? recurrenceMonths,
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
