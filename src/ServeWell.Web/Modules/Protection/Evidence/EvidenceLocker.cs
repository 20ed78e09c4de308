using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using ServeWell.Web.Modules.Protection.Encounters;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.Protection.Evidence;

/// <summary>A file as it arrives: its name (for messages only), its length and its content.</summary>
public sealed record EvidenceUpload(string FileName, long Length, Func<Stream> Open)
{
    public static List<EvidenceUpload> Of(IEnumerable<IFormFile>? files) =>
        [.. (files ?? []).Where(f => f.Length > 0 || f.FileName.Length > 0).Select(f => new EvidenceUpload(f.FileName, f.Length, f.OpenReadStream))];
}

/// <summary>A file that passed the checks: its format and bytes, ready to be encrypted.</summary>
public sealed record CheckedEvidence(EvidenceFormat Format, byte[] Bytes);

/// <summary>A piece of evidence opened for a reader: the plaintext, read once and audited.</summary>
public sealed record OpenedEvidence(string FileName, string ContentType, byte[] Bytes);

/// <summary>
/// Evidence in and out (ADR-059): every file checked (size, count, type by content) before anything is stored; stored
/// encrypted in the same SaveChanges as what it belongs to; opened only by the employee and the protection officers,
/// every opening audited; deleted when its retention ends.
/// </summary>
public sealed class EvidenceLocker(ServeWellDbContext db, EvidenceVault vault, IOptions<EvidenceOptions> options, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    private EvidenceOptions Limits => options.Value;

    /// <summary>Reads and checks every file; the problems name the file and say what is wrong.</summary>
    public async Task<(List<CheckedEvidence> Files, List<ProtectionProblem> Problems)> CheckAsync(IReadOnlyList<EvidenceUpload> uploads, int alreadyAttached, CancellationToken cancellationToken)
    {
        var files = new List<CheckedEvidence>();
        var problems = new List<ProtectionProblem>();
        if (uploads.Count + alreadyAttached > Limits.MaxFiles)
        {
            problems.Add(new("evidence", l["Evidence: {0} files; an encounter holds at most {1}.", uploads.Count + alreadyAttached, Limits.MaxFiles]));
            return (files, problems);
        }

        foreach (var upload in uploads)
        {
            if (upload.Length > Limits.MaxBytes)
            {
                problems.Add(new("evidence", l["Evidence: “{0}” is {1:N1} MB; a file may be at most {2:N0} MB.", upload.FileName, upload.Length / 1048576.0, Limits.MaxBytes / 1048576.0]));
                continue;
            }

            if (upload.Length == 0)
            {
                problems.Add(new("evidence", l["Evidence: “{0}” is empty.", upload.FileName]));
                continue;
            }

            await using var stream = upload.Open();
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy, cancellationToken);
            var bytes = copy.ToArray();
            if (EvidenceFormat.Of(bytes.AsSpan(0, Math.Min(bytes.Length, 64))) is not { } format)
            {
                problems.Add(new("evidence", l["Evidence: “{0}” is not a photo (JPEG, PNG, HEIC), a recording (MP3, M4A, WAV) or a PDF document, judged by its content whatever its name.", upload.FileName]));
                continue;
            }

            files.Add(new CheckedEvidence(format, bytes));
        }

        return (files, problems);
    }

    /// <summary>Adds the checked files, encrypted, to the context for the caller's SaveChanges.</summary>
    public void Attach(Encounter encounter, IReadOnlyList<CheckedEvidence> files, string userId, int alreadyAttached)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var n = alreadyAttached;
        foreach (var file in files)
        {
            n++;
            var evidence = new EncounterEvidence
            {
                EncounterId = encounter.Id, Kind = file.Format.Kind, ContentType = file.Format.ContentType,
                FileName = $"{file.Format.Kind.ToString().ToLowerInvariant()}-{n}{file.Format.Extension}", Size = file.Bytes.Length,
                Protected = vault.Protect(file.Bytes), UploadedByUserId = userId, UploadedAtUtc = now,
                DeleteAfterUtc = now.AddDays(Limits.RetentionDays),
            };
            db.Add(evidence);
            db.Audit("evidence-added", nameof(Encounter), encounter.Reference, null, new { evidence.FileName, evidence.Size });
        }
    }

    /// <summary>Adds evidence to an encounter later: its employee, and those who may log for them. All files or none.</summary>
    public async Task<(IReadOnlyList<EncounterEvidence> Added, IReadOnlyList<ProtectionProblem> Problems, bool NotFound)> AddAsync(
        int encounterId, IReadOnlyList<EvidenceUpload> uploads, EncounterReader reader, CancellationToken cancellationToken)
    {
        var row = await db.ProtectionEncounters.Where(e => e.Id == encounterId).Select(e => new { e, e.Employee!.OrgUnit!.Path }).SingleOrDefaultAsync(cancellationToken);
        if (row is null || !reader.MayLogFor(row.e.EmployeeId, row.Path))
        {
            return ([], [], true);
        }

        if (uploads.Count == 0)
        {
            return ([], [new("evidence", l["Evidence: choose at least one file."])], false);
        }

        var attached = await db.Set<EncounterEvidence>().CountAsync(x => x.EncounterId == encounterId, cancellationToken);
        var (files, problems) = await CheckAsync(uploads, attached, cancellationToken);
        if (problems.Count > 0)
        {
            return ([], problems, false);
        }

        Attach(row.e, files, reader.UserId, attached);
        var added = db.ChangeTracker.Entries<EncounterEvidence>().Where(x => x.State == EntityState.Added).Select(x => x.Entity).ToList();
        await db.SaveChangesAsync(cancellationToken);
        return (added, [], false);
    }

    /// <summary>The evidence of an encounter, without content: for anyone who sees the encounter.</summary>
    public Task<List<EncounterEvidence>> ListAsync(int encounterId, CancellationToken cancellationToken) =>
        db.Set<EncounterEvidence>().AsNoTracking().Where(x => x.EncounterId == encounterId).OrderBy(x => x.Id)
            .Select(x => new EncounterEvidence
            {
                EncounterId = x.EncounterId, Kind = x.Kind, ContentType = x.ContentType, FileName = x.FileName, Size = x.Size, Protected = Array.Empty<byte>(),
                UploadedByUserId = x.UploadedByUserId, UploadedAtUtc = x.UploadedAtUtc, DeleteAfterUtc = x.DeleteAfterUtc,
            })
            .ToListAsync(cancellationToken);

    /// <summary>Decrypts one piece of evidence for the employee or a protection officer over them; the opening is audited.</summary>
    public async Task<OpenedEvidence?> OpenAsync(int encounterId, string fileName, EncounterReader reader, CancellationToken cancellationToken)
    {
        var row = await db.ProtectionEncounters.Where(e => e.Id == encounterId).Select(e => new { e.Reference, e.EmployeeId, e.Employee!.OrgUnit!.Path }).SingleOrDefaultAsync(cancellationToken);
        if (row is null || reader.ViewOf(row.EmployeeId, row.Path) != EncounterView.Full)
        {
            return null;
        }

        var evidence = await db.Set<EncounterEvidence>().AsNoTracking().SingleOrDefaultAsync(x => x.EncounterId == encounterId && x.FileName == fileName, cancellationToken);
        if (evidence is null)
        {
            return null;
        }

        db.Audit("evidence-read", nameof(Encounter), row.Reference, null, new { evidence.FileName });
        await db.SaveChangesAsync(cancellationToken);
        return new(evidence.FileName, evidence.ContentType, vault.Unprotect(evidence.Protected));
    }

    /// <summary>Deletes every piece of evidence whose retention has ended; each deletion is audited. Returns how many.</summary>
    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var expired = await db.Set<EncounterEvidence>().Where(x => x.DeleteAfterUtc <= now)
            .Join(db.ProtectionEncounters, x => x.EncounterId, e => e.Id, (x, e) => new { x.Id, x.FileName, e.Reference })
            .Take(500).ToListAsync(cancellationToken);
        if (expired.Count == 0)
        {
            return 0;
        }

        foreach (var x in expired)
        {
            db.Audit("evidence-deleted", nameof(Encounter), x.Reference, new { x.FileName }, null);
        }

        var ids = expired.Select(x => x.Id).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Set<EncounterEvidence>().Where(x => ids.Contains(x.Id)).ExecuteDeleteAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return expired.Count;
    }
}

/// <summary>Deletes evidence past its retention once a day across all nodes (a leased job).</summary>
public sealed class EvidenceRetention(IServiceScopeFactory scopes, TimeProvider clock, ILogger<EvidenceRetention> logger)
    : Platform.Jobs.LeasedPeriodicJob(scopes, clock, logger)
{
    protected override string Lease => "protection-evidence-retention";

    protected override TimeSpan Interval => TimeSpan.FromHours(6);

    protected override TimeSpan Look => TimeSpan.FromMinutes(10);

    protected override async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var deleted = await services.GetRequiredService<EvidenceLocker>().DeleteExpiredAsync(cancellationToken);
        if (deleted > 0)
        {
            logger.LogInformation("Protection: {Count} pieces of evidence deleted at the end of their retention", deleted);
        }
    }
}
