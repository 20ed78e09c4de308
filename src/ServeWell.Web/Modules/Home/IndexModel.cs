using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Home;

/// <summary>
/// The home page answers "what should I do now?" (ADR-036): one section per role of the signed-in person, the most
/// operational first, each read within the person's scope and linking to the page where the work is done.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(HomeRead read) : PageModel
{
    /// <summary>The person's roles in the order their sections are shown.</summary>
    public IReadOnlyList<string> Sections { get; private set; } = [];

    public EmployeeHome? Employee { get; private set; }

    public InstructorHome? Instructor { get; private set; }

    public SupervisorHome? Supervisor { get; private set; }

    public LeadershipHome? Leadership { get; private set; }

    public TrainingOfficerHome? TrainingOfficer { get; private set; }

    public AdministratorHome? Administrator { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Sections = HomeSections.Order.Where(User.IsInRole).ToList();
        foreach (var role in Sections)
        {
            switch (role)
            {
                case Roles.Employee:
                    Employee = await read.EmployeeAsync(User, cancellationToken);
                    break;
                case Roles.Instructor:
                    Instructor = await read.InstructorAsync(User, cancellationToken);
                    break;
                case Roles.Supervisor:
                    Supervisor = await read.SupervisorAsync(User, cancellationToken);
                    break;
                case Roles.Leadership:
                    Leadership = await read.LeadershipAsync(User, cancellationToken);
                    break;
                case Roles.TrainingOfficer:
                    TrainingOfficer = await read.TrainingOfficerAsync(cancellationToken);
                    break;
                case Roles.Administrator:
                    Administrator = await read.AdministratorAsync(cancellationToken);
                    break;
            }
        }
    }
}
