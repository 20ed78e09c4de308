using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Modules.Feedback.Intake;
using ServeWell.Web.Modules.Recognition.Candidates;
using ServeWell.Web.Modules.Recognition.Rounds;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Recognition.Jury;

public sealed record ScoreRequest(int EmployeeId, int Difficulty, int Courtesy, int Satisfaction, int Resolution, string? Comment);

/// <summary>A finalist's result: jurors who scored, the mean of each criterion, the weighted total, and the place.</summary>
public sealed record FinalistTotal(int EmployeeId, int Jurors, double Difficulty, double Courtesy, double Satisfaction, double Resolution, double Total, double Bayesian, int Nominations, int Place);

/// <summary>
/// The jury's work (ADR-058): jurors named per round; one score per juror and finalist on the round's scale, never the
/// juror's own or anyone in their reporting line; the others' scores hidden until the juror has scored every finalist.
/// Totals: the mean over jurors of each juror's weighted mark. Ties go to the better courtesy mean, then the better
/// Bayesian average of what citizens said, then more nominations, then the older employee record.
/// </summary>
public sealed class JuryScoring(ServeWellDbContext db, RoundCandidates candidates, TimeProvider time, IStringLocalizer<SharedResource> l)
{
    public const string TieRule = "Ties go to the higher courtesy mean, then the higher Bayesian average of what citizens said, then more nominations.";

    public async Task<RecognitionOutcome<Juror>> NameAsync(int roundId, string? email, CancellationToken cancellationToken)
    {
        var round = await db.Set<AwardRound>().FirstOrDefaultAsync(r => r.Id == roundId, cancellationToken);
        if (round is null)
        {
            return RecognitionOutcome<Juror>.NotFound();
        }

        if (round.Stage is RoundStage.Approval or RoundStage.Announced)
        {
            return RecognitionOutcome<Juror>.Conflict(l["The jury of this round has closed."]);
        }

        var address = email?.Trim() ?? "";
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Email == address, cancellationToken);
        if (user is null)
        {
            return RecognitionOutcome<Juror>.Invalid(new() { ["email"] = [l["Email: \"{0}\" is not a ServeWell account.", address]] });
        }

        if (await db.Set<Juror>().AnyAsync(j => j.RoundId == roundId && j.UserId == user.Id, cancellationToken))
        {
            return RecognitionOutcome<Juror>.Conflict(l["{0} is already on this round's jury.", user.DisplayName]);
        }

