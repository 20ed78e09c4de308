using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.Training.Competencies;

/// <summary>
/// The competencies every customer-service programme draws on. They are reference data, not demo data, so
/// every database gets them at start-up (like the roles); a competency already there is never overwritten,
/// so a training officer's edits survive restarts.
/// </summary>
public static class CompetencyCatalogue
{
    public static readonly IReadOnlyList<(string Code, string NameEn, string NameKo, string Description)> Standard =
    [
        ("communication", "Communication", "의사소통", "Explaining rules and decisions plainly, in writing and in person."),
        ("empathy", "Empathy", "공감", "Recognising the citizen's situation and feelings and saying so."),
        ("active-listening", "Active listening", "경청", "Letting the citizen finish, summarising, asking before answering."),
        ("problem-solving", "Problem solving", "문제 해결", "Finding what the citizen needs and a way to get there, across offices."),
        ("difficult-situations", "Handling difficult situations", "어려운 상황 대응", "De-escalation, malicious and unusual complaints, protecting staff."),
        ("telephone-on-site", "Telephone and on-site response", "전화 및 현장 응대", "Courtesy on the phone, at the counter and on visits."),
        ("non-verbal", "Non-verbal presentation", "비언어적 표현", "Posture, eye contact, tone of voice and appearance."),
        ("professionalism-integrity", "Professionalism and integrity", "전문성과 청렴", "Knowing the work, keeping promises, fairness and honesty."),
    ];

    /// <summary>Adds the standard competencies that are missing; idempotent.</summary>
    public static async Task EnsureAsync(ServeWellDbContext db, CancellationToken cancellationToken)
    {
        var existing = await db.Competencies.Select(c => c.Code).ToListAsync(cancellationToken);
        var missing = Standard.Where(s => !existing.Contains(s.Code)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        foreach (var (code, en, ko, description) in missing)
        {
            db.Competencies.Add(new Competency { Code = code, NameEn = en, NameKo = ko, Description = description });
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another node starting at the same moment inserted them first; the unique code kept one copy.
            db.ChangeTracker.Clear();
        }
    }
}
