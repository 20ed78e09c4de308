using ServeWell.Web.Modules.FollowUps.Cases;
using ServeWell.Web.Modules.Insights.Explore;
using ServeWell.Web.Modules.Insights.Overview;
using ServeWell.Web.Modules.Training.Compliance;
using ServeWell.Web.Modules.Training.MyTraining;
using ServeWell.Web.Modules.Training.Sessions;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Home;

/// <summary>
/// The home page's sections, one per role, in the order they are shown to a person with several roles: the most
/// operational first — what must be done today (check-in, overdue cases), then what is coming, then the figures to watch.
/// </summary>
public static class HomeSections
{
    public static readonly IReadOnlyList<string> Order =
        [Roles.Instructor, Roles.Supervisor, Roles.TrainingOfficer, Roles.Employee, Roles.Administrator, Roles.Leadership];
}

/// <summary>
/// The employee's training still to do (each with its next step), their next session, the refresher questions due today
/// (ADR-050, 0 when opted out) and the latest feedback.
/// </summary>
public sealed record EmployeeHome(
    bool Linked, IReadOnlyList<MyProgramme> ToDo, MyProgramme? NextSession, OwnFiguresDto? Own, string? OfficeName, SatisfactionFigure? Office, int Minimum, DateOnly Today,
    int RefreshersDue = 0);

/// <summary>The sessions the instructor teaches next, each one click from its check-in code.</summary>
public sealed record InstructorHome(bool Linked, IReadOnlyList<AgendaSession> Coming);

/// <summary>The supervisor's open and overdue cases, and their unit's training completion and citizen satisfaction.</summary>
public sealed record SupervisorHome(string? UnitName, FollowUpList Cases, ComplianceCounts Training, IReadOnlyList<KpiTile> Tiles);

/// <summary>Leadership's key figures for the period against the one before, the worst services and the overdue cases.</summary>
public sealed record LeadershipHome(
    string? UnitName, KpiPeriod Period, IReadOnlyList<KpiTile> Tiles, IReadOnlyList<ProblemServiceRow> WorstServices, string ServicesLink, FollowUpList Overdue, int Minimum);

/// <summary>A programme with people overdue or due within 30 days.</summary>
public sealed record ProgrammeAtRisk(int ProgrammeId, string Title, int Overdue, int DueSoon);

/// <summary>The training officer's coming sessions and the compliance at risk.</summary>
public sealed record TrainingOfficerHome(IReadOnlyList<AgendaSession> Coming, ComplianceCounts Compliance, IReadOnlyList<ProgrammeAtRisk> AtRisk);

/// <summary>
/// A background job's lease: late when it has not been taken up again within an hour of expiring. A lease no node has
/// ever held (<see cref="ExpiresAtUtc"/> null) has not run yet, or is a lock row and no periodic job (the rollup lock).
/// </summary>
public sealed record JobState(string Name, DateTime? ExpiresAtUtc, bool Late);

/// <summary>A roster import of the last ones.</summary>
public sealed record ImportState(Guid Id, string FileName, string Status, DateTime UpdatedAtUtc, bool Failed);

/// <summary>The health of the installation: background jobs, the mail outbox, the latest roster imports.</summary>
public sealed record AdministratorHome(IReadOnlyList<JobState> Jobs, int MailPending, int MailFailed, IReadOnlyList<ImportState> Imports);
