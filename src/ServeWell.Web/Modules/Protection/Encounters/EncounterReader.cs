using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Protection.Encounters;

/// <summary>How much of an encounter a reader may see (ADR-059).</summary>
public enum EncounterView
{
    /// <summary>Nothing: peers, training officers, instructors, leadership (who see counts only).</summary>
    None,

    /// <summary>Everything but the words: the description and the injury scrubbed of personal data.</summary>
    Scrubbed,

    /// <summary>The employee's own words: the employee and the protection officers over them.</summary>
    Full,
}

/// <summary>
/// The one place that decides who sees an encounter, used by every page and endpoint (ADR-059): the employee; their
/// supervisors up the org tree and administrators, scrubbed; the protection officers designated for a unit above the
/// employee, in full; never peers; leadership only as counts. A protection officer and a supervisor act on what they see.
/// </summary>
public sealed record EncounterReader(string UserId, string Name, int? EmployeeId, bool Administrator, string? SupervisorPath, IReadOnlyList<string> OfficerPaths)
{
    public bool IsOfficer => OfficerPaths.Count > 0;

    public static async Task<EncounterReader> ForAsync(ClaimsPrincipal user, ServeWellDbContext db, CancellationToken cancellationToken)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        string? supervisorPath = null;
        if (user.IsInRole(Roles.Supervisor) && user.ScopeOrgUnitId() is { } scope)
        {
            supervisorPath = await db.OrgUnits.Where(u => u.Id == scope).Select(u => u.Path).FirstOrDefaultAsync(cancellationToken);
        }

        var officerPaths = userId.Length == 0 ? [] : await db.Set<ProtectionOfficer>().Where(o => o.UserId == userId)
            .Select(o => o.OrgUnit!.Path).ToListAsync(cancellationToken);
        return new(userId, user.ShownName(), user.EmployeeId(), user.IsInRole(Roles.Administrator), supervisorPath, officerPaths);
    }

    /// <summary>What this reader sees of an encounter of an employee in the unit at <paramref name="employeeUnitPath"/>.</summary>
    public EncounterView ViewOf(int employeeId, string employeeUnitPath)
    {
        if (employeeId == EmployeeId || OfficerPaths.Any(p => employeeUnitPath.StartsWith(p, StringComparison.Ordinal)))
        {
            return EncounterView.Full;
        }

        return Administrator || (SupervisorPath is { } s && employeeUnitPath.StartsWith(s, StringComparison.Ordinal))
            ? EncounterView.Scrubbed : EncounterView.None;
    }

    /// <summary>Whether this reader may log an encounter for the employee: themself, or staff of their subtree as supervisor or officer.</summary>
    public bool MayLogFor(int employeeId, string employeeUnitPath) =>
        employeeId == EmployeeId
        || OfficerPaths.Any(p => employeeUnitPath.StartsWith(p, StringComparison.Ordinal))
        || (SupervisorPath is { } s && employeeUnitPath.StartsWith(s, StringComparison.Ordinal));

    /// <summary>Whether this reader acts on the encounter (support, legal action, restrictions): its officers, supervisors and administrators.</summary>
    public bool MayAct(int employeeId, string employeeUnitPath) =>
        ViewOf(employeeId, employeeUnitPath) != EncounterView.None && (employeeId != EmployeeId || IsOfficerOf(employeeUnitPath) || Administrator);

    /// <summary>
    /// Whether this reader may correct the encounter's record (ADR-062, addendum): the employee it belongs to, the
    /// protection officers over them, and whoever logged it while they still may log for the employee (a supervisor who
    /// logged it for their staff, a flagger who is the employee's supervisor). Not a supervisor who only reads it, not an
    /// administrator as such (they read the scrubbed words), never leadership or peers.
    /// </summary>
    public bool MayCorrect(int employeeId, string employeeUnitPath, string loggedByUserId) =>
        employeeId == EmployeeId
        || IsOfficerOf(employeeUnitPath)
        || (UserId.Length > 0 && loggedByUserId == UserId && MayLogFor(employeeId, employeeUnitPath));

    /// <summary>Whether this reader's correction may touch the words (description, injury): only who reads them as written.</summary>
    public bool MayCorrectWords(int employeeId, string employeeUnitPath) => ViewOf(employeeId, employeeUnitPath) == EncounterView.Full;

    public bool IsOfficerOf(string unitPath) => OfficerPaths.Any(p => unitPath.StartsWith(p, StringComparison.Ordinal));

    /// <summary>The encounters this reader may open, as one query.</summary>
    public IQueryable<Encounter> Visible(IQueryable<Encounter> encounters)
    {
        if (Administrator)
        {
            return encounters;
        }

        var own = EmployeeId ?? -1;
        var prefixes = OfficerPaths.Concat(SupervisorPath is { } s ? [s] : []).Distinct(StringComparer.Ordinal).ToList();
        var ids = encounters.Where(e => e.EmployeeId == own).Select(e => e.Id);
        foreach (var prefix in prefixes)
        {
            ids = ids.Union(encounters.Where(e => e.Employee!.OrgUnit!.Path.StartsWith(prefix)).Select(e => e.Id));
        }

        return prefixes.Count == 0 ? encounters.Where(e => e.EmployeeId == own) : encounters.Where(e => ids.Contains(e.Id));
    }
}
