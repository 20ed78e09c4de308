using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Training.Registrations;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.Training.Sessions;

/// <summary>A session with its programme's title and how many have a place: a line of an agenda.</summary>
public sealed record AgendaSession(SessionRow Row, string ProgrammeTitle, int Registered);

/// <summary>
/// Sessions as agendas read them: the ones a person teaches (named as the internal instructor, the rule that lets them
/// run check-in), and the city's coming ones. "My sessions" and the home pages read them here.
/// </summary>
public sealed class SessionAgenda(ServeWellDbContext db, TimeProvider clock)
{
    /// <summary>The sessions <paramref name="instructor"/> teaches: those not yet ended, soonest first, then the past ones, latest first.</summary>
    public async Task<(IReadOnlyList<AgendaSession> Coming, IReadOnlyList<AgendaSession> Past)> TaughtByAsync(int instructor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await ReadAsync(db.TrainingSessions.Where(s => s.InstructorEmployeeId == instructor), cancellationToken);
        return (
            rows.Where(r => r.Row.Session.EndsAtUtc > now).OrderBy(r => r.Row.Session.StartsAtUtc).ToList(),
            rows.Where(r => r.Row.Session.EndsAtUtc <= now).OrderByDescending(r => r.Row.Session.StartsAtUtc).ToList());
    }

    /// <summary>The sessions not cancelled that start within <paramref name="days"/> days (or are under way), soonest first, at most <paramref name="take"/>.</summary>
    public async Task<IReadOnlyList<AgendaSession>> ComingAsync(int days, int take, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now.AddDays(days);
        var ids = await db.TrainingSessions.AsNoTracking()
            .Where(s => s.CancelledAt == null && s.EndsAtUtc > now && s.StartsAtUtc <= until)
            .OrderBy(s => s.StartsAtUtc).ThenBy(s => s.Id).Take(take).Select(s => s.Id).ToListAsync(cancellationToken);
        return (await ReadAsync(db.TrainingSessions.Where(s => ids.Contains(s.Id)), cancellationToken))
            .OrderBy(r => r.Row.Session.StartsAtUtc).ThenBy(r => r.Row.Session.Id).ToList();
    }

    private async Task<List<AgendaSession>> ReadAsync(IQueryable<TrainingSession> sessions, CancellationToken cancellationToken)
    {
        var found = await sessions.AsNoTracking()
            .Join(db.Programmes, s => s.ProgrammeId, p => p.Id, (s, p) => new { Session = s, p.Title })
            .ToListAsync(cancellationToken);
        var ids = found.Select(s => s.Session.Id).ToList();
        var registered = await db.SessionRegistrations.AsNoTracking().Where(r => ids.Contains(r.SessionId) && r.State == RegistrationState.Registered)
            .GroupBy(r => r.SessionId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return found.Select(s => new AgendaSession(SessionRow.Of(s.Session), s.Title.ToString(), registered.GetValueOrDefault(s.Session.Id))).ToList();
    }
}
