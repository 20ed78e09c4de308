using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Training.Attendance;
using ServeWell.Web.Modules.Training.Sessions;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.Training.Registrations;

/// <summary>One person on a session's list: their place (or place in the queue), overlaps with their other sessions, and attendance.</summary>
public sealed record RosterEntry(
    int EmployeeId, string EmployeeNumber, string Name, string OrgUnitCode, SessionRegistration Registration, int WaitlistPosition,
    IReadOnlyList<TrainingSession> Overlaps, AttendanceRecord? Attendance);

/// <summary>Reads who is registered and waiting for a session, in waitlist order, for the officer's pages, the attendance sheet and the API.</summary>
public static class SessionRoster
{
    public static async Task<List<RosterEntry>> ReadAsync(ServeWellDbContext db, int sessionId, bool includeCancelled, CancellationToken cancellationToken)
    {
        var rows = await db.SessionRegistrations.AsNoTracking()
            .Where(r => r.SessionId == sessionId && (includeCancelled || r.State != RegistrationState.Cancelled))
            .Join(db.Employees, r => r.EmployeeId, e => e.Id, (r, e) => new { r, e.EmployeeNumber, e.Name, Unit = e.OrgUnit!.Code })
            .ToListAsync(cancellationToken);
        var employeeIds = rows.Select(x => x.r.EmployeeId).ToList();
        var overlaps = await RegistrationOverlaps.FindAsync(db, employeeIds, cancellationToken);
        var otherIds = overlaps.Values.SelectMany(v => v).Distinct().ToList();
        var others = await db.TrainingSessions.AsNoTracking().Where(s => otherIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        var attendance = await db.Attendance.AsNoTracking().Where(a => a.SessionId == sessionId).ToDictionaryAsync(a => a.EmployeeId, cancellationToken);
        var position = 0;
        return rows
            .OrderBy(x => x.r.State).ThenBy(x => x.r.State == RegistrationState.Waitlisted ? x.r.AskedAt : DateTime.MinValue).ThenBy(x => x.r.Id).ThenBy(x => x.EmployeeNumber)
            .Select(x => new RosterEntry(
                x.r.EmployeeId, x.EmployeeNumber, x.Name, x.Unit, x.r,
                x.r.State == RegistrationState.Waitlisted ? ++position : 0,
                overlaps.TryGetValue((x.r.EmployeeId, sessionId), out var list) ? list.Select(id => others[id]).OrderBy(s => s.StartsAtUtc).ToList() : [],
                attendance.GetValueOrDefault(x.r.EmployeeId)))
            .ToList();
    }
}
