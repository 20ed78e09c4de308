using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Platform.Audit;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Web;

namespace ServeWell.Web.Modules.People.OrgUnits;

public sealed record OrgUnitForm(string Code, string Name, string? NameEn, OrgUnitKind Kind, string? ParentCode);

/// <summary>Creates, renames, moves, deactivates and reactivates org units, keeping every step as history.</summary>
public sealed class OrgChart(ServeWellDbContext db, IAuditActor actor, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public async Task<OrgUnit> CreateAsync(OrgUnitForm form, CancellationToken cancellationToken)
    {
        var code = form.Code.Trim();
        if (await db.OrgUnits.AnyAsync(u => u.Code == code, cancellationToken))
        {
            throw new DomainRuleException(l["The code “{0}” is already used by another org unit.", code]);
        }

        var parent = await ParentAsync(form.ParentCode, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var unit = new OrgUnit { Code = code, Name = form.Name.Trim(), NameEn = Blank(form.NameEn), Kind = form.Kind, CreatedAt = now };

        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        db.OrgUnits.Add(unit);
        await db.SaveChangesAsync(cancellationToken); // the id is part of the path
        unit.PlaceUnder(parent);
        db.OrgUnitChanges.Add(new OrgUnitChange { OrgUnitId = unit.Id, At = now, Kind = "created", To = unit.Name, By = actor.Name });
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return unit;
    }

    public async Task UpdateAsync(int id, OrgUnitForm form, CancellationToken cancellationToken)
    {
        var unit = await db.OrgUnits.FirstOrDefaultAsync(u => u.Id == id, cancellationToken)
            ?? throw new DomainRuleException(l["That org unit does not exist."]);
        var now = clock.GetUtcNow().UtcDateTime;
        var code = form.Code.Trim();
        if (code != unit.Code && await db.OrgUnits.AnyAsync(u => u.Code == code, cancellationToken))
        {
            throw new DomainRuleException(l["The code “{0}” is already used by another org unit.", code]);
        }

        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        if (unit.Name != form.Name.Trim() || unit.NameEn != Blank(form.NameEn) || unit.Code != code)
        {
            db.OrgUnitChanges.Add(new OrgUnitChange
            {
                OrgUnitId = unit.Id, At = now, Kind = "renamed", By = actor.Name,
                From = $"{unit.Code} · {unit.Name}", To = $"{code} · {form.Name.Trim()}",
            });
            unit.Code = code;
            unit.Name = form.Name.Trim();
            unit.NameEn = Blank(form.NameEn);
        }

        unit.Kind = form.Kind;
        var parent = await ParentAsync(form.ParentCode, cancellationToken);
        if (parent?.Id != unit.ParentId)
        {
            await MoveAsync(unit, parent, now, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }

    public async Task SetActiveAsync(int id, bool active, CancellationToken cancellationToken)
    {
        var unit = await db.OrgUnits.FirstOrDefaultAsync(u => u.Id == id, cancellationToken)
            ?? throw new DomainRuleException(l["That org unit does not exist."]);
        if (unit.IsActive == active)
        {
            return;
        }

        if (!active && await db.Employees.AnyAsync(e => e.OrgUnitId == id && e.Status != Employees.EmployeeStatus.Left, cancellationToken))
        {
            throw new DomainRuleException(l["{0} still has employees. Move them to another unit first.", unit.Name]);
        }

        unit.IsActive = active;
        db.OrgUnitChanges.Add(new OrgUnitChange
        {
            OrgUnitId = unit.Id, At = clock.GetUtcNow().UtcDateTime, Kind = active ? "reactivated" : "deactivated", By = actor.Name,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task MoveAsync(OrgUnit unit, OrgUnit? parent, DateTime now, CancellationToken cancellationToken)
    {
        var oldPath = unit.Path;
        var oldDepth = unit.Depth;
        var oldParent = unit.ParentId is { } pid ? await db.OrgUnits.Where(u => u.Id == pid).Select(u => u.Name).FirstOrDefaultAsync(cancellationToken) : null;
        unit.PlaceUnder(parent);
        var descendants = await db.OrgUnits.Where(u => u.Path.StartsWith(oldPath) && u.Id != unit.Id).ToListAsync(cancellationToken);
        foreach (var d in descendants)
        {
            d.RebaseDescendant(oldPath, unit.Path, unit.Depth - oldDepth);
        }

        db.OrgUnitChanges.Add(new OrgUnitChange { OrgUnitId = unit.Id, At = now, Kind = "moved", From = oldParent, To = parent?.Name, By = actor.Name });
    }

    private async Task<OrgUnit?> ParentAsync(string? parentCode, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(parentCode))
        {
            return null;
        }

        var code = parentCode.Trim();
        return await db.OrgUnits.FirstOrDefaultAsync(u => u.Code == code, cancellationToken)
            ?? throw new DomainRuleException(l["There is no org unit with the code “{0}”.", code]);
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
