using ServeWell.Web.Platform.Audit;
using ServeWell.Web.Platform.Web;

namespace ServeWell.Web.Modules.People.OrgUnits;

public enum OrgUnitKind
{
    City = 0,
    Department = 1,
    Office = 2,
    CommunityCentre = 3,
    Team = 4,
}

/// <summary>
/// A node of the organisation tree. <see cref="Path"/> holds the ids from the root down
/// ("/1/4/17/"), so "this unit and everything below it" is one indexed prefix match.
/// </summary>
public sealed class OrgUnit : IAudited
{
    public int Id { get; private set; }

    public required string Code { get; set; }

    public required string Name { get; set; }

    /// <summary>The name shown to people reading in English, where the local name is in another script.</summary>
    public string? NameEn { get; set; }

    public OrgUnitKind Kind { get; set; }

    public int? ParentId { get; private set; }

    public OrgUnit? Parent { get; private set; }

    public string Path { get; private set; } = "/";

    public int Depth { get; private set; }

    public bool IsActive { get; set; } = true;

    public DateTime CreatedAt { get; set; }

    string IAudited.AuditKey => Code;

    public string DisplayName(bool english) => english && !string.IsNullOrWhiteSpace(NameEn) ? NameEn! : Name;

    /// <summary>Places the unit under <paramref name="parent"/> (or at the root). The id must already be known.</summary>
    public void PlaceUnder(OrgUnit? parent)
    {
        if (parent is not null && (parent.Id == Id || (Path.Length > 1 && parent.Path.StartsWith(Path, StringComparison.Ordinal))))
        {
            throw new DomainRuleException($"Org unit {Code} cannot be moved under itself or one of its own sub-units.");
        }

        ParentId = parent?.Id;
        Parent = parent;
        Path = (parent?.Path ?? "/") + Id.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/";
        Depth = parent is null ? 0 : parent.Depth + 1;
    }

    /// <summary>After the unit itself moved, rewrites a descendant's path prefix.</summary>
    public void RebaseDescendant(string oldPrefix, string newPrefix, int depthShift)
    {
        Path = newPrefix + Path[oldPrefix.Length..];
        Depth += depthShift;
    }
}
