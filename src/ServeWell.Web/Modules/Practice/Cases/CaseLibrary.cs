using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Practice.Cases;

public enum CaseFailure
{
    None,
    NotFound,

    /// <summary>The case is not in a state that allows the step (editing a submitted case, approving a draft).</summary>
    Conflict,
}

/// <summary>What a step did: the case, or the problems with the input, or why the step is refused.</summary>
public sealed record CaseOutcome(PracticeCase? Case, IReadOnlyList<CaseProblem> Problems, CaseFailure Failure = CaseFailure.None, CaseScrubbed? Scrubbed = null)
{
    public bool Succeeded => Case is not null && Problems.Count == 0 && Failure == CaseFailure.None;
}

/// <summary>Who is asking: the account and whether it reviews cases (training officers and administrators).</summary>
public sealed record CaseReader(string UserId, bool IsReviewer, string Name)
{
    public static CaseReader Of(ClaimsPrincipal user) => new(
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
        Policies.RolesByPolicy[Policies.ManageTraining].Any(user.IsInRole),
        user.Identity?.Name ?? "");

    /// <summary>Published cases for everyone; the author's own in every state; what is waiting or withdrawn for reviewers.</summary>
    public bool MayRead(PracticeCase c) =>
        c.Status == CaseStatus.Published || c.AuthorUserId == UserId || (IsReviewer && c.Status != CaseStatus.Draft);
}

