using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Modules.Protection.Encounters;
using ServeWell.Web.Modules.Protection.Support;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.Protection.Officers;

/// <summary>One designation as the officers page and API list it: who, for which unit (and everything below it), since when.</summary>
public sealed record OfficerLine(int Id, string UnitCode, string UnitName, string? UnitNameEn, string UnitPath, string Email, string Name, DateTime DesignatedAtUtc);

/// <summary>
/// Administrators designate and remove protection officers (ADR-059 decision 1, ADR-063): the account is found by its
/// email or by the number of an employee who has an account; each change is audited, without anything but the ids.
/// </summary>
public sealed class OfficerDesignations(ServeWellDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public const string AuditType = nameof(ProtectionOfficer);

    public async Task<IReadOnlyList<OfficerLine>> ListAsync(CancellationToken cancellationToken) =>
        await Lines(db.ProtectionOfficers).ToListAsync(cancellationToken);

    public Task<OfficerLine?> FindAsync(int id, CancellationToken cancellationToken) =>
        Lines(db.ProtectionOfficers.Where(o => o.Id == id)).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Designates the account for the unit, or says what is wrong with each field (nothing stored then).</summary>
    public async Task<ActionOutcome<ProtectionOfficer>> DesignateAsync(string? unitCode, string? account, CancellationToken cancellationToken)
    {
        var problems = new List<ProtectionProblem>();
        int? unitId = null;
        if (string.IsNullOrWhiteSpace(unitCode))
        {
            problems.Add(new("orgUnitCode", l["Unit: choose the unit the officer looks after."]));
        }
        else
        {
            unitId = await db.OrgUnits.Where(u => u.Code == unitCode.Trim() && u.IsActive).Select(u => (int?)u.Id).FirstOrDefaultAsync(cancellationToken);
            if (unitId is null)
            {
                problems.Add(new("orgUnitCode", l["Unit: \"{0}\" is not the code of an org unit.", unitCode]));
            }
        }

        var userId = await UserIdAsync(account, problems, cancellationToken);
        if (problems.Count > 0)
        {
            return new(null, problems);
        }

        if (await db.ProtectionOfficers.AnyAsync(o => o.UserId == userId && o.OrgUnitId == unitId, cancellationToken))
        {
            return new(null, [new("account", l["Account: \"{0}\" is already a protection officer of this unit.", account!.Trim()])]);
        }

        var officer = new ProtectionOfficer { UserId = userId!, OrgUnitId = unitId!.Value, DesignatedAtUtc = clock.GetUtcNow().UtcDateTime };
        db.ProtectionOfficers.Add(officer);
        db.Audit("designated", AuditType, unitCode!.Trim(), null, new { officer.UserId, officer.OrgUnitId });
        await db.SaveChangesAsync(cancellationToken);
        return new(officer, []);
    }

    /// <summary>Ends a designation; null when there is none with that id.</summary>
    public async Task<OfficerLine?> RemoveAsync(int id, CancellationToken cancellationToken)
    {
        var line = await FindAsync(id, cancellationToken);
        var officer = await db.ProtectionOfficers.FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (officer is null || line is null)
        {
            return null;
        }

        db.ProtectionOfficers.Remove(officer);
        db.Audit("removed", AuditType, line.UnitCode, new { officer.UserId, officer.OrgUnitId }, null);
        await db.SaveChangesAsync(cancellationToken);
        return line;
    }

    private IQueryable<OfficerLine> Lines(IQueryable<ProtectionOfficer> officers) =>
        from o in officers.AsNoTracking()
        join u in db.Users on o.UserId equals u.Id
        orderby o.OrgUnit!.Path, u.DisplayName
        select new OfficerLine(o.Id, o.OrgUnit!.Code, o.OrgUnit.Name, o.OrgUnit.NameEn, o.OrgUnit.Path, u.Email ?? "", u.DisplayName, o.DesignatedAtUtc);

    private async Task<string?> UserIdAsync(string? account, List<ProtectionProblem> problems, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(account))
        {
            problems.Add(new("account", l["Account: give the email of the account or the employee number."]));
            return null;
        }

        var value = account.Trim();
        var normalised = value.ToUpperInvariant();
        var userId = value.Contains('@', StringComparison.Ordinal)
            ? await db.Users.Where(u => u.NormalizedEmail == normalised).Select(u => u.Id).FirstOrDefaultAsync(cancellationToken)
            : await (from u in db.Users join e in db.Employees on u.EmployeeId equals e.Id where e.EmployeeNumber == value orderby u.Email select u.Id)
                .FirstOrDefaultAsync(cancellationToken);
        if (userId is null)
        {
            problems.Add(new("account", l["Account: \"{0}\" is neither the email of an account nor the number of an employee with an account.", value]));
        }

        return userId;
    }
}
