using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Events;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.SharedState;
using ServeWell.Web.Platform.Web;

namespace ServeWell.Web.Modules.People.RosterImport;

/// <summary>
/// Live progress of the imports. The database holds the status; this holds the fraction: in this node's memory, and
/// in Redis when configured so that a page polling another node sees it too (ADR-055). Written to Redis at most every
/// quarter second per job, fire-and-forget: progress is a hint, never worth slowing the import for.
/// </summary>
public sealed class RosterImportProgress(SharedRedis redis, TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<Guid, (RosterProgress Progress, long SharedAt)> _live = new();

    public void Set(Guid job, RosterProgress progress)
    {
        var now = clock.GetTimestamp();
        var last = _live.TryGetValue(job, out var seen) ? seen.SharedAt : 0;
        var share = last == 0 || progress.Done == progress.Total || clock.GetElapsedTime(last, now) > TimeSpan.FromMilliseconds(250);
        _live[job] = (progress, share ? now : last);
        if (share)
        {
            redis.Send(db => db.StringSet(Key(job), JsonSerializer.Serialize(progress), Lifetime, flags: StackExchange.Redis.CommandFlags.FireAndForget));
        }
    }

    public async Task<RosterProgress?> GetAsync(Guid job)
    {
        if (_live.TryGetValue(job, out var here))
        {
            return here.Progress;
        }

        if (redis.Database is not { } db)
        {
            return null;
        }

        try
        {
            var shared = await db.StringGetAsync(Key(job));
            return shared.IsNull ? null : JsonSerializer.Deserialize<RosterProgress>(shared.ToString());
        }
        catch (Exception ex) when (ex is StackExchange.Redis.RedisException or TimeoutException)
        {
            redis.FallBack(ex);
            return null;
        }
    }

    public void Clear(Guid job)
    {
        _live.TryRemove(job, out _);
        redis.Send(db => db.KeyDelete(Key(job), StackExchange.Redis.CommandFlags.FireAndForget));
    }

    private string Key(Guid job) => redis.Prefix + "roster-progress:" + job.ToString("N");
}

/// <summary>Queues the checking and applying of uploaded roster files, so a page can show progress while it runs.</summary>
public sealed class RosterImportQueue
{
    private readonly Channel<(Guid Job, bool Apply)> _channel = Channel.CreateUnbounded<(Guid, bool)>();

    internal ChannelReader<(Guid Job, bool Apply)> Reader => _channel.Reader;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<RosterImportJob> CreateAsync(ServeWellDbContext db, string fileName, byte[] content, string? requestedBy, DateTime now, CancellationToken cancellationToken)
    {
        var job = new RosterImportJob
        {
            Id = Guid.NewGuid(), FileName = Path.GetFileName(fileName), Content = content, Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            RequestedBy = requestedBy, CreatedAt = now, UpdatedAt = now, Status = RosterImportStatus.Queued,
            Culture = Cultures.Normalise(System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName),
        };
        db.RosterImportJobs.Add(job);
        await db.SaveChangesAsync(cancellationToken);
        return job;
    }

    public void Enqueue(Guid job, bool apply) => _channel.Writer.TryWrite((job, apply));
}

internal sealed class RosterImportWorker(
    RosterImportQueue queue, RosterImportProgress live, IServiceScopeFactory scopes, TimeProvider clock, ILogger<RosterImportWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var (jobId, apply) in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await RunAsync(jobId, apply, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The file's content never reaches the log: it is personal data.
                logger.LogError(ex, "Roster import {JobId} failed", jobId);
                await MarkFailedAsync(jobId, "The import stopped because of an error on our side. Nothing was written. Please try again.", CancellationToken.None);
            }
            finally
            {
                live.Clear(jobId);
                await ForgetOldFilesAsync(stoppingToken);
            }
        }
    }

    private async Task RunAsync(Guid jobId, bool apply, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServeWellDbContext>();
        var job = await db.RosterImportJobs.FirstOrDefaultAsync(j => j.Id == jobId, cancellationToken);
        if (job is null)
        {
            return;
        }

        job.Status = apply ? RosterImportStatus.Applying : RosterImportStatus.Checking;
        job.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        db.AuditEachChange = false;
        await db.SaveChangesAsync(cancellationToken);

        if (job.Content.Length == 0)
        {
            await MarkFailedAsync(jobId, "The uploaded file was removed after two days, as personal data is not kept longer than needed. Upload it again.", cancellationToken);
            return;
        }

        live.Set(jobId, new RosterProgress(RosterPhase.Reading, 0, 0));
        RosterSheet sheet;
        try
        {
            using var stream = new MemoryStream(job.Content, writable: false);
            sheet = RosterFileReader.Read(stream, job.FileName, cancellationToken);
        }
        catch (RosterFileException ex)
        {
            await MarkFailedAsync(jobId, ex.Message, cancellationToken);
            return;
        }

        // The work runs outside the request, so it takes on the uploader's language for its messages.
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo(job.Culture);
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.CurrentUICulture;
        var importer = scope.ServiceProvider.GetRequiredService<RosterImporter>();
        var options = new RosterImportOptions(DryRun: !apply, job.SkipInvalidRows, job.MarkMissingAsLeft);
        var result = await importer.RunAsync(sheet, options, new InlineProgress<RosterProgress>(p => live.Set(jobId, p)), cancellationToken);

        db.ChangeTracker.Clear();
        var reloaded = await db.RosterImportJobs.FirstAsync(j => j.Id == jobId, cancellationToken);
        reloaded.TotalRows = result.RowsRead;
        reloaded.ProcessedRows = result.RowsRead;
        reloaded.ResultJson = JsonSerializer.Serialize(result, RosterImportQueue.Json);
        reloaded.Status = apply && result.Applied ? RosterImportStatus.Applied : RosterImportStatus.Checked;
        if (reloaded.Status == RosterImportStatus.Applied)
        {
            // The file holds personal data; once it is in the roster there is no reason to keep a second copy.
            reloaded.Content = [];
        }

        reloaded.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        db.AuditEachChange = false;
        await db.SaveChangesAsync(cancellationToken);
        if (reloaded.Status == RosterImportStatus.Applied)
        {
            await scope.ServiceProvider.NotifyRosterChangedAsync(logger, cancellationToken);
        }
    }

    /// <summary>Uploaded rosters hold personal data: a file nobody applied within two days is dropped from its job.</summary>
    private async Task ForgetOldFilesAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServeWellDbContext>();
        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-2);
        await db.RosterImportJobs
            .Where(j => j.CreatedAt < cutoff && j.Status != RosterImportStatus.Applying && j.Status != RosterImportStatus.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Content, Array.Empty<byte>()), cancellationToken);
    }

    private async Task MarkFailedAsync(Guid jobId, string message, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServeWellDbContext>();
        await db.RosterImportJobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, RosterImportStatus.Failed)
            .SetProperty(j => j.FailureMessage, message)
            .SetProperty(j => j.UpdatedAt, clock.GetUtcNow().UtcDateTime), cancellationToken);
    }
}

public static class RosterImportRegistration
{
    public static IServiceCollection AddRosterImport(this IServiceCollection services)
    {
        services.AddSingleton<RosterImportQueue>();
        services.AddSingleton<RosterImportProgress>();
        services.AddHostedService<RosterImportWorker>();
        services.AddScoped<RosterImporter>();
        return services;
    }
}
