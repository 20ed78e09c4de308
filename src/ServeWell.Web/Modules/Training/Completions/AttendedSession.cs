using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Training.Enrolments;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.Training.Completions;

/// <summary>Which session of a programme an employee attended, for evaluating it and for the certificate's instructor.</summary>
public interface IAttendedSession
{
    /// <summary>The attended session's id, or null when the employee has not attended one.</summary>
    Task<int?> FindAsync(int programmeId, int employeeId, CancellationToken cancellationToken);

    /// <summary>Who attended each session of the programme (session id → employee ids), as far as attendance is known.</summary>
    Task<Dictionary<int, HashSet<int>>> AttendeesAsync(int programmeId, CancellationToken cancellationToken);
}

/// <summary>
/// Until attendance records exist beside enrolments, the attended session is taken to be the latest session of the
/// programme, not cancelled, that had started when the enrolment became attended (ADR-010). Replace this registration
/// with a read of the attendance record once it exists.
/// </summary>
internal sealed class AttendedSessionFromEnrolment(ServeWellDbContext db) : IAttendedSession
{
    public async Task<int?> FindAsync(int programmeId, int employeeId, CancellationToken cancellationToken)
    {
        var since = await db.Enrolments.AsNoTracking()
            .Where(e => e.ProgrammeId == programmeId && e.EmployeeId == employeeId && e.State == EnrolmentState.Attended)
            .Select(e => (DateTime?)e.StateSince).FirstOrDefaultAsync(cancellationToken);
        if (since is null)
        {
            return null;
        }

        var sessions = db.TrainingSessions.AsNoTracking().Where(s => s.ProgrammeId == programmeId && s.CancelledAt == null);
        return await sessions.Where(s => s.StartsAtUtc <= since).OrderByDescending(s => s.StartsAtUtc).Select(s => (int?)s.Id).FirstOrDefaultAsync(cancellationToken)
            ?? await sessions.OrderBy(s => s.StartsAtUtc).Select(s => (int?)s.Id).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<Dictionary<int, HashSet<int>>> AttendeesAsync(int programmeId, CancellationToken cancellationToken)
    {
        var sessions = await db.TrainingSessions.AsNoTracking().Where(s => s.ProgrammeId == programmeId && s.CancelledAt == null)
            .OrderBy(s => s.StartsAtUtc).Select(s => new { s.Id, s.StartsAtUtc }).ToListAsync(cancellationToken);
        var attended = await db.Enrolments.AsNoTracking().Where(e => e.ProgrammeId == programmeId && e.State == EnrolmentState.Attended)
            .Select(e => new { e.EmployeeId, e.StateSince }).ToListAsync(cancellationToken);
        var result = sessions.ToDictionary(s => s.Id, _ => new HashSet<int>());
        if (sessions.Count == 0)
        {
            return result;
        }

        foreach (var a in attended)
        {
            var session = sessions.LastOrDefault(s => s.StartsAtUtc <= a.StateSince) ?? sessions[0];
            result[session.Id].Add(a.EmployeeId);
        }

        return result;
    }
}
