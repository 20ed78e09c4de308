using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Modules.Feedback.Intake;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Events;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Feedback.Revisions;

/// <summary>How an exclusion or a restore ended.</summary>
public enum RevisionOutcome
{
    Done,

    /// <summary>No such answer, or not within the caller's scope (the same answer, so nobody learns what exists elsewhere).</summary>
    NotFound,

    /// <summary>The reason or the note is not acceptable; <see cref="RevisionResult.Problems"/> names the field.</summary>
    Invalid,

    /// <summary>Excluding an answer already excluded, or restoring one that counts.</summary>
    Conflict,
}

/// <summary>An answer as the revision pages and API show it: never contact details; who excluded it by display name.</summary>
public sealed record AnswerExclusionDto(
    long AnswerId, string OfficeCode, DateTime AnsweredAt, int Overall, string? Comment, string Language, bool Excluded,
    string? Reason, string? Note, DateTime? ExcludedAt, string? ExcludedBy);

public sealed record RevisionResult(RevisionOutcome Outcome, AnswerExclusionDto? Answer = null, FieldProblems? Problems = null);

/// <summary>
/// Leaves a citizen answer out of every figure, or brings it back (ADR-022). Administrators may revise any answer,
/// supervisors the answers of offices in their subtree (the caller's <see cref="ScopeFilter"/>). Each revision is one
/// transaction: a conditional update (so two people excluding at once get one exclusion and one 409), an audit entry,
/// and <see cref="IFeedbackRevised"/> for the listeners (the Insights rollups re-queue the office-month).
/// </summary>
public sealed class ReviseFeedback(
    ServeWellDbContext db, IEnumerable<IFeedbackRevised> listeners, TimeProvider clock, IStringLocalizer<SharedResource> localizer)
{
    public const int NoteMaxLength = 500;

    /// <summary>The reasons, as the API spells them.</summary>
    public static readonly IReadOnlyList<string> ReasonNames = [.. Enum.GetValues<ExclusionReason>().Select(ApiName)];

    public static string ApiName(ExclusionReason reason) => reason.ToString().ToLowerInvariant();

    /// <summary>The user may revise answers at all (the policy); the scope then decides which.</summary>
    public static bool MayRevise(ClaimsPrincipal user) =>
        Policies.RolesByPolicy[Policies.ReviseFeedback].Any(user.IsInRole);

    /// <summary>One answer, excluded or not, if the scope covers its office.</summary>
    public async Task<AnswerExclusionDto?> FindAsync(long answerId, ScopeFilter scope, CancellationToken cancellationToken)
    {
        var row = await (
            from x in db.FeedbackAnswers.IgnoreQueryFilters().AsNoTracking()
            join u in db.OrgUnits on x.OrgUnitId equals u.Id
            where x.Id == answerId
            select new { Answer = x, u.Code, u.Path }).FirstOrDefaultAsync(cancellationToken);
        if (row is null || !scope.Covers(row.Path))
        {
            return null;
        }

        var a = row.Answer;
        string? by = null;
        if (a.ExcludedById is { } userId)
        {
            by = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken) ?? "?";
        }

        return new AnswerExclusionDto(
            a.Id, row.Code, Utc(a.AnsweredAt), a.Overall, a.Comment, a.Language, a.Excluded,
            a.ExclusionReason is { } r ? ApiName(r) : null, a.ExclusionNote, a.ExcludedAt is { } at ? Utc(at) : null, by);
    }

    /// <summary>Reads a reason as the API and the form send it (case-insensitive name); null when missing or unknown.</summary>
    public static ExclusionReason? ParseReason(string? reason) =>
        !string.IsNullOrWhiteSpace(reason) && !int.TryParse(reason, out _)
        && Enum.TryParse<ExclusionReason>(reason.Trim(), ignoreCase: true, out var r) && Enum.IsDefined(r) ? r : null;

    public async Task<RevisionResult> ExcludeAsync(
        long answerId, string? reason, string? note, ScopeFilter scope, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var current = await FindAsync(answerId, scope, cancellationToken);
        if (current is null)
        {
            return new RevisionResult(RevisionOutcome.NotFound);
        }

        var problems = new FieldProblems();
        var parsed = ParseReason(reason);
        if (parsed is null)
        {
            problems.Add("reason", string.IsNullOrWhiteSpace(reason)
                ? localizer["Choose a reason: {0}.", string.Join(", ", ReasonNames)]
                : localizer["“{0}” is not a reason; use {1}.", reason, string.Join(", ", ReasonNames)]);
        }

        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (note is { Length: > NoteMaxLength })
        {
            problems.Add("note", localizer["The note can be at most {0} characters.", NoteMaxLength]);
        }

        if (problems.Count > 0)
        {
            return new RevisionResult(RevisionOutcome.Invalid, current, problems);
        }

        if (current.Excluded)
        {
            return new RevisionResult(RevisionOutcome.Conflict, current);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var by = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var done = await ReviseAsync(answerId, excluded: true, async () =>
            await db.FeedbackAnswers.Where(a => a.Id == answerId && a.ExcludedAt == null).ExecuteUpdateAsync(s => s
                .SetProperty(a => a.ExcludedAt, now)
                .SetProperty(a => a.ExcludedById, by)
                .SetProperty(a => a.ExclusionReason, parsed)
                .SetProperty(a => a.ExclusionNote, note), cancellationToken),
            new { reason = ApiName(parsed!.Value), note }, cancellationToken);
        return new RevisionResult(done ? RevisionOutcome.Done : RevisionOutcome.Conflict, await FindAsync(answerId, scope, cancellationToken));
    }

    public async Task<RevisionResult> RestoreAsync(long answerId, ScopeFilter scope, CancellationToken cancellationToken)
    {
        var current = await FindAsync(answerId, scope, cancellationToken);
        if (current is null)
        {
            return new RevisionResult(RevisionOutcome.NotFound);
        }

        if (!current.Excluded)
        {
            return new RevisionResult(RevisionOutcome.Conflict, current);
        }

        var done = await ReviseAsync(answerId, excluded: false, async () =>
            await db.FeedbackAnswers.IgnoreQueryFilters().Where(a => a.Id == answerId && a.ExcludedAt != null).ExecuteUpdateAsync(s => s
                .SetProperty(a => a.ExcludedAt, (DateTime?)null)
                .SetProperty(a => a.ExcludedById, (string?)null)
                .SetProperty(a => a.ExclusionReason, (ExclusionReason?)null)
                .SetProperty(a => a.ExclusionNote, (string?)null), cancellationToken),
            new { reason = current.Reason, note = current.Note, excludedAt = current.ExcludedAt, excludedBy = current.ExcludedBy }, cancellationToken);
        return new RevisionResult(done ? RevisionOutcome.Done : RevisionOutcome.Conflict, await FindAsync(answerId, scope, cancellationToken));
    }

    /// <summary>The update, the audit entry and the listeners in one transaction; false when the update found nothing to change (someone was faster).</summary>
    private async Task<bool> ReviseAsync(long answerId, bool excluded, Func<Task<int>> update, object detail, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        // A caller that excludes as part of a larger write (Protection's abuse flag, ADR-062) owns the transaction.
        var joined = db.Database.CurrentTransaction is not null;
        await using var tx = joined ? null : await db.Database.BeginTransactionAsync(cancellationToken);
        if (await update() == 0)
        {
            if (tx is not null)
            {
                await tx.RollbackAsync(cancellationToken);
            }

            return false;
        }

        var answer = await db.FeedbackAnswers.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.Id == answerId).Select(a => new { a.OrgUnitId, a.AnsweredAt }).SingleAsync(cancellationToken);
        db.Audit(excluded ? "excluded" : "restored", nameof(FeedbackAnswer), answerId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            excluded ? null : detail, excluded ? detail : null);
        var revision = new FeedbackRevised(answerId, answer.OrgUnitId, Utc(answer.AnsweredAt), excluded);
        foreach (var listener in listeners)
        {
            await listener.FeedbackRevisedAsync(revision, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        if (tx is not null)
        {
            await tx.CommitAsync(cancellationToken);
        }

        return true;
    }

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
