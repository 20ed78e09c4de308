using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.Protection.Encounters;

/// <summary>An encounter as one reader may see it: the words are the employee's own or the scrubbed ones (ADR-059).</summary>
public sealed record EncounterSeen(
    Encounter Encounter, EncounterView View, string EmployeeName, string EmployeeUnitPath, string OfficeName, string? OfficeNameEn,
    int? EncounterWithComplainant)
{
    public string Description => View == EncounterView.Full ? Encounter.Description : Encounter.DescriptionScrubbed;

    public string? Injury => View == EncounterView.Full ? Encounter.Injury : Encounter.InjuryScrubbed;

    public bool Scrubbed => View != EncounterView.Full;
}

/// <summary>One line of a list of encounters: no words at all, so a list is never a read of them.</summary>
public sealed record EncounterLine(int Id, string Reference, string EmployeeName, string OfficeName, string? OfficeNameEn, DateTime OccurredAtUtc, EncounterChannel Channel, EncounterKinds Kinds, bool Mine);

/// <summary>Reads encounters through <see cref="EncounterReader"/>; every read of one encounter is written to the audit log.</summary>
public sealed class EncounterBook(ServeWellDbContext db)
{
    public async Task<IReadOnlyList<EncounterLine>> ListAsync(EncounterReader reader, CancellationToken cancellationToken)
    {
        var own = reader.EmployeeId ?? -1;
        return await reader.Visible(db.Set<Encounter>()).AsNoTracking()
            .OrderByDescending(e => e.OccurredAtUtc).Take(500)
            .Select(e => new EncounterLine(e.Id, e.Reference, e.Employee!.Name, e.Office!.Name, e.Office.NameEn, e.OccurredAtUtc, e.Channel, e.Kinds, e.EmployeeId == own))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The encounter if the reader may see it (else null, as if it did not exist), with the read audited.</summary>
    public async Task<EncounterSeen?> ReadAsync(int id, EncounterReader reader, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, reader, cancellationToken) is not { } seen)
        {
            return null;
        }

        db.Audit("read", nameof(Encounter), seen.Encounter.Reference, null, new { View = seen.View.ToString() });
        await db.SaveChangesAsync(cancellationToken);
        return seen;
    }

    /// <summary>The encounter if the reader may see it, without recording a read (for acting on it).</summary>
    public async Task<EncounterSeen?> FindAsync(int id, EncounterReader reader, CancellationToken cancellationToken)
    {
        var row = await db.Set<Encounter>().Where(e => e.Id == id)
            .Select(e => new { e, Name = e.Employee!.Name, Path = e.Employee.OrgUnit!.Path, Office = e.Office!.Name, e.Office.NameEn })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null || reader.ViewOf(row.e.EmployeeId, row.Path) is var view && view == EncounterView.None)
        {
            return null;
        }

        int? nth = null;
        if (row.e.ComplainantKey is { } key)
        {
            nth = await db.Set<Encounter>().CountAsync(e => e.ComplainantKey == key && (e.OccurredAtUtc < row.e.OccurredAtUtc || (e.OccurredAtUtc == row.e.OccurredAtUtc && e.Id <= row.e.Id)), cancellationToken);
        }

        return new(row.e, view, row.Name, row.Path, row.Office, row.NameEn, nth);
    }
}
