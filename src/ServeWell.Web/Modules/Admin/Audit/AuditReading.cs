using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Modules.Accounts;
using ServeWell.Web.Modules.Feedback.Services;
using ServeWell.Web.Modules.Feedback.Touchpoints;
using ServeWell.Web.Modules.FollowUps.Cases;
using ServeWell.Web.Modules.FollowUps.RootCauses;
using ServeWell.Web.Modules.People.Employees;
using ServeWell.Web.Modules.People.OrgUnits;
using ServeWell.Web.Modules.Protection.Encounters;
using ServeWell.Web.Modules.Training.Competencies;
using ServeWell.Web.Modules.Training.Programmes;
using ServeWell.Web.Modules.Training.Sessions;
using ServeWell.Web.Platform.Audit;
using ServeWell.Web.Platform.City;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.Admin.Audit;

/// <summary>One audit entry as a reader sees it: what kind of record, which one by name, and each change in words.</summary>
public sealed record AuditRow(long Id, DateTime At, string Who, string Action, string Kind, string Record, IReadOnlyList<string> Changes);

/// <summary>
/// Turns stored audit entries (field names and raw values, ADR-035) into words in the reader's language: kinds, actions
/// and fields by their labels, enum values by their labels, ids and record keys by the names they stand for, times in
/// the city's zone with the zone named, texts per language in the reader's language. Names are read in one query per kind.
/// </summary>
public sealed class AuditReading(ServeWellDbContext db, IStringLocalizer<SharedResource> l, CityClock city)
{
    // Bookkeeping a reader does not need to see.
    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal) { "Id", "Version", "Sequence", "CalendarUid" };

    // Fields the trail names otherwise than the entity: an encounter's office is written as OrgUnitId (ADR-062).
    private static readonly Dictionary<(string Type, string Field), string> Renamed = new()
    {
        [(nameof(Encounter), "OrgUnitId")] = nameof(Encounter.OfficeId),
    };

    // An encounter's channel, kinds and actions are written as the API's codes ("verbal-abuse, threat"): their labels are the pages'.
    private static readonly Dictionary<string, Dictionary<string, string>> EncounterLabels = new(StringComparer.Ordinal)
    {
        [nameof(Encounter.Channel)] = EncounterCodes.Channels.ToDictionary(c => c.Text, c => c.Label, StringComparer.Ordinal),
        [nameof(Encounter.Kinds)] = EncounterCodes.Kinds.ToDictionary(c => c.Text, c => c.Label, StringComparer.Ordinal),
        [nameof(Encounter.Actions)] = EncounterCodes.Actions.ToDictionary(c => c.Text, c => c.Label, StringComparer.Ordinal),
    };

    private readonly Dictionary<(string Kind, string Key), string> _names = [];

    public async Task<IReadOnlyList<AuditRow>> ReadAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        var parsed = entries.Select(e => (Entry: e, Type: EntityType(e.EntityType), Before: Parse(e.Before), After: Parse(e.After))).ToList();
        var wanted = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (entry, type, before, after) in parsed)
        {
            Want(wanted, "key:" + entry.EntityType, entry.EntityKey);
            foreach (var (field, value) in Fields(before).Concat(Fields(after)))
            {
                if (Principal(type, field) is { } principal && Scalar(value) is { } id)
                {
                    Want(wanted, principal, id);
                }
            }
        }

        foreach (var (kind, keys) in wanted)
        {
            foreach (var (key, name) in await NamesAsync(kind, keys, cancellationToken))
            {
                _names[(kind, key)] = name;
            }
        }

        return parsed.Select(p => new AuditRow(
            p.Entry.Id, p.Entry.At, p.Entry.ActorName, AuditWords.Action(l, p.Entry.Action), AuditWords.Type(l, p.Entry.EntityType),
            _names.GetValueOrDefault(("key:" + p.Entry.EntityType, p.Entry.EntityKey)) ?? p.Entry.EntityKey,
            Changes(p.Type, p.Before, p.After))).ToList();
    }

    private IReadOnlyList<string> Changes(IEntityType? type, JsonElement? before, JsonElement? after)
    {
        if (before is { ValueKind: not JsonValueKind.Object } || after is { ValueKind: not JsonValueKind.Object })
        {
            return new[] { before, after }.Where(v => v is not null).Select(v => v!.Value.ToString()).ToList();
        }

        var old = Fields(before).ToDictionary(f => f.Name, f => f.Value, StringComparer.Ordinal);
        var now = Fields(after).ToDictionary(f => f.Name, f => f.Value, StringComparer.Ordinal);
        var lines = new List<string>();
        foreach (var field in old.Keys.Concat(now.Keys).Distinct(StringComparer.Ordinal).Where(f => !Skipped.Contains(f)))
        {
            var label = AuditWords.Field(l, field);
            if (!old.ContainsKey(field) && now.TryGetValue(field, out var flag) && flag.ValueKind == JsonValueKind.True
                && field.EndsWith("Changed", StringComparison.Ordinal))
            {
                // A flag that says only that something changed (an encounter's DescriptionChanged, never its words): its label alone.
                lines.Add(label);
                continue;
            }

            var was = old.TryGetValue(field, out var b) ? Value(type, field, b) : null;
            var isNow = now.TryGetValue(field, out var a) ? Value(type, field, a) : null;
            if (before is not null && after is not null)
            {
                lines.Add($"{label}: {was ?? "—"} → {isNow ?? "—"}");
            }
            else if ((isNow ?? was) is { } only)
            {
                // A record created or deleted: its values, leaving out the empty ones.
                lines.Add($"{label}: {only}");
            }
        }

        return lines;
    }

    /// <summary>A stored value in words; null when there is nothing to say (null, an empty text).</summary>
    private string? Value(IEntityType? type, string field, JsonElement value)
    {
        if (value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined || (value.ValueKind == JsonValueKind.String && value.GetString() is ""))
        {
            return null;
        }

        if (Principal(type, field) is { } principal && Scalar(value) is { } id)
        {
            return _names.GetValueOrDefault((principal, id)) ?? id;
        }

        if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty("en", out var en) && value.TryGetProperty("ko", out var ko))
        {
            var text = LocalText.Of(en.GetString(), ko.GetString());
            return text.IsEmpty ? null : text.ToString();
        }

        if (type?.ClrType == typeof(Encounter) && value.ValueKind == JsonValueKind.String && EncounterLabels.TryGetValue(field, out var labels))
        {
            return string.Join(", ", value.GetString()!.Split(", ").Select(c => labels.TryGetValue(c, out var label) ? l[label].Value : c));
        }

        var clr = type?.FindProperty(field)?.ClrType is { } t ? Nullable.GetUnderlyingType(t) ?? t : null;
        return value.ValueKind switch
        {
            JsonValueKind.True => l["Yes"],
            JsonValueKind.False => l["No"],
            JsonValueKind.Number when clr is { IsEnum: true } && value.TryGetInt64(out var n) => AuditWords.EnumValue(l, clr, n),
            JsonValueKind.String when clr is { IsEnum: true } && Enum.TryParse(clr, value.GetString(), out var e) => AuditWords.EnumValue(l, clr, e!),
            JsonValueKind.String when clr == typeof(DateTime) && DateTime.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at) => city.Format(at, CultureInfo.CurrentCulture),
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(v => Value(null, "", v) ?? "—")),
            _ => value.GetRawText(),
        };
    }

    private IEntityType? EntityType(string name) => db.Model.GetEntityTypes().FirstOrDefault(t => t.ClrType.Name == name && !t.IsOwned());

    /// <summary>The kind of record a field points at ("OrgUnit" for OrgUnitId), when it is a foreign key.</summary>
    private static string? Principal(IEntityType? type, string field) =>
        type?.FindProperty(type is null ? field : Renamed.GetValueOrDefault((type.ClrType.Name, field), field))?.GetContainingForeignKeys().FirstOrDefault()?.PrincipalEntityType.ClrType.Name;

    private static string? Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.String => value.GetString(),
        _ => null,
    };

    private static void Want(Dictionary<string, HashSet<string>> wanted, string kind, string key)
    {
        if (!wanted.TryGetValue(kind, out var keys))
        {
            wanted[kind] = keys = new HashSet<string>(StringComparer.Ordinal);
        }

        keys.Add(key);
    }

    private static IEnumerable<(string Name, JsonElement Value)> Fields(JsonElement? json) =>
        json is { ValueKind: JsonValueKind.Object } o ? o.EnumerateObject().Select(p => (p.Name, p.Value)) : [];

    private static JsonElement? Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonDocument.Parse(JsonSerializer.Serialize(json)).RootElement.Clone();
        }
    }

    /// <summary>The names of the records of one kind, by id (foreign keys) or by audit key ("key:" + the entity's name).</summary>
    private async Task<Dictionary<string, string>> NamesAsync(string kind, HashSet<string> keys, CancellationToken ct)
    {
        var ids = keys.Select(k => int.TryParse(k, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : (int?)null)
            .OfType<int>().ToList();
        var english = Cultures.ReadsEnglish;
        switch (kind)
        {
            case nameof(Programme):
                return (await db.Programmes.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.Title.En, p.Title.Ko }).ToListAsync(ct))
                    .ToDictionary(p => Id(p.Id), p => LocalText.Of(p.En, p.Ko).ToString());
            case "key:" + nameof(Programme):
                return await ByBothAsync(keys, k => db.Programmes.AsNoTracking().Where(p => k.Contains(p.Title.Ko) || k.Contains(p.Title.En)).Select(p => new LocalText(p.Title.En, p.Title.Ko)), ct);
            case "key:" + nameof(Touchpoint):
                return await ByBothAsync(keys, k => db.Touchpoints.AsNoTracking().Where(p => k.Contains(p.Label.Ko) || k.Contains(p.Label.En)).Select(p => new LocalText(p.Label.En, p.Label.Ko)), ct);
            case "key:KnowledgeCheck":
                var programmes = keys.Where(k => k.StartsWith("programme ", StringComparison.Ordinal)).Select(k => k["programme ".Length..]).ToHashSet();
                var titles = await NamesAsync(nameof(Programme), programmes, ct);
                return titles.ToDictionary(t => "programme " + t.Key, t => t.Value);
            case nameof(TrainingSession):
                return SessionNames((await db.TrainingSessions.AsNoTracking().Where(s => ids.Contains(s.Id))
                    .Select(s => new { Key = s.Id, s.StartsAtUtc, s.Venue.En, s.Venue.Ko, TitleEn = db.Programmes.Where(p => p.Id == s.ProgrammeId).Select(p => p.Title.En).First(), TitleKo = db.Programmes.Where(p => p.Id == s.ProgrammeId).Select(p => p.Title.Ko).First() })
                    .ToListAsync(ct)).Select(s => new SessionName(Id(s.Key), s.StartsAtUtc, LocalText.Of(s.En, s.Ko), LocalText.Of(s.TitleEn, s.TitleKo))));
            case "key:" + nameof(TrainingSession):
                var uids = keys.Select(k => Guid.TryParse(k, out var g) ? g : (Guid?)null).OfType<Guid>().ToList();
                return SessionNames((await db.TrainingSessions.AsNoTracking().Where(s => uids.Contains(s.CalendarUid))
                    .Select(s => new { Key = s.CalendarUid, s.StartsAtUtc, s.Venue.En, s.Venue.Ko, TitleEn = db.Programmes.Where(p => p.Id == s.ProgrammeId).Select(p => p.Title.En).First(), TitleKo = db.Programmes.Where(p => p.Id == s.ProgrammeId).Select(p => p.Title.Ko).First() })
                    .ToListAsync(ct)).Select(s => new SessionName(s.Key.ToString(), s.StartsAtUtc, LocalText.Of(s.En, s.Ko), LocalText.Of(s.TitleEn, s.TitleKo))));
            case nameof(OrgUnit):
                return (await db.OrgUnits.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.Name, u.NameEn }).ToListAsync(ct))
                    .ToDictionary(u => Id(u.Id), u => english && !string.IsNullOrEmpty(u.NameEn) ? u.NameEn : u.Name);
            case "key:" + nameof(OrgUnit):
                return (await db.OrgUnits.AsNoTracking().Where(u => keys.Contains(u.Code)).Select(u => new { u.Code, u.Name, u.NameEn }).ToListAsync(ct))
                    .ToDictionary(u => u.Code, u => $"{(english && !string.IsNullOrEmpty(u.NameEn) ? u.NameEn : u.Name)} ({u.Code})");
            case nameof(Employee):
                return (await db.Employees.AsNoTracking().Where(e => ids.Contains(e.Id)).Select(e => new { e.Id, e.Name, e.EmployeeNumber }).ToListAsync(ct))
                    .ToDictionary(e => Id(e.Id), e => $"{e.Name} ({e.EmployeeNumber})");
            case "key:" + nameof(Employee):
                return (await db.Employees.AsNoTracking().Where(e => keys.Contains(e.EmployeeNumber)).Select(e => new { e.Name, e.EmployeeNumber }).ToListAsync(ct))
                    .ToDictionary(e => e.EmployeeNumber, e => $"{e.Name} ({e.EmployeeNumber})");
            case nameof(StaffUser):
                return await db.Users.AsNoTracking().Where(u => keys.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
            case nameof(PublicService):
                return (await db.PublicServices.AsNoTracking().Where(s => ids.Contains(s.Id)).Select(s => new { s.Id, s.NameEn, s.NameKo }).ToListAsync(ct))
                    .ToDictionary(s => Id(s.Id), s => LocalText.Of(s.NameEn, s.NameKo).ToString());
            case "key:" + nameof(PublicService):
                return (await db.PublicServices.AsNoTracking().Where(s => keys.Contains(s.Code)).Select(s => new { s.Code, s.NameEn, s.NameKo }).ToListAsync(ct))
                    .ToDictionary(s => s.Code, s => LocalText.Of(s.NameEn, s.NameKo).ToString());
            case nameof(RootCause):
                return (await db.Set<RootCause>().AsNoTracking().Where(s => ids.Contains(s.Id)).Select(s => new { s.Id, s.NameEn, s.NameKo }).ToListAsync(ct))
                    .ToDictionary(s => Id(s.Id), s => LocalText.Of(s.NameEn, s.NameKo).ToString());
            case "key:" + nameof(RootCause):
                return (await db.Set<RootCause>().AsNoTracking().Where(s => keys.Contains(s.Code)).Select(s => new { s.Code, s.NameEn, s.NameKo }).ToListAsync(ct))
                    .ToDictionary(s => s.Code, s => LocalText.Of(s.NameEn, s.NameKo).ToString());
            case "key:" + nameof(Competency):
                return (await db.Competencies.AsNoTracking().Where(s => keys.Contains(s.Code)).Select(s => new { s.Code, s.NameEn, s.NameKo }).ToListAsync(ct))
                    .ToDictionary(s => s.Code, s => LocalText.Of(s.NameEn, s.NameKo).ToString());
            case nameof(Touchpoint):
                return (await db.Touchpoints.AsNoTracking().Where(t => ids.Contains(t.Id)).Select(t => new { t.Id, t.Label.En, t.Label.Ko }).ToListAsync(ct))
                    .ToDictionary(t => Id(t.Id), t => LocalText.Of(t.En, t.Ko).ToString());
            case "key:" + nameof(FollowUpCase):
                var answers = keys.Select(k => long.TryParse(k.Replace("answer-", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var a) ? a : (long?)null).OfType<long>().ToList();
                return (await db.Set<FollowUpCase>().AsNoTracking().Where(c => answers.Contains(c.AnswerId)).Select(c => new { c.Id, c.AnswerId }).ToListAsync(ct))
                    .ToDictionary(c => "answer-" + Id(c.AnswerId), c => l["Case {0}", Id(c.Id)].Value);
            default:
                return [];
        }
    }

    /// <summary>A session by its day in the city and its place (or, online, its programme): "2026-12-22 Hanbit City Hall".</summary>
    private Dictionary<string, string> SessionNames(IEnumerable<SessionName> sessions) =>
        sessions.ToDictionary(s => s.Key, s => string.Create(CultureInfo.InvariantCulture,
            $"{city.DateOf(new DateTimeOffset(DateTime.SpecifyKind(s.StartsAtUtc, DateTimeKind.Utc))):yyyy-MM-dd} {(s.Venue.IsEmpty ? s.Programme : s.Venue)}"));

    /// <summary>A record whose audit key is its text in both languages (<see cref="LocalText.Both"/>): the reader's part.</summary>
    private static async Task<Dictionary<string, string>> ByBothAsync(
        HashSet<string> keys, Func<List<string>, IQueryable<LocalText>> query, CancellationToken ct)
    {
        // "한국어 / English" → candidates "한국어 / English" and "한국어"; a text containing " / " itself still matches whole.
        var candidates = keys.Concat(keys.Select(k => k.Split(" / ")[0])).Distinct(StringComparer.Ordinal).ToList();
        var texts = await query(candidates).ToListAsync(ct);
        return texts.Where(t => keys.Contains(t.Both)).DistinctBy(t => t.Both).ToDictionary(t => t.Both, t => t.ToString());
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private sealed record SessionName(string Key, DateTime StartsAtUtc, LocalText Venue, LocalText Programme);
}
