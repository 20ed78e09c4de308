using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Platform.City;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Admin.Audit;

[Authorize(Policy = Policies.Administer)]
public sealed class IndexModel(ServeWellDbContext db, AuditReading reading, CityClock city, IStringLocalizer<SharedResource> l) : PageModel
{
    private const int PageSize = 100;

    [BindProperty(SupportsGet = true)]
    public string? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Change { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Key { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Actor { get; set; }

    /// <summary>The first and last day shown, in the city's calendar.</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    /// <summary>Keyset paging: entries older than this id.</summary>
    [BindProperty(SupportsGet = true)]
    public long? Before { get; set; }

    public IReadOnlyList<AuditRow> Entries { get; private set; } = [];

    /// <summary>The kinds of record and actions in the log, each with its label in the reader's language.</summary>
    public IReadOnlyList<(string Value, string Label)> Types { get; private set; } = [];

    public IReadOnlyList<(string Value, string Label)> Actions { get; private set; } = [];

    public bool HasMore { get; private set; }

    public string NextLink => QueryHelpers.AddQueryString("/Admin/Audit", new Dictionary<string, string?>
    {
        ["type"] = Type, ["change"] = Change, ["key"] = Key, ["actor"] = Actor,
        ["from"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["to"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["before"] = Entries.Count > 0 ? Entries[^1].Id.ToString(CultureInfo.InvariantCulture) : null,
    }.Where(p => !string.IsNullOrEmpty(p.Value)));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // A date or cursor that does not read is named and left out, never a failure (the filters stay as typed).
        foreach (var (field, message) in new[] { ("From", l["\"From\" is not a date (YYYY-MM-DD)."]), ("To", l["\"To\" is not a date (YYYY-MM-DD)."]) })
        {
            if (ModelState[field] is { Errors.Count: > 0 } state)
            {
                state.Errors.Clear();
                ModelState.AddModelError(field, message);
            }
        }

        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Type))
        {
            query = query.Where(a => a.EntityType == Type);
        }

        if (!string.IsNullOrWhiteSpace(Change))
        {
            query = query.Where(a => a.Action == Change);
        }

        if (!string.IsNullOrWhiteSpace(Key))
        {
            query = query.Where(a => a.EntityKey.Contains(Key.Trim()));
        }

        if (!string.IsNullOrWhiteSpace(Actor))
        {
            query = query.Where(a => a.ActorName.Contains(Actor.Trim()));
        }

        if (From is { } from)
        {
            var start = city.StartOf(from).UtcDateTime;
            query = query.Where(a => a.At >= start);
        }

        if (To is { } to && to < DateOnly.MaxValue)
        {
            var end = city.StartOf(to.AddDays(1)).UtcDateTime;
            query = query.Where(a => a.At < end);
        }

        if (Before is { } before)
        {
            query = query.Where(a => a.Id < before);
        }

        var rows = await query.OrderByDescending(a => a.Id).Take(PageSize + 1).ToListAsync(cancellationToken);
        HasMore = rows.Count > PageSize;
        Entries = await reading.ReadAsync(rows.Take(PageSize).ToList(), cancellationToken);
        Types = Labelled(await db.AuditEntries.AsNoTracking().Select(a => a.EntityType).Distinct().ToListAsync(cancellationToken), t => AuditWords.Type(l, t));
        Actions = Labelled(await db.AuditEntries.AsNoTracking().Select(a => a.Action).Distinct().ToListAsync(cancellationToken), a => AuditWords.Action(l, a));
    }

    private static List<(string, string)> Labelled(IEnumerable<string> values, Func<string, string> label) =>
        values.Select(v => (v, label(v))).OrderBy(p => p.Item2, StringComparer.CurrentCulture).ToList();
}
