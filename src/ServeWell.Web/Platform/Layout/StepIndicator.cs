namespace ServeWell.Web.Platform.Layout;

/// <summary>
/// Where a person stands in a flow of a few pages (ADR-039, KRDS step indicator): the steps' names (English keys,
/// localised by the partial) and the current one, counted from 1. <see cref="Current"/> past the last step means the
/// flow is finished: every step shows as done and none as current.
/// </summary>
public sealed record StepIndicator(IReadOnlyList<string> Steps, int Current)
{
    /// <summary>Roster import: upload, the dry run people check, the import itself (ADR-005).</summary>
    public static StepIndicator RosterImport(int current) => new(["Upload the file", "Check what would change", "Import"], current);

    /// <summary>A new programme: described as a draft, sessions added, published after a confirmation (ADR-031).</summary>
    public static StepIndicator ProgrammeDraft(int current) => new(["Describe the programme", "Add sessions", "Publish"], current);
}
