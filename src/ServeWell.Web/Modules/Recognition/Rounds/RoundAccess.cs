using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Recognition.Jury;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.Recognition.Rounds;

/// <summary>A round as one reader may see it: all of it (officers; leadership within scope), or as a juror.</summary>
public sealed record VisibleRound(AwardRound Round, bool SeesAll, bool IsJuror, bool JurorSubmitted);

/// <summary>
/// Who sees which round (ADR-058): administrators and training officers every round; leadership the rounds whose scope
/// lies within their own scope unit; a juror the rounds they sit on; nobody else any. A round one may not see is "not found".
/// </summary>
public sealed class RoundAccess(ServeWellDbContext db)
{
    public async Task<IReadOnlyList<VisibleRound>> VisibleAsync(RecognitionActor actor, CancellationToken cancellationToken)
    {
        var rounds = await db.Set<AwardRound>().AsNoTracking().OrderByDescending(r => r.Month).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        var seen = new List<VisibleRound>();
        var jurors = await db.Set<Juror>().AsNoTracking().Where(j => j.UserId == actor.UserId).ToListAsync(cancellationToken);
        var paths = await ScopePathsAsync(actor, cancellationToken);
        foreach (var round in rounds)
        {
            var juror = jurors.FirstOrDefault(j => j.RoundId == round.Id);
            var all = actor.ManagesAwards || (paths.Own is { } own && paths.Scopes.TryGetValue(round.ScopeOrgUnitId, out var p) && p.StartsWith(own, StringComparison.Ordinal));
            if (all || juror is not null)
            {
                seen.Add(new VisibleRound(round, all, juror is not null, juror?.SubmittedAtUtc is not null));
            }
        }

        return seen;
    }

    public async Task<VisibleRound?> FindAsync(int id, RecognitionActor actor, CancellationToken cancellationToken) =>
        (await VisibleAsync(actor, cancellationToken)).FirstOrDefault(r => r.Round.Id == id);

    private async Task<(string? Own, Dictionary<int, string> Scopes)> ScopePathsAsync(RecognitionActor actor, CancellationToken cancellationToken)
    {
        if (!actor.IsLeader || actor.ScopeOrgUnitId is not { } scope)
        {
            return (null, []);
        }

        var scopeIds = await db.Set<AwardRound>().Select(r => r.ScopeOrgUnitId).Distinct().ToListAsync(cancellationToken);
        var paths = await db.OrgUnits.AsNoTracking().Where(u => u.Id == scope || scopeIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Path, cancellationToken);
        return (paths.GetValueOrDefault(scope), paths);
    }
}
