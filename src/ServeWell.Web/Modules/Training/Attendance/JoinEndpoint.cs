using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Training.Registrations;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Web;

namespace ServeWell.Web.Modules.Training.Attendance;

/// <summary>
/// <c>/join/{token}</c>: the personal join link of one registration. It needs no sign-in (it is opened on whatever device
/// joins the meeting; the 256-bit token is the proof), records the join while check-in is open, and forwards to the
/// meeting address.
/// </summary>
public static class JoinEndpoint
{
    public static IEndpointRouteBuilder MapJoinLink(this IEndpointRouteBuilder app)
    {
        app.MapGet("/join/{token}", JoinAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> JoinAsync(string token, ServeWellDbContext db, RecordAttendance attendance, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (token.Length is < 20 or > 64)
        {
            return Results.NotFound();
        }

        var found = await db.SessionRegistrations.AsNoTracking().Where(r => r.JoinToken == token)
            .Join(db.TrainingSessions, r => r.SessionId, s => s.Id, (r, s) => new { r.EmployeeId, r.State, Session = s })
            .FirstOrDefaultAsync(cancellationToken);
        if (found?.Session.JoinUrl is not { } joinUrl || found.Session.IsCancelled)
        {
            return Results.NotFound();
        }

        if (found.State is RegistrationState.Registered or RegistrationState.NoShow && attendance.IsOpen(found.Session, clock.GetUtcNow().UtcDateTime))
        {
            try
            {
                await attendance.ArriveAsync(found.Session.Id, found.EmployeeId, AttendanceChannel.JoinLink, "join-link", cancellationToken);
            }
            catch (DomainRuleException)
            {
                // Joining always works; only the record is skipped when the rules say no (e.g. the place was cancelled).
            }
        }

        return Results.Redirect(joinUrl);
    }
}