/// <summary>
/// The lifecycle of a case (ADR-053): contribute and edit (scrubbed on every save, the original kept for the author
/// while they edit), submit (the original is deleted), approve or return, withdraw with a reason. Every step is one
/// SaveChanges: all or nothing, audited through <see cref="Platform.Audit.IAudited"/>.
/// </summary>
public sealed class CaseLibrary(ServeWellDbContext db, CaseScrub scrub, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public async Task<CaseOutcome> SaveAsync(int? id, CaseInput input, CaseReader author, CancellationToken cancellationToken)
    {
        PracticeCase? existing = null;
        if (id is { } caseId)
        {
            existing = await db.PracticeCases.Include(c => c.Competencies).SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken);
            if (existing is null || existing.AuthorUserId != author.UserId)
            {
                return new(null, [], CaseFailure.NotFound);
            }

            if (!existing.AuthorMayEdit)
            {
                return new(existing, [new("", l["This case is {0}; only a draft or a returned case can be edited.", l[CaseCodes.LabelOf(existing.Status)].Value.ToLowerInvariant()])], CaseFailure.Conflict);
            }
        }

        var problems = CaseRules.Check(input, forSubmission: false, l);
        var competencies = await CompetencyIdsAsync(input.Competencies ?? [], problems, cancellationToken);
        if (problems.Count > 0)
        {
            return new(existing, problems);
        }

        var marked = input.MarkedPhrases;
        var scrubbed = await scrub.ScrubAsync(input.Texts, marked, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var c = existing ?? new PracticeCase
        {
            Reference = "CASE-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant(),
            AuthorUserId = author.UserId,
            Title = LocalText.Empty,
            CreatedAtUtc = now,
        };
        c.SetTexts(scrubbed.Texts);
        c.Channel = CaseCodes.Channel(input.Channel)!.Value;
        c.Kind = CaseCodes.Kind(input.Kind)!.Value;
        c.Tags = (input.Tags ?? []).Aggregate(CaseTags.None, (all, t) => all | CaseCodes.Tag(t)!.Value);
        c.UpdatedAtUtc = now;
        c.Competencies.RemoveAll(x => !competencies.Contains(x.CompetencyId));
        c.Competencies.AddRange(competencies.Where(cid => c.Competencies.All(x => x.CompetencyId != cid)).Select(cid => new PracticeCaseCompetency { CompetencyId = cid }));
        if (existing is null)
        {
            db.PracticeCases.Add(c);
        }

        // A caller that drafts a case as part of a larger write (an encounter's consent, ADR-062) owns the transaction.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await db.SaveChangesAsync(cancellationToken); // the case first: a new one gets its id
        var original = await db.PracticeCaseOriginals.SingleOrDefaultAsync(o => o.CaseId == c.Id, cancellationToken);
        if (original is null)
        {
            original = new CaseOriginal { CaseId = c.Id, Title = LocalText.Empty };
            db.PracticeCaseOriginals.Add(original);
        }

        original.SetTexts(input.Texts);
        original.Marked = string.Join('\n', marked);
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return new(c, [], Scrubbed: scrubbed);
    }

    /// <summary>Sends the case to review; the author's original words are deleted now (ADR-053).</summary>
    public async Task<CaseOutcome> SubmitAsync(int id, CaseReader author, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } c || c.AuthorUserId != author.UserId)
        {
            return new(null, [], CaseFailure.NotFound);
        }

        if (!c.AuthorMayEdit)
        {
            return Refused(c, l["Only a draft or a returned case can be sent to review."]);
        }

        var input = InputOf(c);
        var problems = CaseRules.Check(input, forSubmission: true, l);
        if (problems.Count > 0)
        {
            return new(c, problems);
        }

        c.Status = CaseStatus.Submitted;
        c.SubmittedAtUtc = clock.GetUtcNow().UtcDateTime;
        c.Note = null;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.PracticeCaseOriginals.Where(o => o.CaseId == id).ExecuteDeleteAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new(c, []);
    }

    public async Task<CaseOutcome> ApproveAsync(int id, CaseReader reviewer, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } c || !reviewer.IsReviewer || !reviewer.MayRead(c))
        {
            return new(null, [], CaseFailure.NotFound);
        }

        if (c.Status != CaseStatus.Submitted)
        {
            return Refused(c, l["Only a case waiting for review can be published."]);
        }

        if (c.AuthorUserId == reviewer.UserId)
        {
            return Refused(c, l["Another training officer reviews your own case."]);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        c.Status = CaseStatus.Published;
        c.PublishedAtUtc = now;
        c.ReviewedBy = reviewer.Name;
        c.Note = null;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        db.PracticeCaseTerms.AddRange(CaseTerms.OfCase(c));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new(c, []);
    }

    public async Task<CaseOutcome> ReturnAsync(int id, string? note, CaseReader reviewer, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } c || !reviewer.IsReviewer || !reviewer.MayRead(c))
        {
            return new(null, [], CaseFailure.NotFound);
        }

        if (c.Status != CaseStatus.Submitted)
        {
            return Refused(c, l["Only a case waiting for review can be returned."]);
        }

        if (NoteProblem(note, "note", l["Write a note for the author: what to change before the case can be published."]) is { } problem)
        {
            return new(c, [problem]);
        }

        c.Status = CaseStatus.Returned;
        c.Note = note!.Trim();
        c.ReviewedBy = reviewer.Name;
        await db.SaveChangesAsync(cancellationToken);
        return new(c, []);
    }

    /// <summary>The author withdraws their case in any state; a reviewer withdraws a published or waiting one. Never deleted.</summary>
    public async Task<CaseOutcome> WithdrawAsync(int id, string? reason, CaseReader reader, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } c || !reader.MayRead(c))
        {
            return new(null, [], CaseFailure.NotFound);
        }

        if (c.Status == CaseStatus.Withdrawn || (c.AuthorUserId != reader.UserId && !reader.IsReviewer))
        {
            return Refused(c, l["This case cannot be withdrawn by you now."]);
        }

        if (NoteProblem(reason, "reason", l["Write why the case is withdrawn."]) is { } problem)
        {
            return new(c, [problem]);
        }

        c.Status = CaseStatus.Withdrawn;
        c.Note = reason!.Trim();
        c.WithdrawnAtUtc = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.PracticeCaseTerms.Where(t => t.CaseId == id).ExecuteDeleteAsync(cancellationToken);
        await db.PracticeCaseOriginals.Where(o => o.CaseId == id).ExecuteDeleteAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new(c, []);
    }

    public Task<PracticeCase?> FindAsync(int id, CancellationToken cancellationToken) =>
        db.PracticeCases.Include(c => c.Competencies).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);

    /// <summary>The stored case as an input again (its scrubbed texts), for checks and for the edit form.</summary>
    public static CaseInput InputOf(PracticeCase c, IReadOnlyList<string>? competencyCodes = null, CaseOriginal? original = null)
    {
        var t = original?.Texts ?? c.Texts;
        return new(t[0], t[1], t[2], t[3], t[4], t[5], CaseCodes.Of(c.Channel), CaseCodes.Of(c.Kind), CaseCodes.Of(c.Tags),
            competencyCodes ?? [], original is null ? [] : original.Marked.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    private async Task<HashSet<int>> CompetencyIdsAsync(IReadOnlyList<string> codes, List<CaseProblem> problems, CancellationToken cancellationToken)
    {
        var wanted = codes.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var known = await db.Competencies.Where(c => c.IsActive && wanted.Contains(c.Code)).ToDictionaryAsync(c => c.Code, c => c.Id, cancellationToken);
        foreach (var code in wanted.Where(c => !known.ContainsKey(c)))
        {
            problems.Add(new("competencies", l["Competencies: \"{0}\" is not a competency of the catalogue.", code]));
        }

        return [.. known.Values];
    }

    private CaseProblem? NoteProblem(string? text, string field, string requiredMessage) =>
        string.IsNullOrWhiteSpace(text) ? new(field, requiredMessage)
        : text.Trim().Length > PracticeCase.MaxNote ? new(field, l["At most {0} characters.", PracticeCase.MaxNote])
        : null;

    private static CaseOutcome Refused(PracticeCase c, string message) => new(c, [new("", message)], CaseFailure.Conflict);
}
