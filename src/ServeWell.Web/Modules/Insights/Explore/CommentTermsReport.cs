using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Feedback.Intake;
using ServeWell.Web.Modules.Insights.Overview;
using ServeWell.Web.Modules.Insights.Text;

namespace ServeWell.Web.Modules.Insights.Explore;

/// <summary>An example comment: already redacted at intake; shown as text, never as HTML.</summary>
public sealed record TermExampleDto(long AnswerId, DateTime AnsweredAt, int Overall, string Comment);

public sealed record CommentTermDto(
    string Term, string Language, bool IsPhrase, int DissatisfiedComments, int SatisfiedComments, double Score, IReadOnlyList<TermExampleDto> Examples);

/// <summary>What unhappy citizens write about in a period and subtree; <see cref="Method"/> names how the terms were ranked.</summary>
public sealed record CommentTermsDto(
    string From, string To, string OrgUnitCode, string OrgUnitName, string Method, int DissatisfiedComments, int SatisfiedComments,
    IReadOnlyList<CommentTermDto> Terms);

/// <summary>
/// Comments of dissatisfied answers (1–2) against those of satisfied ones (4–5) in the same scope and period, newest
/// <see cref="InsightsAnswers.TermScanLimit"/> of each, ranked by <see cref="CommentTerms.Rank"/> (ADR-014).
/// </summary>
public sealed class CommentTermsReport(InsightsAnswers answers)
{
    private static readonly IReadOnlySet<string> Placeholders = new HashSet<string>(StringComparer.Ordinal)
    {
        "removed", "id", "number", "email", "phone",
    };

    /// <summary>The comment without the intake's redaction markers: "[전화번호 삭제]" is not something the citizen said.</summary>
    public static string Unmarked(string comment) =>
        CommentRedaction.Markers.Aggregate(comment, (text, marker) => text.Replace(marker, " ", StringComparison.Ordinal));

    public async Task<CommentTermsDto> RankAsync(InsightsQuery query, bool english, CancellationToken cancellationToken)
    {
        var unhappy = await CommentsAsync(new AnswerFilter(query, Band: ScoreBand.Dissatisfied), cancellationToken);
        var happy = await CommentsAsync(new AnswerFilter(query, Band: ScoreBand.Satisfied), cancellationToken);
        var ranking = CommentTerms.Rank(
            unhappy.Select(c => new Comment(c.Id, Unmarked(c.Comment!))), happy.Select(c => new Comment(c.Id, Unmarked(c.Comment!))),
            new CommentTermOptions { ExtraStopWords = Placeholders });
        var byId = unhappy.ToDictionary(c => c.Id);
        var terms = ranking.Terms.Select(t => new CommentTermDto(
            t.Term, t.Language, t.IsPhrase, t.DissatisfiedComments, t.SatisfiedComments, Math.Round(t.Score, 3),
            t.ExampleAnswerIds.Where(byId.ContainsKey).Select(id => byId[id])
                .Select(a => new TermExampleDto(a.Id, DateTime.SpecifyKind(a.AnsweredAt, DateTimeKind.Utc), a.Overall, a.Comment!)).ToList())).ToList();
        return new CommentTermsDto(
            InsightsScope.Format(query.From), InsightsScope.Format(query.To), query.Unit.Code, query.Unit.DisplayName(english),
            ranking.Method == TermRankingMethod.WeightedLogOdds ? "weighted log-odds ratio with an informative Dirichlet prior" : "frequency",
            unhappy.Count, happy.Count, terms);
    }

    private async Task<List<(long Id, DateTime AnsweredAt, int Overall, string? Comment)>> CommentsAsync(AnswerFilter filter, CancellationToken cancellationToken)
    {
        var rows = await (await answers.FilteredAsync(filter, cancellationToken)).Where(a => a.Comment != null && a.Comment != "")
            .OrderByDescending(a => a.AnsweredAt).ThenByDescending(a => a.Id)
            .Take(InsightsAnswers.TermScanLimit)
            .Select(a => new { a.Id, a.AnsweredAt, a.Overall, a.Comment })
            .AsNoTracking().ToListAsync(cancellationToken);
        return rows.Select(r => (r.Id, r.AnsweredAt, r.Overall, r.Comment)).ToList();
    }
}
