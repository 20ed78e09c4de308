using Microsoft.AspNetCore.Authorization;

namespace ServeWell.Web.Platform.Security;

/// <summary>
/// Every page and endpoint names one of these. What a role may see inside a policy is narrowed further
/// by <see cref="StaffScope"/> (a supervisor sees only their own subtree).
/// </summary>
public static class Policies
{
    /// <summary>Any signed-in staff member, whatever their role.</summary>
    public const string Staff = nameof(Staff);

    /// <summary>Browse org units and employees (within scope).</summary>
    public const string ViewPeople = nameof(ViewPeople);

    /// <summary>Edit employees and import the roster.</summary>
    public const string ManageEmployees = nameof(ManageEmployees);

    /// <summary>Create, rename, move and deactivate org units; set the grade scale.</summary>
    public const string ManageOrganisation = nameof(ManageOrganisation);

    /// <summary>Read training programmes and the competency catalogue.</summary>
    public const string ViewTraining = nameof(ViewTraining);

    /// <summary>Create and edit programmes, their audiences and the competency catalogue.</summary>
    public const string ManageTraining = nameof(ManageTraining);

    /// <summary>Read follow-up cases of citizen feedback (within scope).</summary>
    public const string ViewFollowUps = nameof(ViewFollowUps);

    /// <summary>Act on follow-up cases (within scope): move them along, reassign them, reveal the citizen's contact.</summary>
    public const string HandleFollowUps = nameof(HandleFollowUps);

    /// <summary>
    /// Run sessions: the check-in code and the attendance sheet. Instructors only for the sessions they teach (checked
    /// per session); training officers and administrators for all.
    /// </summary>
    public const string TeachTraining = nameof(TeachTraining);

    /// <summary>Read the service catalogue, touchpoints and citizen feedback (within scope).</summary>
    public const string ViewFeedback = nameof(ViewFeedback);

    /// <summary>Edit the service catalogue and touchpoints: codes, rotation, retirement, kiosk devices.</summary>
    public const string ManageFeedback = nameof(ManageFeedback);

    /// <summary>Evaluation and knowledge-check results of sessions and programmes (instructors: the sessions they teach).</summary>
    public const string ViewTrainingResults = nameof(ViewTrainingResults);

    /// <summary>Who is due, overdue and complete, per org unit and programme (within scope).</summary>
    public const string ViewCompliance = nameof(ViewCompliance);

    /// <summary>Satisfaction dashboards over the rollups of citizen answers (within scope: a supervisor sees their subtree).</summary>
    public const string ViewInsights = nameof(ViewInsights);

    /// <summary>
    /// Figures per employee of the subtree, shown only above the minimum group size (ADR-019): supervisors only —
    /// leadership and training officers never see per-employee figures.
    /// </summary>
    public const string ViewEmployeeInsights = nameof(ViewEmployeeInsights);

    /// <summary>The signed-in employee's own figures (the account's linked employee), above the minimum group size (ADR-019).</summary>
    public const string ViewOwnInsights = nameof(ViewOwnInsights);

    /// <summary>
    /// Leave a citizen answer out of every figure (spam, a test, a duplicate, abuse) and restore it (ADR-022):
    /// administrators for all answers, supervisors for the offices of their subtree.
    /// </summary>
    public const string ReviseFeedback = nameof(ReviseFeedback);

    /// <summary>Mark who is on duty at an office (ADR-040): administrators for all offices, supervisors for those of their subtree.</summary>
    public const string MarkDuty = nameof(MarkDuty);

    /// <summary>Accounts, roles, API keys, the audit log and the mail outbox.</summary>
    public const string Administer = nameof(Administer);

    /// <summary>Courtesy award schemes and rounds (ADR-058): rules, jurors, candidates and nominations.</summary>
    public const string ManageAwards = nameof(ManageAwards);

    /// <summary>Award rounds' candidates with their citizens' figures, nominations and the jury's totals (ADR-058): officers all, leadership within their scope.</summary>
    public const string ViewAwards = nameof(ViewAwards);

    /// <summary>Approve a scored award round or send it back (ADR-058): leadership, for rounds within their scope.</summary>
    public const string ApproveAwards = nameof(ApproveAwards);

    public static readonly IReadOnlyDictionary<string, string[]> RolesByPolicy = new Dictionary<string, string[]>
    {
        [Staff] = [.. Roles.All],
        [ViewPeople] = [Roles.Administrator, Roles.TrainingOfficer, Roles.Supervisor, Roles.Leadership],
        [ManageEmployees] = [Roles.Administrator, Roles.TrainingOfficer],
        [ManageOrganisation] = [Roles.Administrator],
        [ViewTraining] = [Roles.Administrator, Roles.TrainingOfficer, Roles.Supervisor, Roles.Leadership, Roles.Instructor],
        [ManageTraining] = [Roles.Administrator, Roles.TrainingOfficer],
        [ViewFollowUps] = [Roles.Administrator, Roles.Supervisor, Roles.Leadership],
        [HandleFollowUps] = [Roles.Administrator, Roles.Supervisor],
        [TeachTraining] = [Roles.Administrator, Roles.TrainingOfficer, Roles.Instructor],
        [ViewFeedback] = [Roles.Administrator, Roles.TrainingOfficer, Roles.Supervisor, Roles.Leadership],
        [ManageFeedback] = [Roles.Administrator, Roles.TrainingOfficer],
        [ViewTrainingResults] = [Roles.Administrator, Roles.TrainingOfficer, Roles.Instructor, Roles.Leadership],
        [ViewCompliance] = [Roles.Administrator, Roles.TrainingOfficer, Roles.Supervisor, Roles.Leadership],
        [ViewInsights] = [Roles.Administrator, Roles.TrainingOfficer, Roles.Supervisor, Roles.Leadership],
        [ViewEmployeeInsights] = [Roles.Supervisor],
        [ViewOwnInsights] = [Roles.Employee, Roles.Supervisor],
        [ReviseFeedback] = [Roles.Administrator, Roles.Supervisor],
        [MarkDuty] = [Roles.Administrator, Roles.Supervisor],
        [Administer] = [Roles.Administrator],
        [ManageAwards] = [Roles.Administrator, Roles.TrainingOfficer],
        [ViewAwards] = [Roles.Administrator, Roles.TrainingOfficer, Roles.Leadership],
        [ApproveAwards] = [Roles.Leadership],
    };

    public static void Register(AuthorizationOptions options)
    {
        foreach (var (name, roles) in RolesByPolicy)
        {
            options.AddPolicy(name, p => p.RequireAuthenticatedUser().RequireRole(roles));
        }

        // Anything that forgot to say who may use it is closed to everyone.
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAssertion(_ => false).Build();
    }
}
