using System.Security.Claims;
using ServeWell.Web.Platform.Layout;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Learning.Refreshers;

/// <summary>The refresher switch as the profile page shows it, posting to the refresher page and back.</summary>
public sealed record RefresherChoiceView(bool OptedOut, string ReturnTo);

/// <summary>Adds "Refreshers: on / off" to My profile for a person with an employee record (ADR-050).</summary>
internal sealed class RefresherProfileSection(RefresherSchedule schedule) : IProfileSection
{
    public async Task<ProfileSection?> ReadAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        user.EmployeeId() is { } employee
            ? new ProfileSection("/Modules/Learning/Refreshers/_Choice.cshtml", new RefresherChoiceView(await schedule.OptedOutAsync(employee, cancellationToken), "/Accounts/Profile"))
            : null;
}
