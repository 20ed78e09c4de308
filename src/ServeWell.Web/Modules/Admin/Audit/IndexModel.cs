using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Platform.Audit;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Admin.Audit;

[Authorize(Policy = Policies.Administer)]
public sealed class IndexModel(ServeWellDbContext db) : PageModel
{
    private const int PageSize = 100;

    [BindProperty(SupportsGet = true)]
    public string? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Key { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Actor { get; set; }

    /// <summary>Keyset paging: entries older than this id.</summary>
    [BindProperty(SupportsGet = true)]
    public long? Before { get; set; }

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    /// <summary>A stored before/after object as "name: value" lines, for reading rather than parsing.</summary>
    public static IReadOnlyList<string> Lines(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(json);
            return doc.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
                ? doc.RootElement.EnumerateObject().Select(p => $"{p.Name}: {(p.Value.ValueKind == System.Text.Json.JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText())}").ToList()
                : [json];
        }
        catch (System.Text.Json.JsonException)
        {
            return [json];
        }
    }

    public IReadOnlyList<string> Types { get; private set; } = [];

    public bool HasMore { get; private set; }

    public string NextLink => QueryHelpers.AddQueryString("/Admin/Audit", new Dictionary<string, string?>
    {
        ["type"] = Type, ["key"] = Key, ["actor"] = Actor,
        ["before"] = Entries.Count > 0 ? Entries[^1].Id.ToString(CultureInfo.InvariantCulture) : null,
    }.Where(p => !string.IsNullOrEmpty(p.Value)));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Type))
        {
            query = query.Where(a => a.EntityType == Type);
        }

        if (!string.IsNullOrWhiteSpace(Key))
        {
            query = query.Where(a => a.EntityKey.Contains(Key.Trim()));
        }

        if (!string.IsNullOrWhiteSpace(Actor))
        {
            query = query.Where(a => a.ActorName.Contains(Actor.Trim()));
        }

        if (Before is { } before)
        {
            query = query.Where(a => a.Id < before);
        }

        var rows = await query.OrderByDescending(a => a.Id).Take(PageSize + 1).ToListAsync(cancellationToken);
        HasMore = rows.Count > PageSize;
        Entries = rows.Take(PageSize).ToList();
        Types = await db.AuditEntries.AsNoTracking().Select(a => a.EntityType).Distinct().OrderBy(t => t).ToListAsync(cancellationToken);
    }
}
