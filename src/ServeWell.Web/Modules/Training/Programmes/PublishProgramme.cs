using ServeWell.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Training.Audiences;
using ServeWell.Web.Modules.Training.Enrolments;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.Training.Programmes;

/// <summary>What publishing a draft will do: how many people it invites, and how many coming sessions their invitation lists.</summary>
public sealed record PublishPreview(int Id, LocalText Title, ProgrammeState State, int ToInvite, int ComingSessions);

/// <summary>
/// Publishes a draft programme: from then on its audience is enrolled and invited (the invitation mails go through the
/// outbox with the next session round). The state change and the first sync commit together (ADR-031).
/// </summary>
public sealed class PublishProgramme(ServeWellDbContext db, MatchAudience match, SyncProgrammeAudience sync, TimeProvider clock)
{
    public async Task<PublishPreview?> PreviewAsync(int id, CancellationToken cancellationToken)
    {
        var programme = await db.Programmes.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (programme is null)
        {
            return null;
        }

        var matched = await (await match.QueryAsync(programme.Audience, cancellationToken)).Select(e => e.Id).ToListAsync(cancellationToken);
        var enrolled = await db.Enrolments.AsNoTracking().Where(e => e.ProgrammeId == id).Select(e => e.EmployeeId).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var sessions = await db.TrainingSessions.CountAsync(s => s.ProgrammeId == id && s.CancelledAt == null && s.StartsAtUtc > now, cancellationToken);
        return new PublishPreview(programme.Id, programme.Title, programme.State, matched.Except(enrolled).Count(), sessions);
    }

    /// <summary>Publishes and enrols the audience; null when there is no such programme, the counts (none) when it was published already.</summary>
    public async Task<SyncCounts?> PublishAsync(int id, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var programme = await db.Programmes.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (programme is null)
        {
            return null;
        }

        if (programme.State == ProgrammeState.Published)
        {
            return SyncCounts.None;
        }

        programme.State = ProgrammeState.Published;
        programme.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        var counts = await sync.SyncAsync(id, EnrolmentReasons.ByRule, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return counts;
    }
}
