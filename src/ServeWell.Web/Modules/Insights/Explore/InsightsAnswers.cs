using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Feedback.Intake;
using ServeWell.Web.Modules.Feedback.Touchpoints;
using ServeWell.Web.Modules.Insights.Overview;
using ServeWell.Web.Modules.Insights.Rollups;
using ServeWell.Web.Modules.Insights.Text;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.Insights.Explore;

/// <summary>Which answers a figure stands for: satisfied (4–5), neutral (3) or dissatisfied (1–2).</summary>
public enum ScoreBand
{
    Satisfied,
    Neutral,
    Dissatisfied,
}

/// <summary>
/// The answers behind a figure: the period and subtree (already checked against the viewer's scope), and optionally a
/// service, a channel, a score band, a comment term and an employee (already checked against the minimum group size).
/// <see cref="IncludeExcluded"/> also lists answers left out of the figures (ADR-022): only for those who may restore them, never in exports.
/// </summary>
public sealed record AnswerFilter(
    InsightsQuery Query, int? ServiceId = null, FeedbackChannel? Channel = null, ScoreBand? Band = null, string? Term = null, int? EmployeeId = null,
    bool IncludeExcluded = false);

/// <summary>One answer as the drill-down shows it: never contact details; the comment is the redacted one, shown as text.</summary>
public sealed record AnswerRowDto(
    long Id, DateTime AnsweredAt, string OfficeCode, string Office, string? ServiceCode, string? Service, string Channel, int Overall,
    int? Timeliness, int? Knowledge, int? Courtesy, int? Fairness, int? Outcome, string? Resolved, string? Comment, string Language,
    string? ExclusionReason = null, DateTime? ExcludedAt = null, string? ExcludedBy = null)
{
    public bool Excluded => ExcludedAt is not null;
}

/// <summary>A page of answers, newest first; <see cref="Next"/> is the cursor of the next page (null on the last).</summary>
public sealed record AnswersPageDto(IReadOnlyList<AnswerRowDto> Answers, string? Next);

/// <summary>
/// Reads the answers behind a figure, keyset-paged newest first on (AnsweredAt, Id): a page costs the same however deep
/// it is, and an answer arriving while someone pages never shifts or repeats a row (ADR-019).
/// </summary>
public sealed class InsightsAnswers(ServeWellDbContext db, InsightsCalendar calendar)
{
    public const int PageSize = 50;

    /// <summary>At most this many dissatisfied comments are read to match a term (the same bound as the comment terms).</summary>
    public const int TermScanLimit = 20_000;

    public async Task<AnswersPageDto> PageAsync(AnswerFilter filter, string? after, bool english, int pageSize = PageSize, CancellationToken cancellationToken = default)
    {
        var source = await FilteredAsync(filter, cancellationToken);
        if (ParseCursor(after) is { } cursor)
        {
            // The first bound is a plain range on the index, so a deep page starts where the cursor is (ADR-019).
            source = source.Where(a => a.AnsweredAt <= cursor.At && (a.AnsweredAt < cursor.At || a.Id < cursor.Id));
        }

        source = source.OrderByDescending(a => a.AnsweredAt).ThenByDescending(a => a.Id);
        List<FeedbackAnswer> rows;
        if (string.IsNullOrWhiteSpace(filter.Term))
        {
            rows = await source.Take(pageSize + 1).AsNoTracking().ToListAsync(cancellationToken);
        }
        else
        {
            // A term is a stem or a two-word phrase after analysis, which SQL cannot match; the candidates are the
            // commented answers of the filter (newest first, bounded), matched here with the same analysis as the terms.
            var key = TermKey(filter.Term);
            rows = [];
            if (key is not null)
            {
                var candidates = await source.Where(a => a.Comment != null).Take(TermScanLimit).AsNoTracking().ToListAsync(cancellationToken);
                rows = candidates.Where(a => Keys(a.Comment!).Contains(key)).Take(pageSize + 1).ToList();
            }
        }

        var more = rows.Count > pageSize;
        if (more)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        var unitIds = rows.Select(r => r.OrgUnitId).Distinct().ToList();
        var units = await db.OrgUnits.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, cancellationToken);
        var serviceIds = rows.Where(r => r.ServiceId != null).Select(r => r.ServiceId!.Value).Distinct().ToList();
        var services = await db.PublicServices.AsNoTracking().Where(s => serviceIds.Contains(s.Id))
            .Select(s => new { s.Id, s.Code, s.NameEn, s.NameKo }).ToDictionaryAsync(s => s.Id, cancellationToken);
        var excluders = rows.Where(r => r.ExcludedById != null).Select(r => r.ExcludedById!).Distinct().ToList();
        var names = excluders.Count == 0 ? new Dictionary<string, string>() : await db.Users.AsNoTracking().Where(u => excluders.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var dtos = rows.Select(a =>
        {
            var unit = units.GetValueOrDefault(a.OrgUnitId);
            var service = a.ServiceId is { } sid ? services.GetValueOrDefault(sid) : null;
            return new AnswerRowDto(
                a.Id, DateTime.SpecifyKind(a.AnsweredAt, DateTimeKind.Utc), unit?.Code ?? "", unit?.DisplayName(english) ?? "", service?.Code,
                service is null ? null : english ? service.NameEn : service.NameKo, a.Channel.ToString(), a.Overall,
                a.Timeliness, a.Knowledge, a.Courtesy, a.Fairness, a.Outcome, a.Resolved?.ToString(), a.Comment, a.Language,
                a.ExclusionReason is { } reason ? reason.ToString().ToLowerInvariant() : null,
                a.ExcludedAt is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : null,
                a.ExcludedById is { } by ? names.GetValueOrDefault(by, "?") : null);
        }).ToList();
        var last = rows.Count > 0 ? rows[^1] : null;
        return new AnswersPageDto(dtos, more && last is not null ? Cursor(last.AnsweredAt, last.Id) : null);
    }

