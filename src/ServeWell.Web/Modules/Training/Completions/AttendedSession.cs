using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Training.Attendance;
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
/// The attended session is the one the attendance record says (present, late or left early; the latest when there are
/// several). An enrolment marked attended without any attendance record (set by hand before attendance existed) falls
/// back to the latest session of the programme, not cancelled, that had started when the enrolment became attended (ADR-010).
/// </summary>
internal sealed class AttendedSessionFromEnrolment(ServeWellDbContext db) : IAttendedSession
{
    private IQueryable<AttendanceRecord> Attended(int programmeId) =>
        from a in db.Attendance.AsNoTracking()
        join s in db.TrainingSessions on a.SessionId equals s.Id
        where s.ProgrammeId == programmeId && s.CancelledAt == null && a.Status != AttendanceStatus.Excused
        select a;

    public async Task<int?> FindAsync(int programmeId, int employeeId, CancellationToken cancellationToken)
    {
        var recorded = await (from a in Attended(programmeId)
                              join s in db.TrainingSessions on a.SessionId equals s.Id
                              where a.EmployeeId == employeeId
                              orderby s.StartsAtUtc descending
                              select (int?)a.SessionId).FirstOrDefaultAsync(cancellationToken);
        return recorded ?? await FromEnrolmentAsync(programmeId, employeeId, cancellationToken);
    }

    public async Task<Dictionary<int, HashSet<int>>> AttendeesAsync(int programmeId, CancellationToken cancellationToken)
    {
        var result = await FromEnrolmentsAsync(programmeId, cancellationToken);
        var records = await Attended(programmeId).Select(a => new { a.SessionId, a.EmployeeId }).ToListAsync(cancellationToken);
        if (records.Count == 0)
        {
            return result;
        }

        // Whoever has a record counts where the record says, not where the fallback guessed.
        var withRecords = records.Select(r => r.EmployeeId).ToHashSet();
        foreach (var set in result.Values)
        {
            set.ExceptWith(withRecords);
        }

        foreach (var r in records)
        {
            if (!result.TryGetValue(r.SessionId, out var set))
            {
                result[r.SessionId] = set = [];
            }

            set.Add(r.EmployeeId);
        }

        return result;
    }

    private async Task<int?> FromEnrolmentAsync(int programmeId, int employeeId, CancellationToken cancellationToken)
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

    private async Task<Dictionary<int, HashSet<int>>> FromEnrolmentsAsync(int programmeId, CancellationToken cancellationToken)
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
