using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.Training.Sessions;

/// <summary>A session as the pages show it: on the wall clock of its zone, formatted in the reader's culture.</summary>
public sealed record SessionRow(TrainingSession Session, DateTime LocalStart, DateTime LocalEnd)
{
    /// <summary>"Tuesday, 2 March 2027, 10:00–12:00 (Asia/Seoul)", or across days when it runs past midnight.</summary>
    public string When
    {
        get
        {
            var culture = CultureInfo.CurrentCulture;
            var end = LocalEnd.Date == LocalStart.Date ? LocalEnd.ToString("t", culture) : LocalEnd.ToString("g", culture);
            return $"{LocalStart.ToString("D", culture)}, {LocalStart.ToString("t", culture)}–{end} ({Session.TimeZone})";
        }
    }

    public static SessionRow Of(TrainingSession s) => new(s, SessionTime.ToLocal(s.StartsAtUtc, s.TimeZone), SessionTime.ToLocal(s.EndsAtUtc, s.TimeZone));

    public static async Task<List<SessionRow>> ListAsync(ServeWellDbContext db, int programmeId, CancellationToken cancellationToken) =>
        (await db.TrainingSessions.AsNoTracking().Where(s => s.ProgrammeId == programmeId).OrderBy(s => s.StartsAtUtc).ThenBy(s => s.Id).ToListAsync(cancellationToken))
        .Select(Of).ToList();
}