    /// <summary>
    /// The answers of the filter, unordered. The subtree's units are read first and named in the query, so PostgreSQL
    /// knows how many there are: one office reads (OrgUnitId, AnsweredAt, Id) backwards, a large subtree walks
    /// (AnsweredAt, Id) backwards and stops after a page, the whole organisation needs no unit condition at all.
    /// </summary>
    public async Task<IQueryable<FeedbackAnswer>> FilteredAsync(AnswerFilter filter, CancellationToken cancellationToken)
    {
        var query = filter.Query;
        var (start, _) = calendar.Bounds(query.From);
        var (_, end) = calendar.Bounds(query.To);
        var prefix = query.Unit.Path;
        var units = await db.OrgUnits.Where(u => u.Path.StartsWith(prefix)).Select(u => u.Id).ToListAsync(cancellationToken);
        var everything = query.Unit.ParentId is null && units.Count == await db.OrgUnits.CountAsync(cancellationToken);
        // Excluded answers are left out by the global query filter (ADR-022) unless the filter asks for them.
        var all = filter.IncludeExcluded ? db.FeedbackAnswers.IgnoreQueryFilters() : db.FeedbackAnswers;
        var answers = all.Where(a => a.AnsweredAt >= start && a.AnsweredAt < end);
        if (filter.EmployeeId is { } employee)
        {
            // An employee's answers: their name-badge touchpoints and the answers commending them (ADR-019); the
            // employee was checked against the subtree, and their answers count wherever they served.
            var badges = db.Touchpoints.Where(t => t.EmployeeId == employee).Select(t => t.Id);
            answers = answers.Where(a => a.CommendedEmployeeId == employee || badges.Contains(a.TouchpointId));
        }
        else if (units.Count == 1)
        {
            var unit = units[0];
            answers = answers.Where(a => a.OrgUnitId == unit);
        }
        else if (!everything)
        {
            answers = answers.Where(a => units.Contains(a.OrgUnitId));
        }

        if (filter.ServiceId is { } service)
        {
            answers = service == 0 ? answers.Where(a => a.ServiceId == null) : answers.Where(a => a.ServiceId == service);
        }

        if (filter.Channel is { } channel)
        {
            answers = answers.Where(a => a.Channel == channel);
        }

        answers = filter.Band switch
        {
            ScoreBand.Satisfied => answers.Where(a => a.Overall >= 4),
            ScoreBand.Neutral => answers.Where(a => a.Overall == 3),
            ScoreBand.Dissatisfied => answers.Where(a => a.Overall <= 2),
            _ => answers,
        };
        return answers;
    }

    /// <summary>The key a shown term is counted under: a word's stem, or two stems joined by a space for a phrase.</summary>
    public static string? TermKey(string term)
    {
        var words = CommentTokens.Runs(term).SelectMany(r => r).Select(w => w.Key).ToList();
        return words.Count is 1 or 2 ? string.Join(' ', words) : null;
    }

    /// <summary>Every word key and two-word phrase key of a comment, as <see cref="CommentTerms"/> counts them.</summary>
    public static HashSet<string> Keys(string comment)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var run in CommentTokens.Runs(comment))
        {
            for (var i = 0; i < run.Count; i++)
            {
                keys.Add(run[i].Key);
                if (i + 1 < run.Count)
                {
                    keys.Add(run[i].Key + " " + run[i + 1].Key);
                }
            }
        }

        return keys;
    }

    public static string Cursor(DateTime at, long id) =>
        string.Create(CultureInfo.InvariantCulture, $"{at.Ticks}-{id}");

    public static (DateTime At, long Id)? ParseCursor(string? cursor)
    {
        if (string.IsNullOrWhiteSpace(cursor))
        {
            return null;
        }

        var parts = cursor.Split('-');
        return parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks >= DateTime.MinValue.Ticks && ticks <= DateTime.MaxValue.Ticks
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? (new DateTime(ticks, DateTimeKind.Utc), id)
            : null;
    }

    public static ScoreBand? ParseBand(string? band) =>
        Enum.TryParse<ScoreBand>(band, ignoreCase: true, out var b) && Enum.IsDefined(b) ? b : null;
}
