namespace ServeWell.Web.Platform.Security;

public static class Roles
{
    public const string Administrator = nameof(Administrator);
    public const string TrainingOfficer = nameof(TrainingOfficer);
    public const string Instructor = nameof(Instructor);
    public const string Supervisor = nameof(Supervisor);
    public const string Leadership = nameof(Leadership);
    public const string Employee = nameof(Employee);

    public static readonly IReadOnlyList<string> All = [Administrator, TrainingOfficer, Instructor, Supervisor, Leadership, Employee];

    /// <summary>Roles whose view of people and data is limited to the subtree of their scope org unit.</summary>
    public static readonly IReadOnlyList<string> Scoped = [Supervisor, Leadership];
}