        var juror = db.Set<Juror>().Add(new Juror { RoundId = roundId, UserId = user.Id, Name = user.DisplayName, AddedAtUtc = time.GetUtcNow().UtcDateTime }).Entity;
        await db.SaveChangesAsync(cancellationToken);
        return RecognitionOutcome<Juror>.Done(juror);
    }

    public async Task<RecognitionOutcome<JuryScore>> ScoreAsync(int roundId, ScoreRequest request, RecognitionActor actor, CancellationToken cancellationToken)
    {
        var round = await db.Set<AwardRound>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, cancellationToken);
        var juror = await db.Set<Juror>().FirstOrDefaultAsync(j => j.RoundId == roundId && j.UserId == actor.UserId, cancellationToken);
        if (round is null || juror is null)
        {
            return RecognitionOutcome<JuryScore>.NotFound();
        }

        if (round.Stage != RoundStage.Jury)
        {
            return RecognitionOutcome<JuryScore>.Conflict(round.Stage == RoundStage.Nominating
                ? l["The jury scores from {0}, when nominations close.", round.ClosesOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)]
                : l["The jury of this round closed on {0}: no more scores.", round.JuryClosesOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)]);
        }

        var finalists = (await candidates.RankAsync(round, cancellationToken)).Finalists;
        var problems = new Dictionary<string, List<string>>();
        if (!finalists.Contains(request.EmployeeId))
        {
            problems["employeeId"] = [l["Finalist: employee {0} is not a finalist of this round.", request.EmployeeId]];
        }

        foreach (var (field, name, value) in new[]
                 {
                     ("difficulty", "Difficulty of the case", request.Difficulty), ("courtesy", "Courtesy", request.Courtesy),
                     ("satisfaction", "The citizen's satisfaction", request.Satisfaction), ("resolution", "Resolution", request.Resolution),
                 })
        {
            if (value < 1 || value > round.ScaleMax)
            {
                problems[field] = [l["{0}: {1} is not on the scale 1–{2}.", l[name], value, round.ScaleMax]];
            }
        }

        var comment = string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim();
        if (comment is { Length: > JuryScore.MaxComment })
        {
            problems["comment"] = [l["Comment: at most {0} characters (this one has {1}).", JuryScore.MaxComment, comment.Length]];
        }

        if (problems.Count > 0)
        {
            return RecognitionOutcome<JuryScore>.Invalid(problems);
        }

        if (await ConflictOfInterestAsync(juror.UserId, request.EmployeeId, cancellationToken) is { } conflict)
        {
            return RecognitionOutcome<JuryScore>.Conflict(conflict);
        }

        if (await db.Set<JuryScore>().AnyAsync(s => s.JurorId == juror.Id && s.EmployeeId == request.EmployeeId && s.WithdrawnAtUtc == null, cancellationToken))
        {
            return RecognitionOutcome<JuryScore>.Conflict(l["You have already scored this finalist; a score is given once."]);
        }

        var score = db.Set<JuryScore>().Add(new JuryScore
        {
            RoundId = roundId, JurorId = juror.Id, EmployeeId = request.EmployeeId, Difficulty = request.Difficulty, Courtesy = request.Courtesy,
            Satisfaction = request.Satisfaction, Resolution = request.Resolution, Comment = comment is null ? null : CommentRedaction.Clean(comment),
            CreatedAtUtc = time.GetUtcNow().UtcDateTime,
        }).Entity;
        var scored = await db.Set<JuryScore>().Where(s => s.JurorId == juror.Id && s.WithdrawnAtUtc == null).Select(s => s.EmployeeId).ToListAsync(cancellationToken);
        var open = new List<int>();
        foreach (var f in finalists.Where(f => f != request.EmployeeId && !scored.Contains(f)))
        {
            if (await ConflictOfInterestAsync(juror.UserId, f, cancellationToken) is null)
            {
                open.Add(f);
            }
        }

        if (open.Count == 0)
        {
            juror.SubmittedAtUtc = time.GetUtcNow().UtcDateTime;
        }

        await db.SaveChangesAsync(cancellationToken);
        return RecognitionOutcome<JuryScore>.Done(score);
    }

    /// <summary>
    /// Why the juror may not score the employee, or null: it is themself; the employee works within the juror's scope
    /// (the juror supervises or leads them); or the employee supervises or leads the juror.
    /// </summary>
    public async Task<string?> ConflictOfInterestAsync(string jurorUserId, int employeeId, CancellationToken cancellationToken)
    {
        var juror = await db.Users.AsNoTracking().Where(u => u.Id == jurorUserId)
            .Select(u => new { u.EmployeeId, ScopePath = u.ScopeOrgUnit != null ? u.ScopeOrgUnit.Path : null, OwnPath = u.Employee != null ? u.Employee.OrgUnit!.Path : null })
            .FirstAsync(cancellationToken);
        if (juror.EmployeeId == employeeId)
        {
            return l["A juror cannot score themself."];
        }

        var finalistPath = await db.Employees.Where(e => e.Id == employeeId).Select(e => e.OrgUnit!.Path).FirstOrDefaultAsync(cancellationToken) ?? "";
        var scoped = await ScopedRolesAsync(jurorUserId, cancellationToken);
        if (scoped && juror.ScopePath is { } scope && finalistPath.StartsWith(scope, StringComparison.Ordinal))
        {
            return l["A juror cannot score someone in their own reporting line: this finalist works within the juror's scope."];
        }

        if (juror.OwnPath is { } own)
        {
            var finalistScopes = await db.Users.AsNoTracking().Where(u => u.EmployeeId == employeeId && u.ScopeOrgUnit != null)
                .Select(u => new { u.Id, u.ScopeOrgUnit!.Path }).ToListAsync(cancellationToken);
            foreach (var s in finalistScopes.Where(s => own.StartsWith(s.Path, StringComparison.Ordinal)))
            {
                if (await ScopedRolesAsync(s.Id, cancellationToken))
                {
                    return l["A juror cannot score someone in their own reporting line: this finalist supervises the juror."];
                }
            }
        }

        return null;
    }

    private Task<bool> ScopedRolesAsync(string userId, CancellationToken cancellationToken) =>
        (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == userId && Roles.Scoped.Contains(r.Name!) select r).AnyAsync(cancellationToken);

    /// <summary>The round's scores a reader may see: a juror who has not finished only their own; everyone else all of them.</summary>
    /// <summary>
    /// Withdraws a score with a reason while the jury is open: the juror their own, a training officer any. Never
    /// deleted; the juror may then score that finalist again, and counts as not yet finished until they do.
    /// </summary>
    public async Task<RecognitionOutcome<JuryScore>> WithdrawAsync(int roundId, int scoreId, string? reason, RecognitionActor actor, CancellationToken cancellationToken)
    {
        var score = await db.Set<JuryScore>().FirstOrDefaultAsync(s => s.Id == scoreId && s.RoundId == roundId, cancellationToken);
        var juror = score is null ? null : await db.Set<Juror>().FirstOrDefaultAsync(j => j.Id == score.JurorId, cancellationToken);
        if (score is null || juror is null || !(actor.ManagesAwards || juror.UserId == actor.UserId))
        {
            return RecognitionOutcome<JuryScore>.NotFound();
        }

        var round = await db.Set<AwardRound>().AsNoTracking().FirstAsync(r => r.Id == roundId, cancellationToken);
        if (round.Stage != RoundStage.Jury)
        {
            return RecognitionOutcome<JuryScore>.Conflict(l["The jury of this round has closed: its scores stand as given."]);
        }

        if (score.WithdrawnAtUtc is not null)
        {
            return RecognitionOutcome<JuryScore>.Conflict(l["This score was already withdrawn."]);
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > MaxWithdrawalReason)
        {
            return RecognitionOutcome<JuryScore>.Invalid(new() { ["reason"] = [l["Reason: write why the score is withdrawn (at most {0} characters).", MaxWithdrawalReason]] });
        }

        score.WithdrawnAtUtc = time.GetUtcNow().UtcDateTime;
        score.WithdrawalReason = CommentRedaction.Clean(reason.Trim());
        juror.SubmittedAtUtc = null;
        await db.SaveChangesAsync(cancellationToken);
        return RecognitionOutcome<JuryScore>.Done(score);
    }

    public const int MaxWithdrawalReason = 500;

    public async Task<IReadOnlyList<JuryScore>> VisibleScoresAsync(int roundId, string? jurorUserId, CancellationToken cancellationToken)
    {
        var scores = db.Set<JuryScore>().AsNoTracking().Where(s => s.RoundId == roundId && s.WithdrawnAtUtc == null);
        if (jurorUserId is not null)
        {
            var juror = await db.Set<Juror>().AsNoTracking().FirstOrDefaultAsync(j => j.RoundId == roundId && j.UserId == jurorUserId, cancellationToken);
            if (juror is { SubmittedAtUtc: null })
            {
                scores = scores.Where(s => s.JurorId == juror.Id);
            }
        }

        return await scores.OrderBy(s => s.EmployeeId).ThenBy(s => s.JurorId).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<FinalistTotal>> TotalsAsync(AwardRound round, CancellationToken cancellationToken)
    {
        var ranking = await candidates.RankAsync(round, cancellationToken);
        var scores = await VisibleScoresAsync(round.Id, null, cancellationToken);
        return Totals(round.Weights, ranking, scores);
    }

    public static IReadOnlyList<FinalistTotal> Totals(CriteriaWeights weights, RoundRanking ranking, IReadOnlyList<JuryScore> scores)
    {
        var byId = ranking.Candidates.ToDictionary(c => c.EmployeeId);
        var place = 0;
        return ranking.Finalists
            .Select(f => (Id: f, Scores: scores.Where(s => s.EmployeeId == f).ToList()))
            .Select(x => new FinalistTotal(x.Id, x.Scores.Count,
                Mean(x.Scores, s => s.Difficulty), Mean(x.Scores, s => s.Courtesy), Mean(x.Scores, s => s.Satisfaction), Mean(x.Scores, s => s.Resolution),
                x.Scores.Count == 0 ? 0 : x.Scores.Average(s => weights.Of(s.Difficulty, s.Courtesy, s.Satisfaction, s.Resolution)),
                byId.TryGetValue(x.Id, out var c) ? c.Bayesian : 0, byId.TryGetValue(x.Id, out var n) ? n.Nominations : 0, 0))
            .OrderByDescending(t => Math.Round(t.Total, 6)).ThenByDescending(t => Math.Round(t.Courtesy, 6)).ThenByDescending(t => t.Bayesian)
            .ThenByDescending(t => t.Nominations).ThenBy(t => t.EmployeeId)
            .Select(t => t with { Place = ++place })
            .ToList();
    }

    private static double Mean(List<JuryScore> scores, Func<JuryScore, int> criterion) => scores.Count == 0 ? 0 : scores.Average(criterion);
}
