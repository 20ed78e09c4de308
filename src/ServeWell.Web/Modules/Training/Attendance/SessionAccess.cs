using System.Security.Claims;
using ServeWell.Web.Modules.Training.Sessions;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Training.Attendance;

/// <summary>Who may run a session (its check-in code and attendance sheet): officers and administrators, and its own internal instructor.</summary>
public static class SessionAccess
{
    public static bool CanRun(ClaimsPrincipal user, TrainingSession session) =>
        user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.TrainingOfficer)
        || (session.InstructorEmployeeId is { } instructor && user.EmployeeId() == instructor);
}
