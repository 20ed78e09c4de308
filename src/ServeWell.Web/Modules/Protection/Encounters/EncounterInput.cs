namespace ServeWell.Web.Modules.Protection.Encounters;

/// <summary>A problem with the input: the field it concerns ("" for the whole) and what is wrong, in the reader's language.</summary>
public sealed record ProtectionProblem(string Field, string Message);

/// <summary>
/// An encounter as the form or the API gives it. Employee: whose encounter (empty: the signed-in employee's own);
/// office: the code of the office where it happened (empty: the employee's own unit); occurredAt: when, in any offset.
/// ComplainantContact: the person's phone or email if known, turned into a keyed hash and never stored.
/// </summary>
public sealed record EncounterInput(
    string? EmployeeNumber, string? Office, DateTimeOffset? OccurredAt, string? Channel, IReadOnlyList<string>? Kinds,
    IReadOnlyList<string>? Actions, string? Description, string? Injury, string? ComplainantContact)
{
    public EncounterRecord Record => new(OccurredAt, Office, Channel, Kinds, Actions, Description, Injury);
}

/// <summary>
/// The record of an encounter as logging and correcting check it (ADR-062, addendum): when (any offset), the office's
/// code (empty: the employee's own unit), the channel, the kinds, the actions on the spot, the description and the injury.
/// </summary>
public sealed record EncounterRecord(
    DateTimeOffset? OccurredAt, string? Office, string? Channel, IReadOnlyList<string>? Kinds, IReadOnlyList<string>? Actions, string? Description, string? Injury);
