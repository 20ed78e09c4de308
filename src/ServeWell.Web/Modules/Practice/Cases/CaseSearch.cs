using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.Practice.Cases;

/// <summary>A search of the library: words, filters (codes as the API writes them) and the page.</summary>
public sealed record CaseQuery(string? Q = null, string? Channel = null, string? Kind = null, string? Tag = null, string? Competency = null, int Page = 1)
{
    public const int PageSize = 20;
}

public sealed record CaseHit(int Id, string Reference, LocalText Title, LocalText Situation, CaseChannel Channel, CaseKind Kind, CaseTags Tags, DateTime? PublishedAtUtc, int Score);

public sealed record CaseHits(IReadOnlyList<CaseHit> Items, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>
/// Full-text search of published cases on both databases with one query (ADR-053): every query term must be among the
/// case's terms (<see cref="CaseTerms"/>, an index table keyed by term), ranked by the summed weights of the matching
/// terms, newest first among equals. An unknown filter code finds nothing rather than everything.
/// </summary>
public sealed class CaseSearch(ServeWellDbContext db)
{
    public async Task<CaseHits> SearchAsync(CaseQuery query, CancellationToken cancellationToken)
    {
        var page = Math.Max(1, query.Page);
        var cases = db.PracticeCases.AsNoTracking().Where(c => c.Status == CaseStatus.Published);
        if (!string.IsNullOrWhiteSpace(query.Channel))
        {
            var channel = CaseCodes.Channel(query.Channel);
            cases = cases.Where(c => channel != null && c.Channel == channel);
        }

        if (!string.IsNullOrWhiteSpace(query.Kind))
        {
            var kind = CaseCodes.Kind(query.Kind);
            cases = cases.Where(c => kind != null && c.Kind == kind);
        }

        if (!string.IsNullOrWhiteSpace(query.Tag))
        {
            var tag = CaseCodes.Tag(query.Tag) ?? CaseTags.None;
            cases = cases.Where(c => tag != CaseTags.None && (c.Tags & tag) == tag);
        }

        if (!string.IsNullOrWhiteSpace(query.Competency))
        {
            var code = query.Competency.Trim();
            var ids = db.Competencies.Where(x => x.Code == code).Select(x => x.Id);
            cases = cases.Where(c => c.Competencies.Any(x => ids.Contains(x.CompetencyId)));
        }

        var terms = CaseTerms.OfQuery(query.Q);
        foreach (var term in terms)
        {
            var t = term.Term;
            var matching = term.Prefix
                ? db.PracticeCaseTerms.Where(x => x.Term.StartsWith(t)).Select(x => x.CaseId)
                : db.PracticeCaseTerms.Where(x => x.Term == t).Select(x => x.CaseId);
            cases = cases.Where(c => matching.Contains(c.Id));
        }

        var exact = terms.Select(t => t.Term).ToList();
        var total = await cases.CountAsync(cancellationToken);
        var scored = cases.Select(c => new
        {
            Case = c,
            Score = exact.Count == 0 ? 0 : db.PracticeCaseTerms.Where(x => x.CaseId == c.Id && exact.Contains(x.Term)).Sum(x => x.Weight),
        });
        var items = await scored
            .OrderByDescending(x => x.Score).ThenByDescending(x => x.Case.PublishedAtUtc).ThenByDescending(x => x.Case.Id)
            .Skip((page - 1) * CaseQuery.PageSize).Take(CaseQuery.PageSize)
            .Select(x => new CaseHit(x.Case.Id, x.Case.Reference, x.Case.Title, x.Case.Situation, x.Case.Channel, x.Case.Kind, x.Case.Tags, x.Case.PublishedAtUtc, x.Score))
            .ToListAsync(cancellationToken);
        return new CaseHits(items, total, page, CaseQuery.PageSize);
    }
}
