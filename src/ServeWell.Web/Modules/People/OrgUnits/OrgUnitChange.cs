namespace ServeWell.Web.Modules.People.OrgUnits;

/// <summary>One step in an org unit's life (created, renamed, moved, deactivated, reactivated), kept for history.</summary>
public sealed class OrgUnitChange
{
    public long Id { get; private set; }

    public int OrgUnitId { get; init; }

    public DateTime At { get; init; }

    public required string Kind { get; init; }

    public string? From { get; init; }

    public string? To { get; init; }

    public string? By { get; init; }
}
