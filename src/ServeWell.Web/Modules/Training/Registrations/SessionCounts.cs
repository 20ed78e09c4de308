using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.Training.Registrations;

/// <summary>Places taken and people waiting, per session, in one query.</summary>
public sealed class SessionCounts(Dictionary<(int SessionId, RegistrationState State), int> counts)
{
    public int Registered(int sessionId) => counts.GetValueOrDefault((sessionId, RegistrationState.Registered));

    public int Waiting(int sessionId) => counts.GetValueOrDefault((sessionId, RegistrationState.Waitlisted));

    public static async Task<SessionCounts> ReadAsync(ServeWellDbContext db, IReadOnlyCollection<int> sessionIds, CancellationToken cancellationToken) =>
        new((await db.SessionRegistrations.AsNoTracking()
            .Where(r => sessionIds.Contains(r.SessionId) && (r.State == RegistrationState.Registered || r.State == RegistrationState.Waitlisted))
            .GroupBy(r => new { r.SessionId, r.State }).Select(g => new { g.Key.SessionId, g.Key.State, Count = g.Count() })
            .ToListAsync(cancellationToken)).ToDictionary(x => (x.SessionId, x.State), x => x.Count));
}
