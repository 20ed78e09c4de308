using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.Training.Registrations;

/// <summary>
/// Finds, for people, their active registrations (a place or a place in a queue) whose session times overlap another of
/// theirs: a person cannot be in two rooms at once, so the pages and the API flag it.
/// </summary>
public static class RegistrationOverlaps
{
    /// <summary>(employee id, session id) → the other sessions of that person's that overlap it.</summary>
    public static async Task<Dictionary<(int EmployeeId, int SessionId), List<int>>> FindAsync(ServeWellDbContext db, IReadOnlyCollection<int> employeeIds, CancellationToken cancellationToken)
    {
        var result = new Dictionary<(int, int), List<int>>();
        if (employeeIds.Count == 0)
        {
            return result;
        }

        var rows = new List<(int EmployeeId, int SessionId, DateTime Start, DateTime End)>();
        foreach (var chunk in employeeIds.Distinct().Chunk(1000))
        {
            rows.AddRange((await db.SessionRegistrations.AsNoTracking()
                .Where(r => chunk.Contains(r.EmployeeId) && (r.State == RegistrationState.Registered || r.State == RegistrationState.Waitlisted))
                .Join(db.TrainingSessions.Where(s => s.CancelledAt == null), r => r.SessionId, s => s.Id, (r, s) => new { r.EmployeeId, r.SessionId, s.StartsAtUtc, s.EndsAtUtc })
                .ToListAsync(cancellationToken)).Select(x => (x.EmployeeId, x.SessionId, x.StartsAtUtc, x.EndsAtUtc)));
        }

        foreach (var person in rows.GroupBy(r => r.EmployeeId))
        {
            var list = person.OrderBy(r => r.Start).ToList();
            for (var i = 0; i < list.Count; i++)
            {
                for (var j = i + 1; j < list.Count && list[j].Start < list[i].End; j++)
                {
                    Add(result, (person.Key, list[i].SessionId), list[j].SessionId);
                    Add(result, (person.Key, list[j].SessionId), list[i].SessionId);
                }
            }
        }

        return result;
    }

    private static void Add(Dictionary<(int, int), List<int>> result, (int, int) key, int other)
    {
        if (!result.TryGetValue(key, out var list))
        {
            result[key] = list = [];
        }

        list.Add(other);
    }
}
