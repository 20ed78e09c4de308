using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Feedback.Touchpoints;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Bench;

/// <summary>One answer behind a figure, as a drill-down page lists it.</summary>
internal sealed record DrillDownRow(long Id, DateTime AnsweredAt, int OrgUnitId, int? ServiceId, FeedbackChannel Channel, int Overall, string? Comment, string Language);

/// <summary>
/// STAND-IN for the drill-down service that another branch builds (`/Insights/Answers`): the answers behind one cell —
/// an org subtree, a UTC period and optionally a service and a channel — newest first, keyset-paged on
/// (AnsweredAt, Id) so page 200 costs what page 1 costs. At merge the lead re-points the benchmark at the real service.
/// </summary>
internal static class DrillDownQuery
{
    public const int PageSize = 50;

    public static Task<List<DrillDownRow>> PageAsync(
        ServeWellDbContext db, string subtreePath, DateTime fromUtc, DateTime toUtc, int? serviceId, FeedbackChannel? channel,
        (DateTime AnsweredAt, long Id)? after, CancellationToken cancellationToken)
    {
        var units = db.OrgUnits.Where(u => u.Path.StartsWith(subtreePath)).Select(u => u.Id);
        var answers = db.FeedbackAnswers.AsNoTracking()
            .Where(a => units.Contains(a.OrgUnitId) && a.AnsweredAt >= fromUtc && a.AnsweredAt < toUtc);
        if (serviceId is { } s)
        {
            answers = answers.Where(a => a.ServiceId == s);
        }

        if (channel is { } c)
        {
            answers = answers.Where(a => a.Channel == c);
        }

        if (after is { } k)
        {
            answers = answers.Where(a => a.AnsweredAt < k.AnsweredAt || (a.AnsweredAt == k.AnsweredAt && a.Id < k.Id));
        }

        return answers.OrderByDescending(a => a.AnsweredAt).ThenByDescending(a => a.Id).Take(PageSize)
            .Select(a => new DrillDownRow(a.Id, a.AnsweredAt, a.OrgUnitId, a.ServiceId, a.Channel, a.Overall, a.Comment, a.Language))
            .ToListAsync(cancellationToken);
    }
}
