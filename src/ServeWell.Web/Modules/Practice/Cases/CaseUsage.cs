using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Learning.Courses;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.Practice.Cases;

/// <summary>Something that uses a case: a lesson, a session, a scenario, with a link to it.</summary>
public sealed record CaseUse(string Kind, LocalText Title, string Url);

/// <summary>
/// Where a case is used (ADR-053). Cases asks every implementation; Scenarios can add one for scenarios built from a case
/// without Cases knowing about them.
/// </summary>
public interface ICaseUsage
{
    Task<IReadOnlyList<CaseUse>> UsesOfAsync(int caseId, CancellationToken cancellationToken);
}

/// <summary>Lessons of self-study courses whose Markdown links to the case (/Practice/Cases/{id}).</summary>
public sealed class LessonCaseUsage(ServeWellDbContext db) : ICaseUsage
{
    public async Task<IReadOnlyList<CaseUse>> UsesOfAsync(int caseId, CancellationToken cancellationToken)
    {
        var link = "/Practice/Cases/" + caseId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var lessons = await db.Set<CourseLesson>().AsNoTracking()
            .Where(x => x.Body.Ko.Contains(link) || x.Body.En.Contains(link))
            .Join(db.Set<CourseSection>(), x => x.SectionId, s => s.Id, (x, s) => new { x.Title, x.Body, s.CourseId })
            .Take(50)
            .ToListAsync(cancellationToken);
        // A link to /Practice/Cases/12 is not a link to /Practice/Cases/123.
        return [.. lessons
            .Where(x => LinksTo(x.Body.Ko, link) || LinksTo(x.Body.En, link))
            .Select(x => new CaseUse("Lesson", x.Title, $"/Learning/Courses/{x.CourseId}"))];
    }

    private static bool LinksTo(string body, string link)
    {
        for (var at = body.IndexOf(link, StringComparison.Ordinal); at >= 0; at = body.IndexOf(link, at + 1, StringComparison.Ordinal))
        {
            var end = at + link.Length;
            if (end == body.Length || !char.IsDigit(body[end]))
            {
                return true;
            }
        }

        return false;
    }
}
