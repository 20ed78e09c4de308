using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.People.Employees;
using ServeWell.Web.Modules.People.Grades;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Web;

namespace ServeWell.Web.Modules.People.RosterImport;

public enum RosterPhase
{
    Reading,
    Checking,
    Writing,
}

public sealed record RosterProgress(RosterPhase Phase, int Done, int Total);

/// <summary>
/// Imports a roster: checks every row (the dry run), then — when asked and allowed — writes all of it in
/// one transaction. Importing the same file twice changes nothing the second time.
/// </summary>
public sealed class RosterImporter(ServeWellDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    private const int Chunk = 2000;

    public async Task<RosterImportResult> RunAsync(
        RosterSheet sheet, RosterImportOptions options, IProgress<RosterProgress>? progress, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var total = sheet.Rows.Count;
        progress?.Report(new RosterProgress(RosterPhase.Checking, 0, total));
        var (plan, unitCodes) = await PlanAsync(sheet, today, new InlineProgress<int>(n => progress?.Report(new RosterProgress(RosterPhase.Checking, n, total))), cancellationToken);
        var markedLeft = options.MarkMissingAsLeft ? plan.Missing.Count : 0;
        var result = new RosterImportResult
        {
            DryRun = options.DryRun,
            Created = plan.Creates.Count,
            Updated = plan.Updates.Count,
            Unchanged = plan.Unchanged,
            MarkedLeft = markedLeft,
            MissingFromFile = plan.Missing.Count,
            RowsRead = plan.RowsRead,
            Errors = plan.Errors,
            Changes = plan.DescribeChanges(unitCodes),
            IgnoredColumns = sheet.IgnoredColumns,
            FileDescription = sheet.Description,
        };

        if (options.DryRun)
        {
            return result with { Note = l["Dry run: nothing was written."] };
        }

        if (plan.Errors.Count > 0 && !options.SkipInvalidRows)
        {
            return result with
            {
                Note = l["Nothing was written: {0} row(s) have errors. Fix them, or choose to import the valid rows and leave those out.", plan.Errors.Select(e => e.Row).Distinct().Count()],
            };
        }

        var work = plan.Creates.Count + plan.Updates.Count + markedLeft;
        progress?.Report(new RosterProgress(RosterPhase.Writing, 0, work));
        await WriteAsync(plan, options, today, work, progress, cancellationToken);
        return result with { Applied = true, Note = plan.Errors.Count > 0 ? l["The valid rows were imported; the rows with errors were left out."] : l["Imported."] };
    }

    private async Task<(RosterPlan Plan, Dictionary<int, string> UnitCodes)> PlanAsync(RosterSheet sheet, DateOnly today, IProgress<int> progress, CancellationToken cancellationToken)
    {
        var units = await db.OrgUnits.AsNoTracking()
            .Select(u => new { u.Code, u.Id, u.IsActive })
            .ToDictionaryAsync(u => u.Code, u => (u.Id, u.IsActive), StringComparer.Ordinal, cancellationToken);
        var scale = await db.GradeScales.CurrentAsync(cancellationToken);
        var current = await db.Employees.AsNoTracking()
            .Select(e => new EmployeeSnapshot(e.Id, e.EmployeeNumber, e.Name, e.Email, e.Phone, e.OrgUnitId, e.Grade, e.Position, e.HireDate, e.IsFrontline, e.Status))
            .ToDictionaryAsync(e => e.EmployeeNumber, StringComparer.Ordinal, cancellationToken);
        return (RosterPlan.Make(sheet, units, scale, current, today, l, progress), units.ToDictionary(u => u.Value.Id, u => u.Key));
    }

    private async Task WriteAsync(RosterPlan plan, RosterImportOptions options, DateOnly today, int work, IProgress<RosterProgress>? progress, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var done = 0;
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.AuditEachChange = false;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
            var writer = new RosterBulkWriter(db);
            void Advance(int n) => progress?.Report(new RosterProgress(RosterPhase.Writing, done += n, work));
            await writer.CreateAsync(plan.Creates, now, Advance, cancellationToken);
            await writer.UpdateAsync(plan.Updates, today, now, Advance, cancellationToken);

            if (options.MarkMissingAsLeft)
            {
                foreach (var chunk in plan.Missing.Chunk(Chunk))
                {
                    await db.Employees.Where(e => chunk.Contains(e.Id))
                        .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, EmployeeStatus.Left).SetProperty(e => e.UpdatedAt, now), cancellationToken);
                    await db.EmployeeAssignments.Where(a => chunk.Contains(a.EmployeeId) && a.Until == null)
                        .ExecuteUpdateAsync(s => s.SetProperty(a => a.Until, today), cancellationToken);
                    progress?.Report(new RosterProgress(RosterPhase.Writing, done += chunk.Length, work));
                }
            }

            db.AuditEachChange = true;
            db.Audit("roster-import", "Employee", "roster", null, new
            {
                created = plan.Creates.Count,
                updated = plan.Updates.Count,
                unchanged = plan.Unchanged,
                markedLeft = options.MarkMissingAsLeft ? plan.Missing.Count : 0,
                rowsWithErrorsLeftOut = plan.Errors.Select(e => e.Row).Distinct().Count(),
            });
            await db.SaveChangesAsync(cancellationToken);
            await tx.CommitAsync(cancellationToken);
        }
        finally
        {
            db.AuditEachChange = true;
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
            db.ChangeTracker.Clear();
        }
    }
}
