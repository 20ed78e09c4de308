using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Training.Evaluations;

/// <summary>
/// Whose results a reader may see: training officers, administrators and leadership every session (the figures and comments
/// carry no names); an instructor the sessions they teach.
/// </summary>
public static class ResultsScope
{
    /// <summary>The visible session ids of the programme, or null for all of them.</summary>
    public static async Task<IReadOnlySet<int>?> VisibleSessionsAsync(ClaimsPrincipal user, ServeWellDbContext db, int programmeId, CancellationToken cancellationToken)
    {
        if (user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.TrainingOfficer) || user.IsInRole(Roles.Leadership))
        {
            return null;
        }

        if (user.EmployeeId() is not { } own)
        {
            return new HashSet<int>();
        }

        // An instructor named on the programme teaches all of it; otherwise only the sessions they are named on.
        if (await db.ProgrammeInstructors.AnyAsync(i => i.ProgrammeId == programmeId && i.EmployeeId == own, cancellationToken))
        {
            return null;
        }

        return (await db.TrainingSessions.Where(s => s.ProgrammeId == programmeId && s.InstructorEmployeeId == own).Select(s => s.Id).ToListAsync(cancellationToken)).ToHashSet();
    }
}
