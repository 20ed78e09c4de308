using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.People.Grades;
using ServeWell.Web.Modules.Training.Audiences;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Training.Programmes;

/// <summary>A programme for everyone who may read programmes: the audience as a rule and a count, not a list of names.</summary>
[Authorize(Policy = Policies.ViewTraining)]
public sealed class DetailsModel(ServeWellDbContext db, MatchAudience match, IAuthorizationService authorization) : PageModel
{
    public sealed record InstructorRow(InstructorKind Kind, string Name, string? EmployeeNumber, string? Organisation, string? Credentials);

    public Programme Programme { get; private set; } = null!;

    public IReadOnlyList<InstructorRow> Instructors { get; private set; } = [];

    /// <summary>Org unit codes of the rule with their names in the reader's language.</summary>
    public IReadOnlyList<(string Code, string Name)> Units { get; private set; } = [];

    public int AudienceCount { get; private set; }

    public GradeScale Scale { get; private set; } = GradeScale.Korean();

    public bool CanManage { get; private set; }


    public bool English { get; } = Cultures.ReadsEnglish;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var programme = await db.Programmes.AsNoTracking().Include(p => p.Competencies).Include(p => p.Instructors)
            .AsSplitQuery().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (programme is null)
        {
            return NotFound();
        }

        Programme = programme;
        var ids = programme.Instructors.Select(i => i.EmployeeId).OfType<int>().ToList();
        var numbers = await db.Employees.Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.EmployeeNumber, cancellationToken);
        Instructors = programme.Instructors.OrderBy(i => i.Order)
            .Select(i => new InstructorRow(i.Kind, i.Name, i.EmployeeId is { } e && numbers.TryGetValue(e, out var n) ? n : null, i.Organisation, i.Credentials))
            .ToList();
        var codes = programme.Audience.OrgUnitCodes ?? [];
        var units = await db.OrgUnits.AsNoTracking().Where(u => codes.Contains(u.Code)).ToListAsync(cancellationToken);
        Units = units.OrderBy(u => u.Path, StringComparer.Ordinal).Select(u => (u.Code, u.DisplayName(English))).ToList();
        AudienceCount = await match.CountAsync(programme.Audience, cancellationToken);
        Scale = await db.GradeScales.CurrentAsync(cancellationToken);
        CanManage = (await authorization.AuthorizeAsync(User, Policies.ManageTraining)).Succeeded;
        return Page();
    }
}
